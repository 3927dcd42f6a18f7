import type { Child } from 'hono/jsx'

/** One column of a {@link Table}: its header, how a row fills its cell, and its classes. */
export interface Column<T> {
  header: Child
  cell: (row: T) => Child
  /** Right-aligned tabular figures: class `num` on the header and the cells. */
  num?: boolean
  /** Classes of the cells (after `num`), e.g. `status` for a script or a test to find them. */
  class?: string
}

const classes = (...names: Array<string | false | undefined>): string | undefined =>
  names.filter(Boolean).join(' ') || undefined

/**
 * A scrolling table of rows under a header row. With `empty` and no rows it shows
 * `empty` instead; with `bodyId` and no rows it leaves an empty body for a page's
 * script to fill. `rowAttrs` gives each row its class and `data-*` attributes.
 *
 * @example
 * <Table id="keys-table" rows={keys} columns={[{ header: t.label, cell: (k) => k.label }]} />
 */
export function Table<T>({
  id,
  bodyId,
  columns,
  rows,
  rowAttrs,
  empty,
}: {
  id?: string
  bodyId?: string
  columns: ReadonlyArray<Column<T> | false>
  rows: readonly T[]
  rowAttrs?: (row: T) => Record<string, string | undefined>
  empty?: Child
}) {
  if (rows.length === 0 && empty !== undefined) return <>{empty}</>
  const shown = columns.filter((c): c is Column<T> => c !== false)
  return (
    <div class="table-wrap">
      <table id={id}>
        <thead>
          <tr>
            {shown.map((c) => (
              <th class={classes(c.num && 'num')}>{c.header}</th>
            ))}
          </tr>
        </thead>
        <tbody id={bodyId}>
          {rows.map((r) => (
            <tr {...rowAttrs?.(r)}>
              {shown.map((c) => (
                <td class={classes(c.num && 'num', c.class)}>{c.cell(r)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
