import { customAlphabet } from 'nanoid'
import { getCampaign } from '../db/campaigns'
import { CONFLICT, retryOnConflict } from '../db/retry-on-conflict'
import { getRule, writeRule } from '../db/rules'
import { AppError, invalidField } from '../errors'
import type { Rule, RuleBody } from '../schemas/rule'
import { SAFE_ALPHABET } from './create-distributor'
import { getBrandOrThrow } from './get-brand-or-throw'
import { minorOrThrow } from './money-fields'

const newRuleId = customAlphabet(SAFE_ALPHABET, 10)

/** Creates a rule at version 1; a campaign rule's campaign must exist (`storedFields`). */
export async function createRule(brandId: string, body: RuleBody, now = new Date()): Promise<Rule> {
  const rule: Rule = {
    ...(await storedFields(brandId, body)),
    id: `r_${newRuleId()}`,
    version: 1,
    updatedAt: now.toISOString(),
  }
  if (!(await writeRule(brandId, rule, null)))
    throw new AppError({ code: 'conflict', message: 'Rule id collision; retry.' })
  return rule
}

/**
 * Replaces a rule (PUT) or deletes it (a tombstone version), bumping its
 * version. Entries keep the id and version they were computed with, and every
 * version stays stored, so old entries can always be explained.
 */
export async function changeRule(
  brandId: string,
  ruleId: string,
  change: { body: RuleBody } | { delete: true },
  now = new Date(),
): Promise<Rule> {
  return retryOnConflict(
    async () => {
      const current = await getRule(brandId, ruleId)
      if (!current || current.deleted) throw new AppError({ code: 'not_found', message: `Rule ${ruleId} not found.` })
      const { deleted: _deleted, ...base } = current
      const next =
        'body' in change
          ? {
              ...(await storedFields(brandId, change.body)),
              id: ruleId,
              version: current.version + 1,
              updatedAt: now.toISOString(),
            }
          : { ...base, version: current.version + 1, updatedAt: now.toISOString(), deleted: true }
      if (!(await writeRule(brandId, next, current.version))) return CONFLICT
      const { deleted: _d, ...rule } = next as Rule & { deleted?: boolean }
      return rule
    },
    {
      tries: 3,
      exhausted: () => new AppError({ code: 'conflict', message: 'The rule changed while saving; reload and retry.' }),
    },
  )
}

/**
 * The rule as stored: fixed amounts and cap in minor units of the brand's
 * currency, read with its campaign (when it targets one) in parallel.
 *
 * A campaign rule must name a campaign of this brand: campaigns are few and made
 * on purpose in the console, so an unknown id is a typo that would silently never
 * pay. Campaigns are never deleted (only deactivated), so the check cannot go
 * stale before the write. Product and category targets are not checked: orders
 * (Shopify's webhook among them) name SKUs and categories whether or not they are
 * in Ripple's catalogue, and a product may be added after its rule.
 * `fieldPrefix` places field errors under an enclosing body (`draftRule.` in a preview).
 */
export async function storedFields(
  brandId: string,
  body: RuleBody,
  fieldPrefix = '',
): Promise<Omit<Rule, 'id' | 'version' | 'updatedAt'>> {
  const [brand, campaign] = await Promise.all([
    getBrandOrThrow(brandId),
    body.scope === 'campaign' && body.target ? getCampaign(brandId, body.target) : undefined,
  ])
  if (body.scope === 'campaign' && !campaign) throw invalidField(`${fieldPrefix}target`, { reason: 'rule.no_campaign' })
  const { currency } = brand.programme
  return {
    ...body,
    levels: body.levels.map((l, i) =>
      'bps' in l ? { bps: l.bps } : { fixed: minorOrThrow(l.fixed, currency, `${fieldPrefix}levels.${i}.fixed`) },
    ),
    capPerOrder:
      body.capPerOrder === undefined
        ? undefined
        : minorOrThrow(body.capPerOrder, currency, `${fieldPrefix}capPerOrder`),
  }
}
