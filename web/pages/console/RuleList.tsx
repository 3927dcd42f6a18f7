import type { FC } from 'hono/jsx'
import type { Rule, RuleLevel } from '../../../lib/schemas/rule'
import { money, percent2 } from '../../format'
import { TYPE_NAMES } from '../../i18n/console-admin'
import type { Lang } from '../../i18n/lang'
import type { RulesText } from '../../i18n/rules'

/** The scopes in the order they win. */
export const SCOPES = ['product', 'category', 'campaign', 'default'] as const satisfies ReadonlyArray<Rule['scope']>

/** One level's rate as the console shows it: "12.50%" or "¥10.00 / 件" (`perItem` in the page language). */
export const levelText = (level: RuleLevel, currency: string, perItem: string): string =>
  'bps' in level ? percent2(level.bps) : `${money(level.fixed, currency)} ${perItem}`

/** A time the client script rewrites into the reader's local time; UTC until then. */
const When: FC<{ at?: string }> = ({ at }) =>
  at ? <time datetime={at}>{`${at.slice(0, 16).replace('T', ' ')} UTC`}</time> : <span>—</span>

/**
 * The brand's rules grouped by scope, in the order they win (product > category >
 * campaign > default). Each row carries its rule as JSON in `data-rule` for the
 * edit form (attribute-escaped by JSX). Also served alone to refresh the list.
 */
export const RuleList: FC<{ rules: Rule[]; currency: string; defaultBps: number[]; lang: Lang; t: RulesText }> = ({
  rules,
  currency,
  defaultBps,
  lang,
  t,
}) => (
  <div id="rule-list">
    {SCOPES.map((scope) => {
      const { group: label, target } = t.scopes[scope]
      const group = rules
        .filter((r) => r.scope === scope)
        .sort((a, b) => (a.target ?? '').localeCompare(b.target ?? '') || a.name.localeCompare(b.name))
      return (
        <section class="rule-group" data-scope={scope}>
          <h3>
            {label} <span class="muted">({group.length})</span>
          </h3>
          {group.length === 0 ? (
            <p class="muted">{t.none}</p>
          ) : (
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th>{t.name}</th>
                    {target ? <th>{target}</th> : null}
                    <th>{t.typesColumn}</th>
                    <th>{t.rates}</th>
                    <th>{t.cap}</th>
                    <th>{t.active}</th>
                    <th>{t.version}</th>
                    <th></th>
                  </tr>
                </thead>
                <tbody>
                  {group.map((r) => (
                    <tr class="rule" data-id={r.id} data-rule={JSON.stringify(r)}>
                      <td class="name">{r.name}</td>
                      {target ? <td class="target">{r.target}</td> : null}
                      <td class="types">
                        {r.types ? r.types.map((type) => TYPE_NAMES[lang][type]).join(t.typeSeparator) : t.allTypes}
                      </td>
                      <td class="rates">
                        {r.levels.map((l, i) => `L${i + 1} ${levelText(l, currency, t.client.perItem)}`).join(' · ')}
                      </td>
                      <td class="cap">{r.capPerOrder === undefined ? t.noCap : money(r.capPerOrder, currency)}</td>
                      <td class="window">
                        <When at={r.startsAt} /> ~ <When at={r.endsAt} />
                      </td>
                      <td class="version">v{r.version}</td>
                      <td class="actions-cell">
                        <button type="button" class="ghost edit" data-edit={r.id}>
                          {t.edit}
                        </button>{' '}
                        <button type="button" class="ghost delete" data-delete={r.id}>
                          {t.delete}
                        </button>
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
      {t.programmeDefault} {defaultBps.map((bps, i) => `L${i + 1} ${percent2(bps)}`).join(' · ')}
    </p>
  </div>
)
