import type { FC } from 'hono/jsx'
import type { Product } from '../../../lib/schemas/product'
import type { Rule } from '../../../lib/schemas/rule'
import type { Campaign } from '../../../lib/schemas/campaign'
import { CURRENCY_SYMBOLS } from '../../shared/amounts'
import { rulesText } from '../../i18n/rules'
import type { AdminView } from '../../routes/console-admin-gate'
import { Card } from '../../components/Card'
import { ConsolePage } from './ConsoleLayout'
import { RuleList } from './RuleList'
import { RuleForm } from './RuleForm'
import { RulePreview } from './RulePreview'

const rulesCss = `
.rules-grid{display:grid;grid-template-columns:minmax(0,1fr);gap:12px}
@media (min-width:960px){.rules-grid{grid-template-columns:minmax(0,1.2fr) minmax(0,1fr)}}
.rule-group h3{font-size:.95rem;margin:12px 0 4px}
.rule-group table{font-size:.9rem}
.actions-cell{white-space:nowrap}
.actions-cell button{padding:4px 10px}
.field{margin:0 0 10px;border:0;padding:0;min-width:0}
.field label,.field legend{display:block;font-size:.9rem;margin-bottom:4px}
.field-pair{display:grid;grid-template-columns:repeat(auto-fit,minmax(12rem,1fr));gap:0 12px}
.types{display:flex;flex-wrap:wrap;gap:4px 16px}
.check{display:inline-flex!important;align-items:center;gap:4px;margin:0!important}
.check input{width:auto}
.level-row{display:grid;grid-template-columns:2.5rem 9rem minmax(0,1fr) 1.5rem auto;gap:6px;align-items:center;margin-bottom:6px}
.level-row .level-error{grid-column:1/-1;margin:0}
.remove-level{padding:6px 10px}
.field-error{font-size:.85rem;margin:4px 0 0}
[aria-invalid=true]{border-color:#b00020}
#preview-table td.amount{font-weight:600}
`

/** The commission-rules page: the rules by scope, the create/edit form and the live preview, in the page language. */
export const RulesPage: FC<{
  view: AdminView
  rules: Rule[]
  products: Product[]
  campaigns?: Campaign[]
  script: string
}> = ({ view, rules, products, campaigns = [], script }) => {
  const { brand, lang } = view
  const p = brand.programme
  const t = rulesText(lang)
  const categories = [...new Set(products.map((x) => x.category).filter((c): c is string => !!c))].sort()
  return (
    <ConsolePage
      view={view}
      title={t.title}
      script={script}
      current="rules"
      extraCss={rulesCss}
      bodyData={{ text: JSON.stringify(t.client) }}
    >
      <Card id="rules" title={t.title} intro={t.precedence}>
        <RuleList rules={rules} currency={p.currency} defaultBps={p.defaultBps} lang={lang} t={t} />
      </Card>
      <div class="rules-grid">
        <RuleForm
          maxLevels={p.maxLevels}
          skus={products.map((x) => x.sku)}
          categories={categories}
          campaigns={campaigns}
          currencySymbol={CURRENCY_SYMBOLS[p.currency] ?? p.currency}
          lang={lang}
          t={t}
        />
        <RulePreview products={products} currency={p.currency} initialType={p.defaultRecruitType} lang={lang} t={t} />
      </div>
    </ConsolePage>
  )
}
