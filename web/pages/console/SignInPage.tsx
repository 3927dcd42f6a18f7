import type { FC } from 'hono/jsx'
import type { Lang, LangSwitch } from '../../i18n/lang'
import type { ConsoleText } from '../../i18n/console'
import { ConsoleLayout } from './ConsoleLayout'

/** Console sign-in: a brand admin pastes an API key; only its hash is ever looked up. `badKey` shows why the last try failed. */
export const SignInPage: FC<{ lang: Lang; t: ConsoleText; langSwitch: LangSwitch; badKey?: boolean }> = ({
  lang,
  t,
  langSwitch,
  badKey,
}) => (
  <ConsoleLayout title={t.signInTitle} lang={lang} langSwitch={langSwitch}>
    <section class="card" style="max-width:32rem;margin:10vh auto">
      <h2>{t.signInHeading}</h2>
      <p class="muted">{t.signInIntro}</p>
      <form method="post" action="/console/sign-in">
        <label for="api-key">{t.apiKey}</label>
        <input id="api-key" name="apiKey" type="password" required autocomplete="off" spellcheck={false} />
        {badKey ? (
          <p class="error" id="sign-in-error" role="alert">
            {t.badKey}
          </p>
        ) : null}
        <div class="actions">
          <button type="submit" id="sign-in">
            {t.signIn}
          </button>
        </div>
      </form>
    </section>
  </ConsoleLayout>
)
