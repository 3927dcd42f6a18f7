import type { FC } from 'hono/jsx'
import { Page } from '../../components/Page'
import { htmlLang, type Lang } from '../../i18n/lang'
import { phoneSignInText } from '../../i18n/phone-sign-in'

const css = `
.signin form{display:grid;gap:8px}
.signin .row{display:flex;gap:8px;align-items:center}
.signin .row input{flex:1;min-width:0}
.signin #code{letter-spacing:.3em;font-size:1.2rem}
.signin [role=status]{min-height:1.5em;margin:4px 0}
.signin .error{color:#c62828}
`

/** `/m/sign-in`: a distributor's phone number, a code sent by SMS, and on to /m. */
export const PhoneSignInPage: FC<{ brandId: string; brandName: string; lang: Lang; script: string }> = ({
  brandId,
  brandName,
  lang,
  script,
}) => {
  const t = phoneSignInText(lang)
  const { heading: _h, ...messages } = t
  const bodyData = Object.fromEntries(Object.entries(messages).filter(([, v]) => typeof v === 'string')) as Record<
    string,
    string
  >
  return (
    <Page title={`${t.title} · ${brandName}`} lang={htmlLang(lang)} script={script} extraCss={css} bodyData={bodyData}>
      <header class="top">
        <h1 class="grow">{brandName}</h1>
        <a class="btn ghost" href={`?brand=${encodeURIComponent(brandId)}&lang=${lang === 'en' ? 'zh' : 'en'}`}>
          {t.switchLang}
        </a>
      </header>
      <main class="signin">
        <section class="card">
          <h2>{t.heading(brandName)}</h2>
          <p class="muted">{t.intro}</p>
          <form id="signin-form" data-brand={brandId} novalidate>
            <label for="signin-phone">{t.phoneLabel}</label>
            <div class="row">
              <input
                id="signin-phone"
                name="phone"
                type="tel"
                inputmode="tel"
                autocomplete="tel"
                maxlength={20}
                required
                placeholder={t.phonePlaceholder}
              />
              <button type="button" class="ghost" id="signin-send">
                {t.sendCode}
              </button>
            </div>
            <label for="signin-code">{t.codeLabel}</label>
            <input
              id="signin-code"
              name="code"
              inputmode="numeric"
              autocomplete="one-time-code"
              pattern="[0-9]{6}"
              maxlength={6}
              required
              placeholder={t.codePlaceholder}
            />
            <p id="signin-status" role="status" aria-live="polite"></p>
            <button type="submit" id="signin-submit">
              {t.submit}
            </button>
          </form>
          <p class="muted">{t.orLink}</p>
        </section>
      </main>
    </Page>
  )
}
