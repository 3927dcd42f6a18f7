import type { Child, FC } from 'hono/jsx'
import { Page } from '../../components/Page'

/** Desktop-width additions to the shared sheet: the console is used at a desk, but still works on a phone. */
const consoleCss = `
main.console{max-width:72rem}
.console-nav{display:flex;gap:16px;align-items:center}
.summary{display:grid;grid-template-columns:repeat(auto-fill,minmax(12rem,1fr));gap:8px;margin:0}
.summary div{background:#f6f6f8;border-radius:8px;padding:8px}
.summary dt{color:#777;font-size:.8rem}
.summary dd{margin:0;font-weight:600}
.table-wrap{overflow-x:auto}
.error{color:#b00020}
`

/**
 * The console's frame: brand name and sign-out on top, a page below. Later console
 * pages (rules, reports, settlements) add their links to the nav and reuse this frame.
 */
export const ConsoleLayout: FC<{ title: string; brandName?: string; script?: string; children?: Child }> = ({ title, brandName, script, children }) => (
  <Page title={`${title} · Ripple 控制台 Console`} lang="zh-CN" script={script} extraCss={consoleCss}>
    <header class="top">
      <div class="console-nav grow">
        <strong>Ripple 控制台 Console</strong>
        {brandName ? <span id="brand-name">{brandName}</span> : null}
      </div>
      {brandName ? (
        <form method="post" action="/console/sign-out">
          <button type="submit" class="ghost">退出 Sign out</button>
        </form>
      ) : null}
    </header>
    <main class="console">{children}</main>
  </Page>
)
