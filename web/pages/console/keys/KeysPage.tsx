import type { FC } from 'hono/jsx'
import type { ApiKeyView } from '../../../../lib/schemas/keys'
import type { Brand } from '../../../../lib/schemas/brand'
import type { Lang, LangSwitch } from '../../../i18n/lang'
import type { KeysText } from '../../../i18n/keys'
import { ConsolePage } from '../ConsoleLayout'
import { Card } from '../../../components/Card'
import { adminCss, FormError, InputField, SelectField } from '../../../components/Field'

const keysCss = `
#new-secret{background:#fff8e1;border:1px solid #f0c36d}
#new-secret-value{font-family:ui-monospace,monospace;width:100%}
.secret-row{display:flex;gap:8px;align-items:center}
.grace{width:auto}
`

/** The grace choices offered for a rotation, in hours. */
const GRACES = (t: KeysText) =>
  [
    [0, t.graceNone],
    [1, t.graceHour],
    [24, t.graceDay],
    [168, t.graceWeek],
  ] as const

/** A status in the page's words, with when it ends or ended. */
export const statusText = (k: ApiKeyView, t: KeysText): string => {
  const word = { active: t.statusActive, expiring: t.statusExpiring, revoked: t.statusRevoked }[k.status]
  return k.status === 'expiring' && k.until ? `${word} ${t.until} ${k.until.slice(0, 16).replace('T', ' ')} UTC` : word
}

/** One key's row; web/client/keys.ts builds the same row after a change. */
const KeyRow: FC<{ k: ApiKeyView; t: KeysText }> = ({ k, t }) => (
  <tr data-key-id={k.id} data-label={k.label} data-last4={k.last4} data-status={k.status}>
    <td>{k.label}</td>
    <td>{k.role === 'admin' ? t.roleAdmin : t.roleFinance}</td>
    <td>{k.createdAt.slice(0, 10)}</td>
    <td class="last4">…{k.last4}</td>
    <td class="status">{statusText(k, t)}</td>
    <td class="actions-cell">
      {k.status === 'active' ? (
        <>
          <select class="grace" aria-label={t.grace}>
            {GRACES(t).map(([h, label]) => (
              <option value={String(h)} selected={h === 24}>
                {label}
              </option>
            ))}
          </select>{' '}
          <button type="button" class="ghost rotate">
            {t.rotate}
          </button>{' '}
        </>
      ) : null}
      {k.status !== 'revoked' ? (
        <button type="button" class="ghost revoke">
          {t.revoke}
        </button>
      ) : null}
    </td>
  </tr>
)

/** The keys page: list, create, rotate, revoke, the webhook secret; a new secret is shown once with a copy button. */
export const KeysPage: FC<{
  brand: Brand
  items: ApiKeyView[]
  lang: Lang
  t: KeysText
  langSwitch: LangSwitch
  script: string
}> = ({ brand, items, lang, t, langSwitch, script }) => (
  <ConsolePage
    view={{ brand, lang, langSwitch }}
    title={t.title}
    script={script}
    current="keys"
    extraCss={adminCss + keysCss}
    bodyData={{ text: JSON.stringify(t) }}
  >
    <Card title={t.title} intro={t.intro} />
    <section class="card" id="new-secret" hidden>
      <h3>{t.newSecretTitle}</h3>
      <div class="secret-row">
        <input id="new-secret-value" readonly spellcheck={false} autocomplete="off" aria-label={t.newSecretTitle} />
        <button type="button" id="copy-secret">
          {t.copy}
        </button>
      </div>
      <p class="muted">{t.newSecretHint}</p>
    </section>
    <section class="card">
      <h3>{t.keysTitle}</h3>
      <div class="table-wrap">
        <table id="keys-table">
          <thead>
            <tr>
              <th>{t.colLabel}</th>
              <th>{t.colRole}</th>
              <th>{t.colCreated}</th>
              <th>{t.colLast4}</th>
              <th>{t.colStatus}</th>
              <th>{t.colActions}</th>
            </tr>
          </thead>
          <tbody id="keys-body">
            {items.map((k) => (
              <KeyRow k={k} t={t} />
            ))}
          </tbody>
        </table>
      </div>
      <p class="muted" id="keys-status" role="status"></p>
    </section>
    <section class="card">
      <h3>{t.createTitle}</h3>
      <form id="create-form" novalidate>
        <div class="field-pair">
          <InputField name="label" label={t.label} hint={t.labelHint} maxlength={60} autocomplete="off" />
          <SelectField
            name="role"
            label={t.role}
            options={[
              ['finance', t.roleFinance],
              ['admin', t.roleAdmin],
            ]}
          />
        </div>
        <FormError />
        <div class="actions">
          <button type="submit" id="create-key">
            {t.create}
          </button>
        </div>
      </form>
    </section>
    <section class="card">
      <h3>{t.webhookTitle}</h3>
      <p class="muted">{t.webhookIntro}</p>
      <div class="secret-row">
        <select id="webhook-grace" class="grace" aria-label={t.grace}>
          {GRACES(t).map(([h, label]) => (
            <option value={String(h)} selected={h === 24}>
              {label}
            </option>
          ))}
        </select>
        <button type="button" id="rotate-webhook">
          {t.rotateWebhook}
        </button>
      </div>
      <p class="muted" id="webhook-status" role="status"></p>
    </section>
  </ConsolePage>
)
