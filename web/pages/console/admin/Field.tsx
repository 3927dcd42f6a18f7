import type { Child, FC } from 'hono/jsx'

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
