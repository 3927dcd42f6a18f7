import { z } from '@hono/zod-openapi'
import { errorStatus, type ErrorCode } from '../errors'

/** The error body, described once for validation of tests and for the OpenAPI document. */
export const ErrorBody = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(errorStatus) as [ErrorCode, ...ErrorCode[]]),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional(),
    }),
  })
  .openapi('Error')
