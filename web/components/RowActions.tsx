import type { FC } from 'hono/jsx'

/** One button of a row: its label, extra classes after `ghost`, and the `data-*` attribute a page's script finds it by. */
export interface RowAction {
  label: string
  data: Record<string, string>
  class?: string
}

/**
 * A table row's buttons (edit, (de)activate, delete …), a space apart.
 *
 * @example
 * <RowActions actions={[{ label: t.edit, data: { 'data-edit-product': p.sku } }]} />
 */
export const RowActions: FC<{ actions: RowAction[] }> = ({ actions }) => (
  <>
    {actions.map((a, i) => (
      <>
        {i > 0 ? ' ' : null}
        <button type="button" class={a.class ? `ghost ${a.class}` : 'ghost'} {...a.data}>
          {a.label}
        </button>
      </>
    ))}
  </>
)
