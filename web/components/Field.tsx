import type { Child, FC, JSX } from 'hono/jsx'

/**
 * A labelled form field with its error slot: the page's script fills the slot
 * named by `data-error-for` from a 422's `fields` (see web/client/shared/field-errors.ts).
 */
export const Field: FC<{ name: string; label: string; for?: string; hint?: string; children?: Child }> = ({
  name,
  label,
  for: htmlFor,
  hint,
  children,
}) => (
  <div class="field">
    <label for={htmlFor ?? `f-${name}`}>
      {label} {hint ? <small class="muted">{hint}</small> : null}
    </label>
    {children}
    <p class="field-error error" data-error-for={name} role="alert" hidden></p>
  </div>
)

/** The message slot under a form for errors that belong to no one field. */
export const FormError: FC = () => <p class="field-error error" data-error-for="_" role="alert" hidden></p>

/**
 * A {@link Field} around an input named like the field, its id `f-<name>` unless given.
 *
 * @example
 * <InputField name="holdDays" label={t.holdDays} inputmode="numeric" value="7" />
 */
export const InputField: FC<
  { name: string; label: string; hint?: string; id?: string } & Omit<JSX.IntrinsicElements['input'], 'name' | 'id'>
> = ({ name, label, hint, id = `f-${name}`, ...input }) => (
  <Field name={name} label={label} hint={hint} for={id}>
    <input id={id} name={name} {...input} />
  </Field>
)

/** A {@link Field} around a select named like the field (id `f-<name>`): `options` are [value, label] pairs. */
export const SelectField: FC<{
  name: string
  label: string
  options: ReadonlyArray<readonly [value: string, label: string]>
  selected?: string
}> = ({ name, label, options, selected }) => (
  <Field name={name} label={label}>
    <select id={`f-${name}`} name={name}>
      {options.map(([value, text]) => (
        <option value={value} selected={selected === undefined ? undefined : value === selected}>
          {text}
        </option>
      ))}
    </select>
  </Field>
)

/** The end of an add/edit form: its error and status slots, save, and a cancel that shows while editing. */
export const EditFormEnd: FC<{ form: string; save: string; cancel: string }> = ({ form, save, cancel }) => (
  <>
    <FormError />
    <p class="muted form-status" role="status"></p>
    <div class="actions">
      <button type="submit" id={`${form}-save`}>
        {save}
      </button>
      <button type="button" class="ghost" id={`${form}-cancel`} hidden>
        {cancel}
      </button>
    </div>
  </>
)

/** Form layout shared by the admin pages. */
export const adminCss = `
.field{margin:0 0 10px;border:0;padding:0;min-width:0}
.field label,.field legend{display:block;font-size:.9rem;margin-bottom:4px}
.field-pair{display:grid;grid-template-columns:repeat(auto-fit,minmax(12rem,1fr));gap:0 12px}
.field-error{font-size:.85rem;margin:4px 0 0}
.check{display:inline-flex!important;align-items:center;gap:6px}
.check input{width:auto}
textarea{font:inherit;width:100%;padding:10px;border:1px solid #ddd;border-radius:8px}
[aria-invalid=true]{border-color:#b00020}
.actions-cell{white-space:nowrap}
.actions-cell button,.actions-cell .btn{padding:4px 10px}
.inactive td{color:#999}
.two-col{display:grid;grid-template-columns:minmax(0,1fr);gap:12px}
@media (min-width:960px){.two-col{grid-template-columns:minmax(0,1.3fr) minmax(0,1fr)}}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
`
