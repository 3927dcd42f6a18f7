import { Hono } from 'hono'
import { productOfClick } from '../../lib/services/product-of-click'
import { Page } from '../components/Page'
import { money } from '../format'

export const demoShop = new Hono()

const SKU = /^[A-Za-z0-9._-]{1,64}$/
const CLICK_ID = /^[A-Za-z0-9_-]{1,64}$/

/** The product behind a shared link, named and priced for the page; undefined without a (live) click or product. */
async function shownProduct(clickId: string | undefined, sku: string) {
  const found = clickId && CLICK_ID.test(clickId) ? await productOfClick(clickId, sku) : undefined
  return found
    ? { name: found.product.name, price: money(found.product.price, found.brand.programme.currency) }
    : undefined
}

// GET /demo-shop/p/:sku: a stand-in for the brand's shop, so a local demo completes the click path.
// It shows what a real shop would read from its URL: the product and the `rpl_click` to send back with the order.
demoShop.get('/demo-shop/p/:sku', async (c) => {
  const sku = c.req.param('sku')
  if (!SKU.test(sku)) return c.text('Not found', 404)
  const click = c.req.query('rpl_click')
  const product = await shownProduct(click, sku)
  return c.html(
    <Page title={`Demo shop · ${product?.name ?? sku}`} lang="zh-CN">
      <main>
        <section class="card">
          <p class="muted">演示商城 Demo shop</p>
          {product ? (
            <>
              <h1 id="product-name">{product.name}</h1>
              <p>
                <span class="price" id="product-price">
                  {product.price}
                </span>{' '}
                <span class="muted" id="sku">
                  {sku}
                </span>
              </p>
            </>
          ) : (
            <h1 id="sku">{sku}</h1>
          )}
          <p>这是品牌商城的演示页面。This page stands in for the brand's own shop.</p>
          {click ? (
            <p id="attribution">
              attributed click: <code id="click-id">{click}</code>
            </p>
          ) : (
            <p class="muted" id="attribution">
              no attributed click 无分享来源
            </p>
          )}
        </section>
      </main>
    </Page>,
  )
})
