import type { FC } from 'hono/jsx'
import { Page } from '../../components/Page'
import { htmlLang, type Lang } from '../../i18n/lang'
import { mobileText } from '../../i18n/mobile'
import type { MobileData } from '../../../lib/services/mobile-home'
import { ProductList } from './ProductList'
import { ShareSheet } from './ShareSheet'
import { DEFAULT_BRAND_COLOUR } from '../../../lib/schemas/programme'
import { MyLinks } from './MyLinks'
import { MyTeam } from './MyTeam'
import { InviteCard } from './InviteCard'
import { MyEarnings } from './MyEarnings'
import { MyResults, resultsCss } from './MyResults'
import { MyRank } from './MyRank'
import { MyOrders } from './MyOrders'
import { MyCustomers } from './MyCustomers'
import { MyProfile } from './MyProfile'
import { TAB_IDS, TabBar, tabsCss } from './TabBar'

/**
 * The distributor's mobile page, four tabs over a bottom bar: 推广 (products first, my links),
 * 业绩 (results, rank, my orders), 团队 (team, invite), 我的 (earnings statement, customers,
 * profile, sign out). Each tab is a panel addressed by its hash (#results …); the client script
 * switches them without a reload.
 */
export const MobileHome: FC<{ data: MobileData; lang: Lang; script: string }> = ({ data, lang, script }) => {
  const t = mobileText(lang)
  const currency = data.brand.programme.currency
  const paidLevels = data.brand.programme.maxLevels
  // Text the client script needs, in the page's language.
  const bodyData = {
    copied: t.copied,
    'copy-failed': t.copyFailed,
    creating: t.creating,
    'create-failed': t.createFailed,
    'share-template': t.shareText('{name}', '{price}', '{url}'),
    brand: data.brand.name,
    scan: t.scan,
    // The poster (web/client/shared/poster.ts): who shares, the brand's look, and its words.
    sharer: t.posterBy(data.me.name),
    'brand-colour': data.brand.programme.brandColour ?? DEFAULT_BRAND_COLOUR,
    'logo-url': data.brand.programme.logoUrl ?? '',
    'poster-copy': t.posterCopy,
    'press-to-save': t.pressToSave,
    drawing: t.drawing,
    'copy-this': t.copyThis,
  }
  const [promote, results, team, me] = TAB_IDS
  return (
    <Page
      title={`${t.title} · ${data.brand.name}`}
      lang={htmlLang(lang)}
      script={script}
      bodyData={bodyData}
      extraCss={resultsCss + tabsCss}
    >
      <header class="top">
        <div class="grow">
          <h1>{data.brand.name}</h1>
          <small id="hello">{t.hello(data.me.name)}</small>
        </div>
        <a class="btn ghost" id="lang-switch" href={`/m?lang=${lang === 'en' ? 'zh' : 'en'}`}>
          {t.switchLang}
        </a>
      </header>
      <main>
        <section class="tab" id={promote} aria-label={t.tabs.promote}>
          <ProductList rows={data.products} currency={currency} t={t} />
          <MyLinks links={data.links} t={t} />
        </section>
        <section class="tab" id={results} aria-label={t.tabs.results} hidden>
          <MyResults results={data.results} levels={data.team} currency={currency} paidLevels={paidLevels} t={t} />
          <MyRank rank={data.rank} currency={currency} t={t} />
          <MyOrders orders={data.orders} names={data.productNames} t={t} />
        </section>
        <section class="tab" id={team} aria-label={t.tabs.team} hidden>
          <MyTeam levels={data.team} recruits={data.recruits} paidLevels={paidLevels} t={t} />
          <InviteCard url={data.inviteUrl} qr={data.inviteQr} t={t} />
        </section>
        <section class="tab" id={me} aria-label={t.tabs.me} hidden>
          <MyEarnings balance={data.balance} entries={data.entries} names={data.productNames} t={t} />
          <MyCustomers customers={data.customers} t={t} />
          <MyProfile me={data.me} lang={lang} t={t} />
        </section>
      </main>
      <TabBar t={t} />
      <ShareSheet t={t} brandName={data.brand.name} />
    </Page>
  )
}
