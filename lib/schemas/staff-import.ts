import { z } from '@hono/zod-openapi'

export const ImportQuery = z.object({
  dryRun: z
    .enum(['true', 'false'])
    .default('true')
    .openapi({ description: '`true` (the default) checks the whole file and writes nothing.' }),
  next: z
    .string()
    .max(512)
    .optional()
    .openapi({ description: 'The `next` token of the previous call: send the same file again to go on.' }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(2000)
    .default(500)
    .openapi({ description: 'Rows written per call at most (the call also stops after ~20 s).' }),
})

export const ImportErrorSchema = z
  .object({
    line: z.number().int().openapi({ description: 'Line of the file (1 is the header).' }),
    field: z.enum(['name', 'type', 'externalId', 'store', 'recruiterExternalId', '_']),
    reason: z.enum([
      'malformed_csv',
      'missing_column',
      'empty_file',
      'missing',
      'too_long',
      'unknown_type',
      'duplicate_external_id',
      'recruiter_not_found',
      'recruiter_cycle',
      'recruiter_invalid',
      'write_failed',
    ]),
    message: z.string().openapi({ description: 'The problem in Chinese and English.' }),
    params: z
      .object({
        value: z
          .string()
          .optional()
          .openapi({ description: "The cell as written (an unknown type) or the row's own external id." }),
        recruiter: z.string().optional().openapi({ description: 'The recruiter external id the row names.' }),
        cycle: z.string().optional().openapi({ description: 'A recruiter cycle, `a → b → a`.' }),
        max: z.number().int().optional().openapi({ description: 'The longest the cell may be.' }),
        firstLine: z
          .number()
          .int()
          .optional()
          .openapi({ description: 'The line that first used a duplicated external id.' }),
        detail: z
          .string()
          .optional()
          .openapi({ description: "The CSV reader's or the write's own words, in English." }),
      })
      .optional()
      .openapi({ description: 'What the message names, for a client to word `reason` in its own language.' }),
  })
  .openapi('ImportError')

export const ImportReportSchema = z
  .object({
    dryRun: z.boolean(),
    encoding: z.enum(['utf-8', 'utf-8-bom', 'gbk']),
    rows: z.number().int(),
    valid: z.number().int(),
    errorCount: z.number().int(),
    errors: z.array(ImportErrorSchema),
    failures: z.array(ImportErrorSchema),
    wouldCreate: z.number().int().optional(),
    wouldUpdate: z.number().int().optional(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    failed: z.number().int(),
    processed: z.number().int(),
    done: z.boolean(),
    next: z.string().optional(),
  })
  .openapi('ImportReport')
