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

/** The distributor's mobile page: my earnings, my results, products to share, my links, my team, my invite. */
export const MobileHome: FC<{ data: MobileData; lang: Lang; script: string }> = ({ data, lang, script }) => {
  const t = mobileText(lang)
  const currency = data.brand.programme.currency
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
  return (
    <Page
      title={`${t.title} · ${data.brand.name}`}
      lang={htmlLang(lang)}
      script={script}
      bodyData={bodyData}
      extraCss={resultsCss}
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
        <MyEarnings balance={data.balance} entries={data.entries} t={t} />
        <MyResults results={data.results} levels={data.team} currency={currency} t={t} />
        <ProductList rows={data.products} currency={currency} levelOneBps={data.levelOneBps} t={t} />
        <MyLinks links={data.links} t={t} />
        <MyTeam levels={data.team} recruits={data.recruits} t={t} />
        <InviteCard url={data.inviteUrl} qr={data.inviteQr} t={t} />
      </main>
      <ShareSheet t={t} brandName={data.brand.name} />
    </Page>
  )
}
