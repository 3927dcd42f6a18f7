import type { FC } from 'hono/jsx'
import { Page } from '../components/Page'
import { htmlLang, type Lang } from '../i18n/lang'
import { joinText } from '../i18n/join'

/** The invite landing: who invites me to which brand, and a one-field form to join. */
export const JoinPage: FC<{ code: string; inviterName: string; brandName: string; lang: Lang; script: string }> = ({
  code,
  inviterName,
  brandName,
  lang,
  script,
}) => {
  const t = joinText(lang)
  return (
    <Page
      title={t.title(brandName)}
      lang={htmlLang(lang)}
      script={script}
      bodyData={{ joining: t.joining, failed: t.failed }}
    >
      <header class="top">
        <h1 class="grow">{brandName}</h1>
        <a class="btn ghost" href={`?lang=${lang === 'en' ? 'zh' : 'en'}`}>
          {t.switchLang}
        </a>
      </header>
      <main>
        <section class="card">
          <h2 id="invited">{t.invited(inviterName, brandName)}</h2>
          <p class="muted">{t.pitch}</p>
          <form id="join-form" data-code={code}>
            <label for="join-name">{t.nameLabel}</label>
            <input
              id="join-name"
              name="name"
              required
              maxlength={80}
              autocomplete="name"
              placeholder={t.namePlaceholder}
            />
            <p class="muted" id="join-status" role="status"></p>
            <button type="submit" id="join-submit">
              {t.submit}
            </button>
          </form>
        </section>
      </main>
    </Page>
  )
}
