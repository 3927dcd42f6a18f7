import type { FC } from 'hono/jsx'
import type { MobileText } from '../../i18n/mobile'

/** The tabs, in bar order; each is also the hash that opens it (/m#results). */
export const TAB_IDS = ['promote', 'results', 'team', 'me'] as const

/** The bar sits over the page's foot: the panels leave room for it, and the sheet and toast sit above it. */
export const tabsCss = `
main{padding-bottom:72px}
.tabbar{position:fixed;left:0;right:0;bottom:0;z-index:10;display:grid;grid-template-columns:repeat(4,1fr);background:#fff;border-top:1px solid #eee;padding-bottom:env(safe-area-inset-bottom)}
.tabbar a{display:block;text-align:center;padding:12px 0;color:#555;text-decoration:none;font-size:.95rem}
.tabbar a[aria-current="page"]{color:#c2185b;font-weight:600}
.backdrop{z-index:20}.sheet{z-index:21}.toast{z-index:22;bottom:72px}
.refund,.refund .amount{color:#2e7d32}
.tag{display:inline-block;background:#fce4ec;color:#c2185b;border-radius:999px;padding:0 8px;font-size:.8rem}
`

/** The bottom tab bar: plain links to each tab's hash (the client script switches without a reload). */
export const TabBar: FC<{ t: MobileText }> = ({ t }) => (
  <nav class="tabbar" id="tabbar">
    {TAB_IDS.map((id, i) => (
      <a href={`#${id}`} data-tab={id} aria-current={i === 0 ? 'page' : undefined}>
        {t.tabs[id]}
      </a>
    ))}
  </nav>
)
