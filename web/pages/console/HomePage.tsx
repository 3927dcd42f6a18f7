import type { FC } from 'hono/jsx'
import type { Brand } from '../../../lib/schemas/brand'
import type { ConsoleRole } from '../../../lib/auth/console-session'
import type { Lang, LangSwitch } from '../../i18n/lang'
import type { ConsoleText } from '../../i18n/console'
import { ConsolePage } from './ConsoleLayout'
import { ProgrammeSummary } from './ProgrammeSummary'

/** The console home for a finance key: who is signed in, the programme, and the way to settlements. (Admins get the dashboard.) */
export const HomePage: FC<{ brand: Brand; role: ConsoleRole; lang: Lang; t: ConsoleText; langSwitch: LangSwitch }> = ({
  brand,
  role,
  lang,
  t,
  langSwitch,
}) => (
  <ConsolePage view={{ brand, lang, langSwitch, role: 'finance' }} title={brand.name} current="home">
    <p class="muted">
      {t.signedInAs} <strong id="role">{t.roles[role]}</strong>
    </p>
    <ProgrammeSummary programme={brand.programme} lang={lang} t={t} />
    <section class="card">
      <p>
        <a class="btn" id="go-finance" href="/console/finance">
          {t.settlements}
        </a>
      </p>
      <p class="muted">{t.dashboardNeedsAdmin}</p>
    </section>
  </ConsolePage>
)
