import type { FC } from 'hono/jsx'
import { Page } from '../../components/Page'
import { htmlLang, type Lang } from '../../i18n/lang'
import { mobileText } from '../../i18n/mobile'
import type { LeaverData } from '../../../lib/services/leaver-home'
import { money } from '../../format'
import { StatementList } from './MyEarnings'
import { tabsCss } from './TabBar'

/**
 * A distributor who has left: marked 已离职 / Left (not suspended), with what is still owed
 * to them (pending, available and settled, until paid) and the unpaid entries behind it.
 */
export const LeaverPage: FC<{ data: LeaverData; lang: Lang }> = ({ data, lang }) => {
  const t = mobileText(lang)
  const { balance } = data
  const owed = balance.pending + balance.available + balance.settled
  return (
    <Page title={`${t.left} · ${data.brandName}`} lang={htmlLang(lang)} extraCss={tabsCss}>
      <header class="top">
        <div class="grow">
          <h1>{data.brandName}</h1>
          <small id="hello">{t.hello(data.name)}</small>
        </div>
        <span class="tag" id="status">
          {t.left}
        </span>
      </header>
      <main>
        <section class="card" id="owed">
          {owed === 0 ? (
            <p id="all-paid">{t.allPaid}</p>
          ) : (
            <>
              <p class="muted">{t.leftIntro}</p>
              <div class="row">
                <h2>{t.owed}</h2>
                <span class="earn amount" id="owed-total">
                  {money(owed, balance.currency)}
                </span>
              </div>
              <dl class="balance">
                {(['pending', 'available', 'settled'] as const).map((s) => (
                  <div data-status={s}>
                    <dt>{t.status[s]}</dt>
                    <dd class="amount">{money(balance[s], balance.currency)}</dd>
                  </div>
                ))}
              </dl>
              <p class="muted" id="level-legend">
                {t.levelLegend}
              </p>
              <StatementList entries={data.unpaid} names={data.productNames} t={t} />
            </>
          )}
        </section>
      </main>
    </Page>
  )
}
