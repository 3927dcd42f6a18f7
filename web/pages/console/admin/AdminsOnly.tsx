import type { FC } from 'hono/jsx'
import type { AdminView } from '../../../routes/console-admin-gate'
import { ConsoleLayout, type ConsoleNavKey } from '../ConsoleLayout'

/** What a finance key sees on an admin page: it exists, but is an admin's to use. */
export const AdminsOnly: FC<{ view: AdminView; current: ConsoleNavKey }> = ({
  view: { brand, lang, t, langSwitch },
  current,
}) => (
  <ConsoleLayout
    title={t.adminsOnlyTitle}
    brandName={brand.name}
    current={current}
    lang={lang}
    langSwitch={langSwitch}
    role="finance"
  >
    <section class="card" id="admins-only">
      <h2>{t.adminsOnlyTitle}</h2>
      <p>{t.adminsOnly}</p>
    </section>
  </ConsoleLayout>
)
