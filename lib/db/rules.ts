import { transactOrExplain } from './transact'
import { keys } from './keys'
import { getItem, queryPage, strip } from './items'
import { tableName } from './table'
import type { Rule } from '../schemas/rule'

type StoredRule = Rule & { deleted?: boolean }

/**
 * Writes a rule at its new version together with an immutable snapshot of that
 * version, guarded by the previous version so two editors cannot both win.
 * Returns false when the rule changed (or appeared) meanwhile.
 */
export async function writeRule(brandId: string, rule: StoredRule, previousVersion: number | null): Promise<boolean> {
  const T = tableName()
  const r = await transactOrExplain([
    {
      Put: {
        TableName: T,
        Item: { ...keys.rule(brandId, rule.id), entity: 'rule', ...rule },
        ...(previousVersion === null
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': previousVersion } }),
      },
    },
    {
      Put: {
        TableName: T,
        Item: { ...keys.ruleVersion(brandId, rule.id, rule.version), entity: 'ruleVersion', ...rule },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  ])
  return r.ok
}

/** One rule (deleted ones included, flagged), or undefined. */
export async function getRule(brandId: string, ruleId: string): Promise<StoredRule | undefined> {
  const item = await getItem(keys.rule(brandId, ruleId), true)
  return item ? strip<StoredRule>(item) : undefined
}

/** Every live rule of a brand: one Query on the brand's key (a brand has tens of rules, not thousands). */
export async function listRules(brandId: string): Promise<Rule[]> {
  const k = keys.rulesOf(brandId)
  const rules: Rule[] = []
  let cursor: string | undefined
  do {
    const page = await queryPage<StoredRule>(
      {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
        ExpressionAttributeValues: { ':pk': k.pk, ':p': k.skPrefix },
      },
      cursor,
    )
    for (const r of page.items) if (!r.deleted) rules.push(r)
    cursor = page.nextCursor
  } while (cursor)
  return rules
}
