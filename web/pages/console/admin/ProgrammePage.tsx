import type { FC } from 'hono/jsx'
import { DISTRIBUTOR_TYPES } from '../../../../lib/schemas/distributor'
import type { Programme } from '../../../../lib/schemas/programme'
import type { AdminView } from '../../../routes/console-admin-gate'
import { TYPE_NAMES } from '../../../i18n/console-admin'
import { bpsToPercent, exponentOf, formatMinor } from '../../../shared/amounts'
import { ConsoleLayout } from '../ConsoleLayout'
import { adminCss, Field, FormError } from './Field'

const programmeCss = `
#programme-form{max-width:44rem}
.bps-row{display:grid;grid-template-columns:5rem minmax(0,10rem) 1.5rem auto;gap:6px;align-items:center;margin-bottom:6px}
.bps-row .field-error{grid-column:1/-1;margin:0}
`

/** One default-rate row: level label, percent input, its own error slot (`defaultBps.<i>`). */
export const BpsRow: FC<{ index: number; value: string; label: string; removeLabel: string }> = ({
  index,
  value,
  label,
  removeLabel,
}) => (
  <div class="bps-row">
    <span class="bps-label">{label}</span>
    <input class="bps-value" inputmode="decimal" autocomplete="off" value={value} aria-label={label} />
    <span>%</span>
    <button type="button" class="ghost remove-level" aria-label={removeLabel}>
      ✕
    </button>
    <p class="field-error error" data-error-for={`defaultBps.${index}`} role="alert" hidden></p>
  </div>
)

/** Every programme setting in one form; web/client/programme.ts sends it to PUT /api/programme. */
export const ProgrammePage: FC<{ view: AdminView; script: string }> = ({
  view: { brand, lang, t, langSwitch },
  script,
}) => {
  const p: Programme = brand.programme
  const text = {
    saved: t.saved,
    failed: t.failed,
    notInteger: t.notInteger,
    notPercent: t.notPercent,
    notMoney: t.notMoney,
    required: t.required,
    level: t.level(0).replace('0', '{n}'),
    removeLevel: t.removeLevel,
  }
  return (
    <ConsoleLayout
      title={t.programmeTitle}
      brandName={brand.name}
      script={script}
      current="programme"
      extraCss={adminCss + programmeCss}
      lang={lang}
      langSwitch={langSwitch}
      bodyData={{ text: JSON.stringify(text) }}
    >
      <section class="card">
        <h2>{t.programmeTitle}</h2>
        <p class="muted">{t.programmeIntro}</p>
        <form id="programme-form" novalidate>
          <div class="field-pair">
            <Field name="maxLevels" label={t.maxLevels} hint={t.maxLevelsHint}>
              <input
                id="f-maxLevels"
                name="maxLevels"
                inputmode="numeric"
                value={String(p.maxLevels)}
                autocomplete="off"
              />
            </Field>
            <Field name="defaultRecruitType" label={t.defaultRecruitType}>
              <select id="f-defaultRecruitType" name="defaultRecruitType">
                {DISTRIBUTOR_TYPES.map((type) => (
                  <option value={type} selected={type === p.defaultRecruitType}>
                    {TYPE_NAMES[lang][type]}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <fieldset class="field">
            <legend>
              {t.defaultBps} <small class="muted">{t.defaultBpsHint}</small>
            </legend>
            <div id="bps-rows">
              {p.defaultBps.map((bps, i) => (
                <BpsRow index={i} value={bpsToPercent(bps)} label={t.level(i + 1)} removeLabel={t.removeLevel} />
              ))}
            </div>
            <button type="button" class="ghost" id="add-level">
              {t.addLevel}
            </button>
            <p class="field-error error" data-error-for="defaultBps" role="alert" hidden></p>
          </fieldset>
          <div class="field-pair">
            <Field name="bindingDays" label={t.bindingDays} hint={t.bindingDaysHint}>
              <input
                id="f-bindingDays"
                name="bindingDays"
                inputmode="numeric"
                value={String(p.bindingDays)}
                autocomplete="off"
              />
            </Field>
            <Field name="bindingPolicy" label={t.bindingPolicy}>
              <select id="f-bindingPolicy" name="bindingPolicy">
                <option value="first" selected={p.bindingPolicy === 'first'}>
                  {t.bindingFirst}
                </option>
                <option value="last" selected={p.bindingPolicy === 'last'}>
                  {t.bindingLast}
                </option>
              </select>
            </Field>
          </div>
          <div class="field-pair">
            <Field name="holdDays" label={t.holdDays} hint={t.holdDaysHint}>
              <input
                id="f-holdDays"
                name="holdDays"
                inputmode="numeric"
                value={String(p.holdDays)}
                autocomplete="off"
              />
            </Field>
            <Field name="selfPurchase" label={t.selfPurchase}>
              <select id="f-selfPurchase" name="selfPurchase">
                <option value="deny" selected={p.selfPurchase === 'deny'}>
                  {t.selfDeny}
                </option>
                <option value="allow" selected={p.selfPurchase === 'allow'}>
                  {t.selfAllow}
                </option>
              </select>
            </Field>
          </div>
          <div class="field-pair">
            <Field name="currency" label={t.currency}>
              <input
                id="f-currency"
                name="currency"
                maxlength={3}
                value={p.currency}
                autocomplete="off"
                style="text-transform:uppercase"
              />
            </Field>
            <Field name="payoutThreshold" label={t.payoutThreshold} hint={t.payoutThresholdHint}>
              <input
                id="f-payoutThreshold"
                name="payoutThreshold"
                inputmode="decimal"
                value={formatMinor(p.payoutThreshold, exponentOf(p.currency))}
                autocomplete="off"
              />
            </Field>
          </div>
          <Field name="allowedDomains" label={t.allowedDomains} hint={t.allowedDomainsHint}>
            <textarea id="f-allowedDomains" name="allowedDomains" rows={3} spellcheck={false}>
              {p.allowedDomains.join('\n')}
            </textarea>
          </Field>
          <Field name="shopifySecret" label={t.shopifySecret} hint={t.shopifySecretHint}>
            <input
              id="f-shopifySecret"
              name="shopifySecret"
              type="password"
              autocomplete="new-password"
              spellcheck={false}
            />
          </Field>
          <FormError />
          <p class="muted" id="form-status" role="status"></p>
          <div class="actions">
            <button type="submit" id="programme-save">
              {t.save}
            </button>
          </div>
        </form>
      </section>
    </ConsoleLayout>
  )
}
