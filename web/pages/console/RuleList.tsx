import type { FC } from 'hono/jsx'
import type { Rule, RuleLevel } from '../../../lib/schemas/rule'
import { money, percent2 } from '../../format'
import { TYPE_NAMES } from '../../i18n/console-admin'
import type { Lang } from '../../i18n/lang'
import type { RulesText } from '../../i18n/rules'
import { RowActions } from '../../components/RowActions'
import { Table } from '../../components/Table'

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
          <Table
            rows={group}
            empty={<p class="muted">{t.none}</p>}
            rowAttrs={(r) => ({ class: 'rule', 'data-id': r.id, 'data-rule': JSON.stringify(r) })}
            columns={[
              { header: t.name, class: 'name', cell: (r) => r.name },
              !!target && { header: target, class: 'target', cell: (r) => r.target },
              {
                header: t.typesColumn,
                class: 'types',
                cell: (r) =>
                  r.types ? r.types.map((type) => TYPE_NAMES[lang][type]).join(t.typeSeparator) : t.allTypes,
              },
              {
                header: t.rates,
                class: 'rates',
                cell: (r) =>
                  r.levels.map((l, i) => `L${i + 1} ${levelText(l, currency, t.client.perItem)}`).join(' · '),
              },
              {
                header: t.cap,
                class: 'cap',
                cell: (r) => (r.capPerOrder === undefined ? t.noCap : money(r.capPerOrder, currency)),
              },
              {
                header: t.active,
                class: 'window',
                cell: (r) => (
                  <>
                    <When at={r.startsAt} /> ~ <When at={r.endsAt} />
                  </>
                ),
              },
              { header: t.version, class: 'version', cell: (r) => `v${r.version}` },
              {
                header: '',
                class: 'actions-cell',
                cell: (r) => (
                  <RowActions
                    actions={[
                      { label: t.edit, class: 'edit', data: { 'data-edit': r.id } },
                      { label: t.delete, class: 'delete', data: { 'data-delete': r.id } },
                    ]}
                  />
                ),
              },
            ]}
          />
        </section>
      )
    })}
    <p class="muted" id="programme-default">
      {t.programmeDefault} {defaultBps.map((bps, i) => `L${i + 1} ${percent2(bps)}`).join(' · ')}
    </p>
  </div>
)
