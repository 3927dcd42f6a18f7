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
    field: z.enum(['name', 'type', 'externalId', 'store', 'recruiterExternalId', 'phone', '_']),
    reason: z.enum([
      'malformed_csv',
      'missing_column',
      'empty_file',
      'missing',
      'too_long',
      'unknown_type',
      'duplicate_external_id',
      'invalid_phone',
      'duplicate_phone',
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
    rows: z.number().int().openapi({ description: 'Data rows in the file (records after the header).' }),
    valid: z
      .number()
      .int()
      .openapi({ description: 'Rows that pass every check, in the order they are written (recruiters first).' }),
    errorCount: z.number().int(),
    errors: z.array(ImportErrorSchema).openapi({
      description:
        'Per-row problems found before writing, by line (on a dry run and the first call of an import; at most 1000).',
    }),
    failures: z
      .array(ImportErrorSchema)
      .openapi({ description: 'Rows of this call that passed the checks but could not be written.' }),
    wouldCreate: z
      .number()
      .int()
      .optional()
      .openapi({ description: 'Dry run: how many valid rows are new (by external id).' }),
    wouldUpdate: z
      .number()
      .int()
      .optional()
      .openapi({ description: 'Dry run: how many valid rows already exist (by external id).' }),
    created: z.number().int().openapi({ description: 'Import: running totals over every call so far.' }),
    updated: z.number().int(),
    unchanged: z.number().int(),
    failed: z.number().int().openapi({ description: 'Refused and unwritten rows, over every call so far.' }),
    processed: z.number().int().openapi({ description: 'Valid rows written so far (the position in the plan).' }),
    done: z.boolean(),
    next: z.string().optional().openapi({ description: 'Send the same file again with `?next=` to go on.' }),
  })
  .openapi('ImportReport')
/** One problem of a staff import, as the API reports it. */
export type ImportError = z.infer<typeof ImportErrorSchema>
/** What a staff import call answers: the service returns it, the import page reads it. */
export type ImportReport = z.infer<typeof ImportReportSchema>
