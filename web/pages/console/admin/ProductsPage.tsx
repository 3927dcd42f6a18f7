import type { FC } from 'hono/jsx'
import type { Product } from '../../../../lib/schemas/product'
import type { AdminView } from '../../../routes/console-admin-gate'
import { money } from '../../../format'
import { CURRENCY_SYMBOLS } from '../../../shared/amounts'
import { ConsoleLayout } from '../ConsoleLayout'
import { adminCss } from './Field'
import { ProductForm, ProductTable } from './ProductTable'
import { CampaignForm, CampaignTable } from './CampaignTable'
import type { Campaign } from '../../../../lib/schemas/campaign'

export interface ProductPage {
  items: Product[]
  nextCursor?: string
  firstPage: boolean
  error?: string
}

/** The catalogue (a page at a time) and the campaigns, each with its add/edit form. */
export const ProductsPage: FC<{ view: AdminView; products: ProductPage; campaigns: Campaign[]; script: string }> = ({
  view,
  products,
  campaigns,
  script,
}) => {
  const { brand, lang, t, langSwitch } = view
  const currency = brand.programme.currency
  const text = {
    saved: t.saved,
    failed: t.failed,
    editProduct: t.editProduct,
    addProduct: t.addProduct,
    editCampaign: t.editCampaign,
    addCampaign: t.addCampaign,
    required: t.required,
  }
  return (
    <ConsoleLayout
      title={t.productsTitle}
      brandName={brand.name}
      script={script}
      current="products"
      extraCss={adminCss}
      lang={lang}
      langSwitch={langSwitch}
      bodyData={{ text: JSON.stringify(text), currency }}
    >
      <div class="two-col">
        <section class="card" id="products">
          <h2>{t.productsTitle}</h2>
          <p class="muted">{t.productsIntro}</p>
          {products.error ? <p class="error">{products.error}</p> : null}
          <ProductTable t={t} items={products.items} price={(p) => money(p.price, currency)} />
          <div class="actions">
            {products.firstPage ? null : (
              <a class="btn ghost" href="/console/products">
                {t.firstPage}
              </a>
            )}
            {products.nextCursor ? (
              <a
                class="btn ghost"
                id="next-page"
                href={`/console/products?cursor=${encodeURIComponent(products.nextCursor)}`}
              >
                {t.nextPage}
              </a>
            ) : null}
          </div>
        </section>
        <ProductForm t={t} currencySymbol={CURRENCY_SYMBOLS[currency] ?? currency} />
      </div>
      <div class="two-col">
        <section class="card" id="campaigns">
          <h2>{t.campaignsTitle}</h2>
          <p class="muted">{t.campaignsIntro}</p>
          <CampaignTable t={t} items={campaigns} />
        </section>
        <CampaignForm t={t} />
      </div>
    </ConsoleLayout>
  )
}
