import type { FC } from 'hono/jsx'
import type { Lang } from '../../i18n/lang'
import type { MobileText } from '../../i18n/mobile'
import { typeName } from '../../i18n/console-admin'
import type { Distributor } from '../../../lib/schemas/distributor'

/** 我的资料: who I am in the programme, and signing out of this phone. */
export const MyProfile: FC<{ me: Distributor; lang: Lang; t: MobileText }> = ({ me, lang, t }) => (
  <section class="card" id="profile">
    <h2>{t.profile}</h2>
    <dl class="balance">
      <div>
        <dt>{t.name}</dt>
        <dd>{me.name}</dd>
      </div>
      <div>
        <dt>{t.type}</dt>
        <dd>{typeName(lang, me.type)}</dd>
      </div>
      {me.store ? (
        <div>
          <dt>{t.store}</dt>
          <dd>{me.store}</dd>
        </div>
      ) : null}
      <div>
        <dt>{t.joined}</dt>
        <dd>{me.joinedAt.slice(0, 10)}</dd>
      </div>
    </dl>
    <form method="post" action="/m/sign-out" class="actions">
      <button type="submit" class="ghost" id="sign-out">
        {t.signOut}
      </button>
    </form>
  </section>
)
