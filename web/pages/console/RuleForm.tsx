import type { FC } from 'hono/jsx'
import { DISTRIBUTOR_TYPES } from '../../../lib/schemas/distributor'
import type { Campaign } from '../../../lib/schemas/campaign'
import { TYPE_NAMES } from '../../i18n/console-admin'
import type { Lang } from '../../i18n/lang'
import type { RulesText } from '../../i18n/rules'
import { SCOPES } from './RuleList'

/** Where the API's message for a field appears; web/client/rules.ts fills it from a 422's `fields`. */
const FieldError: FC<{ field: string }> = ({ field }) => (
  <p class="field-error error" data-error-for={field} role="alert" hidden></p>
)

/** A label with the muted "optional" beside it. */
const Optional: FC<{ t: RulesText }> = ({ t }) => <small class="muted">{t.optional}</small>

/**
 * Create or edit one rule. Level rows come from the template (percent or fixed
 * amount each); the script turns the form into the API's RuleInput and back.
 */
export const RuleForm: FC<{
  maxLevels: number
  skus: string[]
  categories: string[]
  campaigns?: Campaign[]
  currencySymbol: string
  lang: Lang
  t: RulesText
}> = ({ maxLevels, skus, categories, campaigns = [], currencySymbol, lang, t }) => (
  <section class="card" id="rule-editor">
    <h2 id="form-title">{t.client.newRule}</h2>
    <form id="rule-form" novalidate data-max-levels={String(maxLevels)} data-currency-symbol={currencySymbol}>
      <div class="field">
        <label for="rule-name">{t.name}</label>
        <input id="rule-name" name="name" maxlength={80} required />
        <FieldError field="name" />
      </div>
      <div class="field-pair">
        <div class="field">
          <label for="rule-scope">{t.scope}</label>
          <select id="rule-scope" name="scope">
            {SCOPES.map((scope) => (
              <option value={scope}>{t.scopes[scope].option}</option>
            ))}
          </select>
          <FieldError field="scope" />
        </div>
        <div class="field" id="target-field">
          <label for="rule-target">
            {t.target} <small class="muted" id="target-hint"></small>
          </label>
          <input id="rule-target" name="target" maxlength={64} autocomplete="off" />
          <datalist id="skus">
            {skus.map((s) => (
              <option value={s}></option>
            ))}
          </datalist>
          <datalist id="categories">
            {categories.map((c) => (
              <option value={c}></option>
            ))}
          </datalist>
          <datalist id="campaigns">
            {campaigns.map((c) => (
              <option value={c.id}>{c.name}</option>
            ))}
          </datalist>
          <FieldError field="target" />
        </div>
      </div>
      <fieldset class="field">
        <legend>
          {t.types} <small class="muted">{t.typesHint}</small>
        </legend>
        <div class="types">
          {DISTRIBUTOR_TYPES.map((type) => (
            <label class="check">
              <input type="checkbox" name="types" value={type} /> {TYPE_NAMES[lang][type]}
            </label>
          ))}
        </div>
        <FieldError field="types" />
      </fieldset>
      <fieldset class="field">
        <legend>
          {t.levels} <small class="muted">{t.levelsHint(maxLevels)}</small>
        </legend>
        <div id="levels"></div>
        <button type="button" class="ghost" id="add-level">
          {t.addLevel}
        </button>
        <FieldError field="levels" />
      </fieldset>
      <template id="level-row-template">
        <div class="level-row">
          <span class="level-label"></span>
          <select class="level-kind" aria-label={t.kind}>
            <option value="percent">{t.percent}</option>
            <option value="fixed">{t.fixed}</option>
          </select>
          <input class="level-value" inputmode="decimal" autocomplete="off" aria-label={t.client.value} />
          <span class="level-unit">%</span>
          <button type="button" class="ghost remove-level" aria-label={t.removeLevel}>
            ✕
          </button>
          <p class="field-error error level-error" role="alert" hidden></p>
        </div>
      </template>
      <div class="field-pair">
        <div class="field">
          <label for="rule-cap">
            {t.capPerOrder(currencySymbol)} <Optional t={t} />
          </label>
          <input id="rule-cap" name="capPerOrder" inputmode="decimal" placeholder={t.noCap} autocomplete="off" />
          <FieldError field="capPerOrder" />
        </div>
      </div>
      <div class="field-pair">
        <div class="field">
          <label for="rule-starts">
            {t.starts} <Optional t={t} />
          </label>
          <input id="rule-starts" name="startsAt" type="datetime-local" />
          <FieldError field="startsAt" />
        </div>
        <div class="field">
          <label for="rule-ends">
            {t.ends} <Optional t={t} />
          </label>
          <input id="rule-ends" name="endsAt" type="datetime-local" />
          <FieldError field="endsAt" />
        </div>
      </div>
      <FieldError field="_" />
      <p class="muted" id="form-status" role="status"></p>
      <div class="actions">
        <button type="submit" id="rule-save">
          {t.save}
        </button>
        <button type="button" class="ghost" id="rule-cancel" hidden>
          {t.cancelEdit}
        </button>
      </div>
    </form>
  </section>
)
