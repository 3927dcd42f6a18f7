import { PayoutDetails, PayoutMasked } from './payout'
import { z } from '@hono/zod-openapi'
import { Cursor, IdParam, Limit } from './common'
import { PhoneInput } from './phone'

export const DISTRIBUTOR_TYPES = [
  'employee',
  'guide',
  'online_rep',
  'offline_rep',
  'member',
  'partner',
  'media',
] as const
export const DistributorTypeSchema = z.enum(DISTRIBUTOR_TYPES).openapi('DistributorType')
export type DistributorType = z.infer<typeof DistributorTypeSchema>

/**
 * `pending`: applied, awaiting the brand's approval (earns nothing yet); `active`;
 * `suspended`: paused by the brand; `left`: an employee or guide who has left,
 * their customers and recruits handed to a successor. Only `active` earns.
 */
export const DistributorStatusSchema = z.enum(['pending', 'active', 'suspended', 'left'])
export type DistributorStatus = z.infer<typeof DistributorStatusSchema>

/** The statuses a distributor can start with: `left` is reached only through the hand-over, POST /api/distributors/{id}/leave. */
export const NewDistributorStatusSchema = DistributorStatusSchema.exclude(['left'], {
  error: (issue) => (issue.input === 'left' ? 'distributor.created_left' : undefined),
})
export type NewDistributorStatus = z.infer<typeof NewDistributorStatusSchema>

const Name = z.string().trim().min(1, 'name.required').max(80)
const ExternalId = z.string().trim().min(1).max(128)
const Store = z.string().trim().min(1).max(64)
const PayeeReference = z.string().trim().min(1).max(128)

export const Distributor = z
  .object({
    id: z.string(),
    brandId: z.string(),
    name: z.string(),
    type: DistributorTypeSchema,
    status: DistributorStatusSchema,
    externalId: z.string().optional(),
    store: z.string().optional().openapi({ description: 'Store or department (门店 / 部门).' }),
    payeeReference: z
      .string()
      .optional()
      .openapi({ description: 'Where finance pays them: bank account or payroll reference.' }),
    payout: PayoutMasked.optional().openapi({
      description: 'Payout details, masked: the details themselves are write-only and stored encrypted.',
    }),
    phone: z
      .string()
      .optional()
      .openapi({ description: 'Mobile number in E.164, unique in the brand: they sign in at /m/sign-in with it.' }),
    parentId: z.string().nullable(),
    ancestors: z.array(z.string()).openapi({ description: 'Recruiters, nearest first, at most 10.' }),
    depth: z.number().int(),
    ring: z.number().int().openapi({ description: 'Distance from the brand: internal roots 1, external roots 2.' }),
    inviteCode: z.string(),
    joinedAt: z.string(),
    sessionsNotBefore: z.number().int().optional().openapi({
      description: 'Unix ms: their sessions issued before this are refused (set when they are suspended).',
    }),
    recruiter: z
      .object({ ring: z.number().int(), type: DistributorTypeSchema, store: z.string().optional() })
      .optional()
      .openapi({
        description:
          "The recruiter's ring, type and store when this distributor joined: reports count the recruit there.",
      }),
  })
  .openapi('Distributor')
export type Distributor = z.infer<typeof Distributor>

export const CreateDistributorBody = z
  .strictObject({
    name: Name,
    type: DistributorTypeSchema,
    parentId: IdParam.nullable().optional(),
    externalId: ExternalId.optional(),
    store: Store.optional(),
    payeeReference: PayeeReference.optional(),
    phone: PhoneInput.optional(),
    status: NewDistributorStatusSchema.optional().openapi({
      description: 'pending, active (the default) or suspended; never left.',
    }),
  })
  .openapi('CreateDistributor')

export const PatchDistributorBody = z
  .strictObject({
    name: Name.optional(),
    type: DistributorTypeSchema.optional(),
    status: DistributorStatusSchema.optional().openapi({
      description:
        'pending, active or suspended. `left` is set only by POST /api/distributors/{id}/leave (the hand-over), and a distributor who left keeps it.',
    }),
    store: Store.nullable().optional(),
    payeeReference: PayeeReference.nullable().optional(),
    payout: PayoutDetails.optional().openapi({
      description: 'Payout details (imported or set by the brand): write-only, answered masked, stored encrypted.',
    }),
    phone: PhoneInput.nullable().optional().openapi({ description: 'A new number, or null to remove it.' }),
    parentId: IdParam.nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'distributor.no_changes' })
  .openapi('PatchDistributor')

/** The list's filters (all optional, combined with AND); `q` finds a name or external id containing it. */
export const ListDistributorsQuery = z.object({
  cursor: Cursor,
  limit: Limit,
  type: DistributorTypeSchema.optional(),
  status: DistributorStatusSchema.optional(),
  ring: z.coerce.number().int().min(1, 'distributor.ring_from_one').max(20).optional(),
  store: Store.optional().openapi({ description: 'Exact store or department.' }),
  q: z
    .string()
    .trim()
    .min(1)
    .max(80)
    .optional()
    .openapi({ description: 'Part of a name or external id (case-sensitive).' }),
})
export type DistributorFilter = Omit<z.infer<typeof ListDistributorsQuery>, 'cursor' | 'limit'>

export const JoinBody = z
  .strictObject({
    inviteCode: z.string().regex(/^[A-Za-z0-9]{6,32}$/, 'format.invite_code'),
    name: Name,
    requestId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{8,64}$/)
      .optional()
      .openapi({ description: 'Client-made id that makes a retried join return the same distributor.' }),
  })
  .openapi('Join')

export const TeamSummary = z
  .object({ levels: z.array(z.object({ level: z.number().int(), count: z.number().int() })) })
  .openapi('Team')
