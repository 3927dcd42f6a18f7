import type { FC } from 'hono/jsx'
import type { Brand } from '../../../lib/schemas/brand'
import type { Product } from '../../../lib/schemas/product'
import type { Rule } from '../../../lib/schemas/rule'
import type { Campaign } from '../../../lib/schemas/campaign'
import { CURRENCY_SYMBOLS } from '../../shared/amounts'
import { ConsoleLayout } from './ConsoleLayout'
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

/** The commission-rules page: the rules by scope, the create/edit form and the live preview. */
export const RulesPage: FC<{ brand: Brand; rules: Rule[]; products: Product[]; campaigns?: Campaign[]; script: string }> = ({ brand, rules, products, campaigns = [], script }) => {
  const p = brand.programme
  const categories = [...new Set(products.map((x) => x.category).filter((c): c is string => !!c))].sort()
  return (
    <ConsoleLayout title="佣金规则 Commission rules" brandName={brand.name} script={script} current="rules" extraCss={rulesCss}>
      <section class="card" id="rules">
        <h2>佣金规则 Commission rules</h2>
        <p class="muted">优先级：商品 &gt; 品类 &gt; 活动 &gt; 默认；同一范围内指定类型的规则优先。Precedence: product &gt; category &gt; campaign &gt; default; at one scope a rule naming the type wins.</p>
        <RuleList rules={rules} currency={p.currency} defaultBps={p.defaultBps} />
      </section>
      <div class="rules-grid">
        <RuleForm maxLevels={p.maxLevels} skus={products.map((x) => x.sku)} categories={categories} campaigns={campaigns} currencySymbol={CURRENCY_SYMBOLS[p.currency] ?? p.currency} />
        <RulePreview products={products} currency={p.currency} initialType={p.defaultRecruitType} />
      </div>
    </ConsoleLayout>
  )
}

/** What a finance key sees: the page exists, but rules are an admin's to set. */
export const AdminsOnlyPage: FC<{ brand: Brand }> = ({ brand }) => (
  <ConsoleLayout title="佣金规则 Commission rules" brandName={brand.name} current="rules">
    <section class="card" id="admins-only">
      <h2>仅限管理员 Admins only</h2>
      <p>佣金规则只有品牌管理员可以查看和修改，请使用管理员密钥登录。</p>
      <p class="muted">Commission rules are for brand admins only. Sign in with an admin API key to see and change them.</p>
    </section>
  </ConsoleLayout>
)
