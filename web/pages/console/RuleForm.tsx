import type { FC } from 'hono/jsx'
import { DISTRIBUTOR_TYPES } from '../../../lib/schemas/distributor'
import { TYPE_LABELS } from '../../i18n/distributor-types'
import { SCOPES } from './RuleList'
import type { Campaign } from '../../../lib/schemas/campaign'

/** Where the API's message for a field appears; web/client/rules.ts fills it from a 422's `fields`. */
const FieldError: FC<{ field: string }> = ({ field }) => <p class="field-error error" data-error-for={field} role="alert" hidden></p>

/**
 * Create or edit one rule. Level rows come from the template (percent or fixed
 * amount each); the script turns the form into the API's RuleInput and back.
 */
export const RuleForm: FC<{ maxLevels: number; skus: string[]; categories: string[]; campaigns?: Campaign[]; currencySymbol: string }> = ({ maxLevels, skus, categories, campaigns = [], currencySymbol }) => (
  <section class="card" id="rule-editor">
    <h2 id="form-title">新建规则 New rule</h2>
    <form id="rule-form" novalidate data-max-levels={String(maxLevels)} data-currency-symbol={currencySymbol}>
      <div class="field">
        <label for="rule-name">名称 Name</label>
        <input id="rule-name" name="name" maxlength={80} required />
        <FieldError field="name" />
      </div>
      <div class="field-pair">
        <div class="field">
          <label for="rule-scope">范围 Scope</label>
          <select id="rule-scope" name="scope">
            {SCOPES.map((s) => (
              <option value={s.scope}>{s.option}</option>
            ))}
          </select>
          <FieldError field="scope" />
        </div>
        <div class="field" id="target-field">
          <label for="rule-target">
            对象 Target <small class="muted" id="target-hint"></small>
          </label>
          <input id="rule-target" name="target" maxlength={64} autocomplete="off" />
          <datalist id="skus">{skus.map((s) => <option value={s}></option>)}</datalist>
          <datalist id="categories">{categories.map((c) => <option value={c}></option>)}</datalist>
          <datalist id="campaigns">{campaigns.map((c) => <option value={c.id}>{c.name}</option>)}</datalist>
          <FieldError field="target" />
        </div>
      </div>
      <fieldset class="field">
        <legend>
          分销员类型 Distributor types <small class="muted">不选即全部 None checked = all types</small>
        </legend>
        <div class="types">
          {DISTRIBUTOR_TYPES.map((t) => (
            <label class="check">
              <input type="checkbox" name="types" value={t} /> {TYPE_LABELS[t]}
            </label>
          ))}
        </div>
        <FieldError field="types" />
      </fieldset>
      <fieldset class="field">
        <legend>
          各级佣金 Rates per level <small class="muted">最多 {maxLevels} 级 up to {maxLevels} levels</small>
        </legend>
        <div id="levels"></div>
        <button type="button" class="ghost" id="add-level">+ 添加层级 Add level</button>
        <FieldError field="levels" />
      </fieldset>
      <template id="level-row-template">
        <div class="level-row">
          <span class="level-label"></span>
          <select class="level-kind" aria-label="方式 Kind">
            <option value="percent">比例 %</option>
            <option value="fixed">固定金额 Fixed</option>
          </select>
          <input class="level-value" inputmode="decimal" autocomplete="off" aria-label="数值 Value" />
          <span class="level-unit">%</span>
          <button type="button" class="ghost remove-level" aria-label="删除此层级 Remove level">✕</button>
          <p class="field-error error level-error" role="alert" hidden></p>
        </div>
      </template>
      <div class="field-pair">
        <div class="field">
          <label for="rule-cap">
            每单上限 Cap per order ({currencySymbol}) <small class="muted">可选 optional</small>
          </label>
          <input id="rule-cap" name="capPerOrder" inputmode="decimal" placeholder="不封顶 No cap" autocomplete="off" />
          <FieldError field="capPerOrder" />
        </div>
      </div>
      <div class="field-pair">
        <div class="field">
          <label for="rule-starts">
            开始 Starts <small class="muted">可选 optional</small>
          </label>
          <input id="rule-starts" name="startsAt" type="datetime-local" />
          <FieldError field="startsAt" />
        </div>
        <div class="field">
          <label for="rule-ends">
            结束 Ends <small class="muted">可选 optional</small>
          </label>
          <input id="rule-ends" name="endsAt" type="datetime-local" />
          <FieldError field="endsAt" />
        </div>
      </div>
      <FieldError field="_" />
      <p class="muted" id="form-status" role="status"></p>
      <div class="actions">
        <button type="submit" id="rule-save">保存 Save</button>
        <button type="button" class="ghost" id="rule-cancel" hidden>取消编辑 Cancel</button>
      </div>
    </form>
  </section>
)
