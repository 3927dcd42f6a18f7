import type { FC } from 'hono/jsx'
import { raw } from 'hono/html'
import { DISTRIBUTOR_TYPES } from '../../../../lib/schemas/distributor'
import type { AdminView } from '../../../routes/console-admin-gate'
import { STATUS_NAMES, TYPE_NAMES } from '../../../i18n/console-admin'
import { money } from '../../../format'
import { ConsolePage } from '../ConsoleLayout'
import { adminCss, FormError, InputField, SelectField } from '../../../components/Field'
import type { DistributorView } from '../../../../lib/services/distributor-view'
import { StaffLeftCard } from '../staff/StaffLeftCard'

const pageCss = `
.chain{display:flex;flex-wrap:wrap;gap:6px;align-items:center;list-style:none;padding:0;margin:0}
.chain li:not(:last-child)::after{content:'→';margin-left:6px;color:#999}
.inline{display:flex;gap:8px;align-items:end;flex-wrap:wrap}
.inline .field{margin:0;min-width:12rem}
.qr{width:180px}
`

/** One distributor: who they are, the chain above, the team below, links, earnings and the admin's actions. */
export const DistributorPage: FC<{ view: AdminView; data: DistributorView; script: string }> = ({
  view,
  data,
  script,
}) => {
  const { brand, lang, t } = view
  const { d } = data
  const currency = brand.programme.currency
  const types = TYPE_NAMES[lang]
  const text = { failed: t.failed, confirmSuspend: t.confirmSuspend, validUntil: t.validUntil }
  const base = `/console/distributors/${encodeURIComponent(d.id)}`
  return (
    <ConsolePage
      view={view}
      title={d.name}
      script={script}
      current="distributors"
      extraCss={adminCss + pageCss}
      bodyData={{ text: JSON.stringify(text), id: d.id }}
    >
      <p>
        <a href="/console/distributors">{t.back}</a>
      </p>
      <section class="card" id="profile">
        <h2 id="distributor-name">{d.name}</h2>
        <dl class="summary">
          {(
            [
              ['type', t.type, types[d.type]],
              ['status', t.status, STATUS_NAMES[lang][d.status]],
              ['ring', t.ring, String(d.ring)],
              ['depth', t.depth, String(d.depth)],
              ['store', t.store, d.store ?? t.none],
              ['externalId', t.externalId, d.externalId ?? t.none],
              ['joined', t.joined, d.joinedAt.slice(0, 10)],
            ] as const
          ).map(([key, label, value]) => (
            <div>
              <dt>{label}</dt>
              <dd id={`profile-${key}`}>{value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section class="card" id="actions">
        <h2>{t.actionsTitle}</h2>
        <form id="actions-form" novalidate>
          <div class="actions">
            {d.status === 'pending' ? (
              <button type="button" id="approve" data-status="active">
                {t.approve}
              </button>
            ) : null}
            {d.status === 'active' ? (
              <button type="button" class="ghost" id="suspend" data-status="suspended">
                {t.suspend}
              </button>
            ) : null}
            {d.status === 'suspended' ? (
              <button type="button" id="reactivate" data-status="active">
                {t.reactivate}
              </button>
            ) : null}
          </div>
          <p class="field-error error" data-error-for="status" role="alert" hidden></p>
          <div class="inline">
            <SelectField
              name="type"
              label={t.changeType}
              options={DISTRIBUTOR_TYPES.map((type) => [type, types[type]] as const)}
              selected={d.type}
            />
            <button type="button" class="ghost" id="save-type">
              {t.save}
            </button>
          </div>
          <div class="inline">
            <InputField name="store" label={t.setStore} hint={t.storeHint} maxlength={64} value={d.store ?? ''} />
            <button type="button" class="ghost" id="save-store">
              {t.save}
            </button>
          </div>
          <FormError />
        </form>
        <div class="actions">
          <button type="button" class="ghost" id="sign-in-link">
            {t.signInLink}
          </button>
        </div>
        <div id="sign-in-out" hidden>
          <p class="muted">{t.signInHint}</p>
          <div class="url" id="sign-in-url"></div>
          <div class="qr" id="sign-in-qr"></div>
        </div>
      </section>
      <StaffLeftCard distributor={d} handover={data.handover} lang={lang} />

      <div class="two-col">
        <section class="card" id="chain">
          <h2>{t.chainTitle}</h2>
          {data.chain.length === 0 ? (
            <p class="muted">{t.chainEmpty}</p>
          ) : (
            <ol class="chain">
              <li class="muted">{data.truncated ? '…' : t.brandRoot}</li>
              {data.chain.map((a) => (
                <li class="ancestor" data-id={a.id}>
                  <a href={`/console/distributors/${encodeURIComponent(a.id)}`}>{a.name}</a>{' '}
                  <small class="muted">{types[a.type]}</small>
                </li>
              ))}
              <li>
                <strong>{d.name}</strong>
              </li>
            </ol>
          )}
        </section>
        <section class="card" id="invite">
          <h2>{t.inviteTitle}</h2>
          <p class="muted">{t.inviteHint}</p>
          <div class="url" id="invite-url">
            {data.inviteUrl}
          </div>
          {/* Drawn on the server by the qrcode library: trusted SVG. */}
          <div class="qr">{raw(data.inviteQr)}</div>
        </section>
      </div>

      <section class="card" id="team">
        <h2>{t.teamTitle}</h2>
        {data.team.length === 0 ? (
          <p class="muted">{t.noRecruits}</p>
        ) : (
          <dl class="summary" id="team-counts">
            {data.team.map((l) => (
              <div data-level={String(l.level)}>
                <dt>{t.level(l.level)}</dt>
                <dd>{l.count}</dd>
              </div>
            ))}
          </dl>
        )}
        <h3>{t.directRecruits}</h3>
        {data.recruits.length === 0 ? null : (
          <div class="table-wrap">
            <table>
              <tbody>
                {data.recruits.map((r) => (
                  <tr class="recruit" data-id={r.id}>
                    <td>
                      <a href={`/console/distributors/${encodeURIComponent(r.id)}`}>{r.name}</a>
                    </td>
                    <td>{types[r.type]}</td>
                    <td>{STATUS_NAMES[lang][r.status]}</td>
                    <td>{r.joinedAt.slice(0, 10)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <div class="actions">
          {data.recruitsCursor ? (
            <a class="btn ghost" href={base}>
              {t.firstPage}
            </a>
          ) : null}
          {data.recruitsNext ? (
            <a class="btn ghost" id="recruits-next" href={`${base}?recruits=${encodeURIComponent(data.recruitsNext)}`}>
              {t.nextPage}
            </a>
          ) : null}
        </div>
      </section>

      <section class="card" id="links">
        <h2>{t.linksTitle}</h2>
        {data.links.length === 0 ? (
          <p class="muted">{t.noLinks}</p>
        ) : (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>{t.url}</th>
                  <th>{t.target}</th>
                  <th class="num">{t.clicks}</th>
                </tr>
              </thead>
              <tbody>
                {data.links.map((l) => (
                  <tr class="link" data-code={l.code}>
                    <td>{l.shortUrl}</td>
                    <td>{l.productId ?? l.target}</td>
                    <td class="num clicks">{l.clicks}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section class="card" id="earnings">
        <h2>{t.earningsTitle}</h2>
        <dl class="summary">
          {(['pending', 'available', 'settled', 'paid'] as const).map((s) => (
            <div data-status={s}>
              <dt>{t.entryStatus[s]}</dt>
              <dd>{money(data.balance[s], currency)}</dd>
            </div>
          ))}
        </dl>
        <h3>{t.entriesTitle}</h3>
        {data.entries.length === 0 ? (
          <p class="muted">{t.noEntries}</p>
        ) : (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>{t.at}</th>
                  <th>{t.order}</th>
                  <th>L</th>
                  <th>{t.status}</th>
                  <th class="num">{t.amount}</th>
                </tr>
              </thead>
              <tbody>
                {data.entries.map((e) => (
                  <tr class="entry">
                    <td>{e.at.slice(0, 16).replace('T', ' ')}</td>
                    <td>{e.orderId}</td>
                    <td>{e.level}</td>
                    <td>{t.entryStatus[e.status]}</td>
                    <td class="num">{money(e.amount, e.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </ConsolePage>
  )
}
