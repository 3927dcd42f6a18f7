import type { FC } from 'hono/jsx'
import type { Product } from '../../../lib/schemas/product'
import type { DistributorType } from '../../../lib/schemas/distributor'
import { DISTRIBUTOR_TYPES } from '../../../lib/schemas/distributor'
import { TYPE_LABELS } from '../../i18n/distributor-types'
import { money } from '../../format'

/**
 * The live preview: a product, a quantity and a distributor type; the script asks
 * POST /api/rules/preview (the ingestion code, writing nothing) and fills the table.
 */
export const RulePreview: FC<{ products: Product[]; currency: string; initialType: DistributorType }> = ({ products, currency, initialType }) => (
  <section class="card" id="preview">
    <h2>佣金预览 Live preview</h2>
    <p class="muted">按已保存的规则，由服务器以入账相同的方式计算。Computed by the server from the saved rules, exactly as orders are.</p>
    {products.length === 0 ? (
      <p class="muted" id="preview-empty">商品目录为空，请先添加商品。The catalogue is empty; add products first.</p>
    ) : (
      <>
        <div class="field">
          <label for="preview-product">商品 Product</label>
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
            <label for="preview-qty">数量 Quantity</label>
            <input id="preview-qty" type="number" min={1} max={100000} step={1} value="1" inputmode="numeric" />
          </div>
          <div class="field">
            <label for="preview-type">分销员类型 Distributor type</label>
            <select id="preview-type">
              {DISTRIBUTOR_TYPES.map((t) => (
                <option value={t} selected={t === initialType}>
                  {TYPE_LABELS[t]}
                </option>
              ))}
            </select>
          </div>
        </div>
        <p class="muted">
          订单金额 Order base <strong id="preview-base">—</strong>
        </p>
        <div class="table-wrap">
          <table id="preview-table">
            <thead>
              <tr>
                <th>层级 Level</th>
                <th>规则 Rule</th>
                <th>费率 Rate</th>
                <th>佣金 Commission</th>
              </tr>
            </thead>
            <tbody id="preview-rows"></tbody>
          </table>
        </div>
        <p class="muted" id="preview-status" role="status"></p>
      </>
    )}
  </section>
)
