import type { FC } from 'hono/jsx'
import type { MobileText } from '../../i18n/mobile'
import type { ProductRow } from '../../../lib/services/mobile-home'
import { money, percentOfBps } from '../../format'
import { ProductImage, posterImageOf } from './ProductImage'

/** The brand's products with their photo and what a share earns; a tap on the card opens the share sheet for it. */
export const ProductList: FC<{ rows: ProductRow[]; currency: string; levelOneBps: number; t: MobileText }> = ({
  rows,
  currency,
  levelOneBps,
  t,
}) => (
  <section class="card" id="products">
    <h2>{t.products}</h2>
    {rows.length === 0 ? (
      <p class="muted">{t.noProducts}</p>
    ) : (
      <ul class="list">
        {rows.map(({ product, commission }) => (
          <li
            class="product row"
            data-sku={product.sku}
            data-share={product.sku}
            data-name={product.name}
            data-price={money(product.price, currency)}
            data-img={posterImageOf(product)}
            data-texts={product.copyTexts?.length ? JSON.stringify(product.copyTexts) : undefined}
          >
            <ProductImage product={product} sizes="96px" />
            <div class="grow">
              <div class="product-name">{product.name}</div>
              <div class="muted">
                {t.price} <span class="price">{money(product.price, currency)}</span> · {t.earn}{' '}
                <span class="earn">{money(commission, currency)}</span>
              </div>
            </div>
            <button type="button">{t.share}</button>
          </li>
        ))}
      </ul>
    )}
    <p class="muted">{t.earnHint(percentOfBps(levelOneBps))}</p>
  </section>
)
