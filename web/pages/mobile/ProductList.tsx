import type { FC } from 'hono/jsx'
import type { MobileText } from '../../i18n/mobile'
import type { ProductRow } from '../../../lib/services/mobile-home'
import { money, percentOfBps } from '../../format'
import { ProductImage, posterImageOf } from './ProductImage'

/** A rate as the page shows it: "15%", or a fixed amount per unit. */
const rateOf = (row: ProductRow, currency: string, t: MobileText): string =>
  row.earning.fixed === undefined
    ? `${percentOfBps(row.earning.bps ?? 0)}%`
    : `${money(row.earning.fixed, currency)} ${t.perUnit}`

/**
 * The brand's products with what one unit sold through my share pays me (rate and
 * amount, by the order path's pricing) and the campaign setting it; "share" opens the sheet.
 */
export const ProductList: FC<{ rows: ProductRow[]; currency: string; t: MobileText }> = ({ rows, currency, t }) => (
  <section class="card" id="products">
    <h2>{t.products}</h2>
    {rows.length === 0 ? (
      <p class="muted">{t.noProducts}</p>
    ) : (
      <ul class="list">
        {rows.map((row) => (
          <li
            class="product row"
            data-sku={row.product.sku}
            data-share={row.product.sku}
            data-name={row.product.name}
            data-price={money(row.product.price, currency)}
            data-img={posterImageOf(row.product)}
            data-texts={row.product.copyTexts?.length ? JSON.stringify(row.product.copyTexts) : undefined}
          >
            <ProductImage product={row.product} sizes="96px" />
            <div class="grow">
              <div class="product-name">{row.product.name}</div>
              <div class="muted">
                {t.price} <span class="price">{money(row.product.price, currency)}</span>
              </div>
              <div class="muted">
                {t.earn} <span class="earn">{money(row.commission, currency)}</span> ·{' '}
                <span class="rate">{rateOf(row, currency, t)}</span>
              </div>
              {row.campaign ? (
                <div class="campaign tag" data-ends={row.campaign.endsAt}>
                  {t.campaign(row.campaign.name, row.campaign.endsAt.slice(0, 10))}
                </div>
              ) : null}
            </div>
            <button type="button">{t.share}</button>
          </li>
        ))}
      </ul>
    )}
    <p class="muted">{t.earnHint}</p>
  </section>
)
