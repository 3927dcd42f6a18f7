import { z } from '@hono/zod-openapi'
import { errorStatus, type ErrorCode } from '../errors'
import { MESSAGES, type MessageCode } from '../i18n/messages'

const MessageParams = z.record(z.string(), z.union([z.string(), z.number()])).openapi({
  description: 'The message\'s parameters (a limit, a field, a value kind), e.g. `{ "maximum": 10000 }`.',
})
const Reason = z.enum(Object.keys(MESSAGES.en) as [MessageCode, ...MessageCode[]]).openapi({
  description: 'The message code: with `params`, a client words the message in its own language.',
})

/** The error body, described once for validation of tests and for the OpenAPI document. */
export const ErrorBody = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(errorStatus) as [ErrorCode, ...ErrorCode[]]),
      message: z
        .string()
        .openapi({ description: 'In English, or in Chinese when the request sends `Accept-Language: zh-CN`.' }),
      reason: Reason,
      params: MessageParams.optional(),
      fields: z
        .record(z.string(), z.string())
        .optional()
        .openapi({ description: 'Field path → message, in the language of `message`.' }),
      fieldReasons: z
        .record(z.string(), z.object({ reason: Reason, params: MessageParams.optional() }))
        .optional()
        .openapi({ description: "Field path → the field's message code and parameters." }),
    }),
  })
  .openapi('Error')
