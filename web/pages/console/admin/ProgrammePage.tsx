import type { FC } from 'hono/jsx'
import { DISTRIBUTOR_TYPES } from '../../../../lib/schemas/distributor'
import type { Programme } from '../../../../lib/schemas/programme'
import type { AdminView } from '../../../routes/console-admin-gate'
import { TYPE_NAMES } from '../../../i18n/console-admin'
import { bpsToPercent, exponentOf, formatMinor } from '../../../shared/amounts'
import { ConsolePage } from '../ConsoleLayout'
import { Card } from '../../../components/Card'
import { adminCss, Field, FormError, InputField, SelectField } from '../../../components/Field'

const programmeCss = `
#programme-form{max-width:44rem}
.bps-row{display:grid;grid-template-columns:5rem minmax(0,10rem) 1.5rem auto;gap:6px;align-items:center;margin-bottom:6px}
.bps-row .field-error{grid-column:1/-1;margin:0}
`

/** A whole number (levels, days) in a field of its own name. */
const WholeNumberField: FC<{ name: string; label: string; hint: string; value: number }> = ({ value, ...field }) => (
  <InputField {...field} inputmode="numeric" value={String(value)} autocomplete="off" />
)

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
export const ProgrammePage: FC<{ view: AdminView; script: string }> = ({ view, script }) => {
  const { brand, lang, t } = view
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
    <ConsolePage
      view={view}
      title={t.programmeTitle}
      script={script}
      current="programme"
      extraCss={adminCss + programmeCss}
      bodyData={{ text: JSON.stringify(text) }}
    >
      <Card title={t.programmeTitle} intro={t.programmeIntro}>
        <form id="programme-form" novalidate>
          <div class="field-pair">
            <WholeNumberField name="maxLevels" label={t.maxLevels} hint={t.maxLevelsHint} value={p.maxLevels} />
            <SelectField
              name="defaultRecruitType"
              label={t.defaultRecruitType}
              options={DISTRIBUTOR_TYPES.map((type) => [type, TYPE_NAMES[lang][type]] as const)}
              selected={p.defaultRecruitType}
            />
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
            <WholeNumberField name="bindingDays" label={t.bindingDays} hint={t.bindingDaysHint} value={p.bindingDays} />
            <SelectField
              name="bindingPolicy"
              label={t.bindingPolicy}
              options={[
                ['first', t.bindingFirst],
                ['last', t.bindingLast],
              ]}
              selected={p.bindingPolicy}
            />
          </div>
          <div class="field-pair">
            <WholeNumberField name="holdDays" label={t.holdDays} hint={t.holdDaysHint} value={p.holdDays} />
            <SelectField
              name="selfPurchase"
              label={t.selfPurchase}
              options={[
                ['deny', t.selfDeny],
                ['allow', t.selfAllow],
              ]}
              selected={p.selfPurchase}
            />
          </div>
          <div class="field-pair">
            <InputField
              name="currency"
              label={t.currency}
              maxlength={3}
              value={p.currency}
              autocomplete="off"
              style="text-transform:uppercase"
            />
            <InputField
              name="payoutThreshold"
              label={t.payoutThreshold}
              hint={t.payoutThresholdHint}
              inputmode="decimal"
              value={formatMinor(p.payoutThreshold, exponentOf(p.currency))}
              autocomplete="off"
            />
          </div>
          <Field name="allowedDomains" label={t.allowedDomains} hint={t.allowedDomainsHint}>
            <textarea id="f-allowedDomains" name="allowedDomains" rows={3} spellcheck={false}>
              {p.allowedDomains.join('\n')}
            </textarea>
          </Field>
          <InputField
            name="shopifySecret"
            label={t.shopifySecret}
            hint={t.shopifySecretHint}
            type="password"
            autocomplete="new-password"
            spellcheck={false}
          />
          <FormError />
          <p class="muted" id="form-status" role="status"></p>
          <div class="actions">
            <button type="submit" id="programme-save">
              {t.save}
            </button>
          </div>
        </form>
      </Card>
    </ConsolePage>
  )
}
