import { Hono } from 'hono'
import { Page } from '../components/Page'

export const demoShop = new Hono()

const SKU = /^[A-Za-z0-9._-]{1,64}$/

// GET /demo-shop/p/:sku: a stand-in for the brand's shop, so a local demo completes the click path.
// It shows what a real shop would read from its URL: the product and the `rpl_click` to send back with the order.
demoShop.get('/demo-shop/p/:sku', (c) => {
  const sku = c.req.param('sku')
  if (!SKU.test(sku)) return c.text('Not found', 404)
  const click = c.req.query('rpl_click')
  return c.html(
    <Page title={`Demo shop · ${sku}`} lang="zh-CN">
      <main>
        <section class="card">
          <p class="muted">演示商城 Demo shop</p>
          <h1 id="sku">{sku}</h1>
          <p>这是品牌商城的演示页面。This page stands in for the brand's own shop.</p>
          {click ? (
            <p id="attribution">
              attributed click: <code id="click-id">{click}</code>
            </p>
          ) : (
            <p class="muted" id="attribution">no attributed click 无分享来源</p>
          )}
        </section>
      </main>
    </Page>,
  )
})
