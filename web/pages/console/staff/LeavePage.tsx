import type { FC } from 'hono/jsx'
import type { Distributor } from '../../../../lib/schemas/distributor'
import type { Handover } from '../../../../lib/schemas/handover'
import type { AdminView } from '../../../routes/console-admin-gate'
import { STATUS_NAMES } from '../../../i18n/console-admin'
import { staffText } from '../../../i18n/staff'
import { ConsolePage } from '../ConsoleLayout'
import { HandoverSummary } from './StaffLeftCard'

/** A staff member leaves: pick the successor (by 工号 or id, confirmed by name), then the hand-over runs and shows its counts. */
type Count = { count: number; complete: boolean }

export const LeavePage: FC<{
  view: AdminView
  distributor: Distributor
  handover?: Handover
  /** What the hand-over would move (bound customers, direct recruits), named in its confirmation. */
  load?: { customers: Count; recruits: Count }
  script: string
}> = ({ view, view: { lang }, distributor: d, handover, load, script }) => {
  const t = staffText(lang)
  return (
    <ConsolePage view={view} title={t.staffLeft} script={script} current="distributors">
      <section
        class="card"
        id="leaver"
        data-id={d.id}
        data-name={d.name}
        data-customers={load ? String(load.customers.count) : ''}
        data-customers-complete={String(load?.customers.complete ?? true)}
        data-recruits={load ? String(load.recruits.count) : ''}
        data-recruits-complete={String(load?.recruits.complete ?? true)}
      >
        <h2>
          {t.staffLeft}: <a href={`/console/distributors/${encodeURIComponent(d.id)}`}>{d.name}</a>
        </h2>
        <p class="muted" id="leaver-facts">
          {t.externalIdLabel} {d.externalId ?? '—'} · {d.store ?? '—'} · {t.statusLabel} {STATUS_NAMES[lang][d.status]}
        </p>
        <p class="muted">{t.leaveIntro}</p>
      </section>
      <section class="card" id="handover-card" hidden={!handover}>
        <h3>{t.handover}</h3>
        <div id="handover-holder">{handover ? <HandoverSummary handover={handover} lang={lang} /> : null}</div>
      </section>
      {handover?.status === 'done' ? null : (
        <section class="card">
          <form id="leave-form">
            <label for="successor-query">{t.successorQuery}</label>
            <input id="successor-query" name="q" required value={handover?.successorId ?? ''} autocomplete="off" />
            <button type="button" id="successor-find" class="ghost">
              {t.find}
            </button>
            <p id="successor-found" role="status"></p>
            <button type="submit" id="leave-submit" disabled>
              {t.confirmLeave}
            </button>
            <p id="leave-status" role="status"></p>
          </form>
        </section>
      )}
    </ConsolePage>
  )
}

/** An id that is not one of the brand's distributors, said in the page language. */
export const LeaverNotFound: FC<{ view: AdminView }> = ({ view }) => {
  const { lang } = view
  const t = staffText(lang)
  return (
    <ConsolePage view={view} title={t.noSuchDistributor} current="distributors">
      <section class="card" id="no-such-distributor">
        <h2>{t.noSuchDistributor}</h2>
        <p>
          <a href="/console/distributors">{t.allDistributors}</a>
        </p>
      </section>
    </ConsolePage>
  )
}
