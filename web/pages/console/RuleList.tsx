import type { FC } from 'hono/jsx'
import type { Rule, RuleLevel } from '../../../lib/schemas/rule'
import { money, percent2 } from '../../format'
import { TYPE_LABELS } from '../../i18n/distributor-types'

/** The scopes in the order they win, with their UI names. */
export const SCOPES = [
  { scope: 'product', label: '商品规则 Product rules', option: '商品 Product', target: '商品 SKU' },
  { scope: 'category', label: '品类规则 Category rules', option: '品类 Category', target: '品类 Category' },
  { scope: 'campaign', label: '活动规则 Campaign rules', option: '活动 Campaign', target: '活动 Campaign' },
  { scope: 'default', label: '默认规则 Default rules', option: '默认 Default', target: '' },
] as const

/** One level's rate as the console shows it: "12.50%" or "¥10.00 / 件 each". */
export const levelText = (level: RuleLevel, currency: string): string => ('bps' in level ? percent2(level.bps) : `${money(level.fixed, currency)} / 件 each`)

/** A time the client script rewrites into the reader's local time; UTC until then. */
const When: FC<{ at?: string }> = ({ at }) => (at ? <time datetime={at}>{`${at.slice(0, 16).replace('T', ' ')} UTC`}</time> : <span>—</span>)

/**
 * The brand's rules grouped by scope, in the order they win (product > category >
 * campaign > default). Each row carries its rule as JSON in `data-rule` for the
 * edit form (attribute-escaped by JSX). Also served alone to refresh the list.
 */
export const RuleList: FC<{ rules: Rule[]; currency: string; defaultBps: number[] }> = ({ rules, currency, defaultBps }) => (
  <div id="rule-list">
    {SCOPES.map(({ scope, label, target }) => {
      const group = rules.filter((r) => r.scope === scope).sort((a, b) => (a.target ?? '').localeCompare(b.target ?? '') || a.name.localeCompare(b.name))
      return (
        <section class="rule-group" data-scope={scope}>
          <h3>
            {label} <span class="muted">({group.length})</span>
          </h3>
          {group.length === 0 ? (
            <p class="muted">暂无 None</p>
          ) : (
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th>名称 Name</th>
                    {target ? <th>{target}</th> : null}
                    <th>分销员类型 Types</th>
                    <th>各级佣金 Rates</th>
                    <th>每单上限 Cap</th>
                    <th>生效时间 Active</th>
                    <th>版本 Ver.</th>
                    <th></th>
                  </tr>
                </thead>
                <tbody>
                  {group.map((r) => (
                    <tr class="rule" data-id={r.id} data-rule={JSON.stringify(r)}>
                      <td class="name">{r.name}</td>
                      {target ? <td class="target">{r.target}</td> : null}
                      <td class="types">{r.types ? r.types.map((t) => TYPE_LABELS[t]).join('、') : '全部 All'}</td>
                      <td class="rates">{r.levels.map((l, i) => `L${i + 1} ${levelText(l, currency)}`).join(' · ')}</td>
                      <td class="cap">{r.capPerOrder === undefined ? '— 不封顶 None' : money(r.capPerOrder, currency)}</td>
                      <td class="window">
                        <When at={r.startsAt} /> ~ <When at={r.endsAt} />
                      </td>
                      <td class="version">v{r.version}</td>
                      <td class="actions-cell">
                        <button type="button" class="ghost edit" data-edit={r.id}>编辑 Edit</button>{' '}
                        <button type="button" class="ghost delete" data-delete={r.id}>删除 Delete</button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )
    })}
    <p class="muted" id="programme-default">
      没有规则命中时，按分销计划默认佣金 When no rule applies, the programme default pays: {defaultBps.map((bps, i) => `L${i + 1} ${percent2(bps)}`).join(' · ')}
    </p>
  </div>
)
