import type { FC } from 'hono/jsx'
import type { Product } from '../../../../lib/schemas/product'
import type { AdminView } from '../../../routes/console-admin-gate'
import { money } from '../../../format'
import { CURRENCY_SYMBOLS } from '../../../shared/amounts'
import { Card } from '../../../components/Card'
import { ConsolePage } from '../ConsoleLayout'
import { adminCss } from '../../../components/Field'
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
  const { brand, t } = view
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
    <ConsolePage
      view={view}
      title={t.productsTitle}
      script={script}
      current="products"
      extraCss={adminCss}
      bodyData={{ text: JSON.stringify(text), currency }}
    >
      <div class="two-col">
        <Card id="products" title={t.productsTitle} intro={t.productsIntro}>
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
        </Card>
        <ProductForm t={t} currencySymbol={CURRENCY_SYMBOLS[currency] ?? currency} />
      </div>
      <div class="two-col">
        <Card id="campaigns" title={t.campaignsTitle} intro={t.campaignsIntro}>
          <CampaignTable t={t} items={campaigns} />
        </Card>
        <CampaignForm t={t} />
      </div>
    </ConsolePage>
  )
}
