import type { FC } from 'hono/jsx'
import type { Product } from '../../../lib/schemas/product'
import type { DistributorType } from '../../../lib/schemas/distributor'
import { DISTRIBUTOR_TYPES } from '../../../lib/schemas/distributor'
import { TYPE_NAMES } from '../../i18n/console-admin'
import type { Lang } from '../../i18n/lang'
import type { RulesText } from '../../i18n/rules'
import { money } from '../../format'

/**
 * The live preview: a product, a quantity and a distributor type; the script asks
 * POST /api/rules/preview (the ingestion code, writing nothing) and fills the table,
 * the saved rules' result beside the result of the rule in the form, before it is saved.
 */
export const RulePreview: FC<{
  products: Product[]
  currency: string
  initialType: DistributorType
  lang: Lang
  t: RulesText
}> = ({ products, currency, initialType, lang, t }) => (
  <section class="card" id="preview">
    <h2>{t.previewTitle}</h2>
    <p class="muted">{t.previewIntro}</p>
    {products.length === 0 ? (
      <p class="muted" id="preview-empty">
        {t.catalogueEmpty}
      </p>
    ) : (
      <>
        <div class="field">
          <label for="preview-product">{t.product}</label>
          <select id="preview-product">
            {products.map((p) => (
              <option value={p.sku} data-price={String(p.price)} data-category={p.category ?? ''}>
                {`${p.name} · ${money(p.price, currency)}${p.category ? ` · ${p.category}` : ''}`}
              </option>
            ))}
          </select>
        </div>
        <div class="field-pair">
          <div class="field">
            <label for="preview-qty">{t.quantity}</label>
            <input id="preview-qty" type="number" min={1} max={100000} step={1} value="1" inputmode="numeric" />
          </div>
          <div class="field">
            <label for="preview-type">{t.distributorType}</label>
            <select id="preview-type">
              {DISTRIBUTOR_TYPES.map((type) => (
                <option value={type} selected={type === initialType}>
                  {TYPE_NAMES[lang][type]}
                </option>
              ))}
            </select>
          </div>
        </div>
        <p class="muted">
          {t.orderBase} <strong id="preview-base">—</strong>
        </p>
        <div class="table-wrap">
          <table id="preview-table">
            <thead>
              <tr>
                <th rowspan={2}>{t.level}</th>
                <th colspan={3}>{t.savedRules}</th>
                <th colspan={3} class="draft-head">
                  {t.unsavedRule}
                </th>
              </tr>
              <tr>
                <th>{t.rule}</th>
                <th>{t.rate}</th>
                <th>{t.commission}</th>
                <th>{t.rule}</th>
                <th>{t.rate}</th>
                <th>{t.commission}</th>
              </tr>
            </thead>
            <tbody id="preview-rows"></tbody>
          </table>
        </div>
        <p class="muted" id="preview-status" role="status"></p>
        <p class="muted" id="preview-draft-status" role="status"></p>
      </>
    )}
  </section>
)
