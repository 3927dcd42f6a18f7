import type { Child, FC } from 'hono/jsx'
import { Page } from '../../components/Page'
import type { ConsoleRole } from '../../../lib/auth/console-session'
import { htmlLang, type Lang, type LangSwitch } from '../../i18n/lang'
import { bilingualFrame, consoleText } from '../../i18n/console'
import type { Brand } from '../../../lib/schemas/brand'

/** Desktop-width additions to the shared sheet: the console is used at a desk, but still works on a phone. */
const consoleCss = `
main.console{max-width:72rem}
.console-nav{display:flex;gap:16px;align-items:center;flex-wrap:wrap}
.console-nav a{text-decoration:none}
.console-nav a[aria-current=page]{font-weight:600;border-bottom:2px solid #c2185b}
.summary{display:grid;grid-template-columns:repeat(auto-fill,minmax(12rem,1fr));gap:8px;margin:0}
.summary div{background:#f6f6f8;border-radius:8px;padding:8px}
.summary dt{color:#777;font-size:.8rem}
.summary dd{margin:0;font-weight:600}
.table-wrap{overflow-x:auto}
.error{color:#b00020}
`

/** The console's pages, in nav order, each named in both languages. Later pages (reports, settlements) add themselves here. */
const NAV = [
  { key: 'home', href: '/console', zh: '首页', en: 'Home', finance: true },
  { key: 'rules', href: '/console/rules', zh: '佣金规则', en: 'Commission rules' },
  { key: 'programme', href: '/console/programme', zh: '计划设置', en: 'Programme' },
  { key: 'products', href: '/console/products', zh: '商品与活动', en: 'Products' },
  { key: 'distributors', href: '/console/distributors', zh: '分销员', en: 'Distributors' },
  { key: 'import', href: '/console/import', zh: '导入员工', en: 'Import staff' },
  { key: 'finance', href: '/console/finance', zh: '结算', en: 'Settlements', finance: true },
  { key: 'keys', href: '/console/keys', zh: '密钥', en: 'Keys' },
] as const
export type ConsoleNavKey = (typeof NAV)[number]['key']

/** A nav label in the page's language, or both ("佣金规则 Commission rules") on a page not yet in one language. */
const navLabel = (lang: Lang | undefined, n: { zh: string; en: string }): string => (lang ? n[lang] : `${n.zh} ${n.en}`)

/**
 * The console's frame: brand name, the pages' nav and sign-out on top, a page below.
 * The nav shows only when signed in (a brand name is given). A page in one language
 * passes `lang` and a `langSwitch` link to the other; bilingual pages pass neither.
 */
export const ConsoleLayout: FC<{
  title: string
  brandName?: string
  script?: string
  current?: ConsoleNavKey
  extraCss?: string
  lang?: Lang
  langSwitch?: LangSwitch
  bodyData?: Record<string, string>
  /** A finance key's pages show only the pages finance can use; an admin (or no role given) sees them all. */
  role?: ConsoleRole
  children?: Child
}> = ({ title, brandName, script, current, extraCss, lang, langSwitch, bodyData, role, children }) => {
  const frame = lang ? consoleText(lang) : bilingualFrame
  return (
    <Page
      title={`${title} · ${frame.consoleName}`}
      lang={lang ? htmlLang(lang) : 'zh-CN'}
      script={script}
      extraCss={consoleCss + (extraCss ?? '')}
      bodyData={bodyData}
    >
      <header class="top">
        <div class="console-nav grow">
          <strong id="console-name">{frame.consoleName}</strong>
          {brandName ? <span id="brand-name">{brandName}</span> : null}
          {brandName ? (
            <nav class="console-nav" aria-label={frame.navLabel}>
              {NAV.filter((n) => role !== 'finance' || ('finance' in n && n.finance)).map((n) => (
                <a href={n.href} aria-current={n.key === current ? 'page' : undefined} id={`nav-${n.key}`}>
                  {navLabel(lang, n)}
                </a>
              ))}
            </nav>
          ) : null}
        </div>
        {langSwitch ? (
          <a class="btn ghost" id="lang-switch" href={langSwitch.href}>
            {langSwitch.label}
          </a>
        ) : null}
        {brandName ? (
          <form method="post" action="/console/sign-out">
            <button type="submit" class="ghost" id="sign-out">
              {frame.signOut}
            </button>
          </form>
        ) : null}
      </header>
      <main class="console">{children}</main>
    </Page>
  )
}

/** What a signed-in page knows of its reader: the brand, the page language and its switch, and (finance pages) the role. */
export interface ConsoleView {
  brand: Brand
  lang: Lang
  langSwitch: LangSwitch
  role?: ConsoleRole
}

/**
 * A signed-in page's frame, its brand, language and role taken from the page's view.
 *
 * @example
 * <ConsolePage view={view} title={t.title} current="rules" script={script}>…</ConsolePage>
 */
export const ConsolePage: FC<{
  view: ConsoleView
  title: string
  current: ConsoleNavKey
  script?: string
  extraCss?: string
  bodyData?: Record<string, string>
  children?: Child
}> = ({ view, title, current, script, extraCss, bodyData, children }) => (
  <ConsoleLayout
    title={title}
    brandName={view.brand.name}
    script={script}
    current={current}
    extraCss={extraCss}
    lang={view.lang}
    langSwitch={view.langSwitch}
    bodyData={bodyData}
    role={view.role}
  >
    {children}
  </ConsoleLayout>
)
