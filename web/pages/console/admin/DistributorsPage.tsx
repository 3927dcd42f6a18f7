import type { FC } from 'hono/jsx'
import { DISTRIBUTOR_TYPES, DistributorStatusSchema, type Distributor } from '../../../../lib/schemas/distributor'
import type { AdminView } from '../../../routes/console-admin-gate'
import { STATUS_NAMES, TYPE_NAMES } from '../../../i18n/console-admin'
import { ConsoleLayout } from '../ConsoleLayout'
import { adminCss } from '../../../components/Field'

export interface DistributorFilterForm {
  q?: string
  type?: string
  status?: string
  ring?: string
  store?: string
}

export interface DistributorListView {
  items: Distributor[]
  nextCursor?: string
  filter: DistributorFilterForm
  /** Field errors from the API's own query schema, beside the filter inputs. */
  errors: Record<string, string>
  firstPage: boolean
  notice?: string
}

const filterCss = `
.filters{display:grid;grid-template-columns:repeat(auto-fit,minmax(10rem,1fr));gap:0 12px;align-items:end}
.filters .actions{margin:0 0 10px}
`

/** The query string for a filter (and a cursor), without empty values. */
export const filterQuery = (f: DistributorFilterForm, cursor?: string): string =>
  new URLSearchParams(Object.entries({ ...f, cursor }).filter((e): e is [string, string] => !!e[1])).toString()

const Err: FC<{ errors: Record<string, string>; name: string }> = ({ errors, name }) =>
  errors[name] ? (
    <p class="field-error error" data-error-for={name} role="alert">
      {errors[name]}
    </p>
  ) : null

/** Searchable, filterable list of the brand's distributors: a plain GET form, rendered on the server. */
export const DistributorsPage: FC<{ view: AdminView; list: DistributorListView }> = ({
  view: { brand, lang, t, langSwitch },
  list,
}) => {
  const { filter: f, errors } = list
  const invalid = (name: string) => (errors[name] ? 'true' : undefined)
  return (
    <ConsoleLayout
      title={t.distributorsTitle}
      brandName={brand.name}
      current="distributors"
      extraCss={adminCss + filterCss}
      lang={lang}
      langSwitch={langSwitch}
    >
      <section class="card" id="distributors">
        <h2>{t.distributorsTitle}</h2>
        <form method="get" action="/console/distributors" class="filters" id="distributor-filters">
          <div class="field">
            <label for="f-q">{t.search}</label>
            <input id="f-q" name="q" value={f.q ?? ''} placeholder={t.searchHint} aria-invalid={invalid('q')} />
            <Err errors={errors} name="q" />
          </div>
          <div class="field">
            <label for="f-type">{t.type}</label>
            <select id="f-type" name="type" aria-invalid={invalid('type')}>
              <option value="">{t.anyOption}</option>
              {DISTRIBUTOR_TYPES.map((type) => (
                <option value={type} selected={f.type === type}>
                  {TYPE_NAMES[lang][type]}
                </option>
              ))}
            </select>
            <Err errors={errors} name="type" />
          </div>
          <div class="field">
            <label for="f-status">{t.status}</label>
            <select id="f-status" name="status" aria-invalid={invalid('status')}>
              <option value="">{t.anyOption}</option>
              {DistributorStatusSchema.options.map((s) => (
                <option value={s} selected={f.status === s}>
                  {STATUS_NAMES[lang][s]}
                </option>
              ))}
            </select>
            <Err errors={errors} name="status" />
          </div>
          <div class="field">
            <label for="f-ring">{t.ring}</label>
            <input id="f-ring" name="ring" inputmode="numeric" value={f.ring ?? ''} aria-invalid={invalid('ring')} />
            <Err errors={errors} name="ring" />
          </div>
          <div class="field">
            <label for="f-store">{t.store}</label>
            <input id="f-store" name="store" value={f.store ?? ''} aria-invalid={invalid('store')} />
            <Err errors={errors} name="store" />
          </div>
          <div class="actions">
            <button type="submit" id="filter-submit">
              {t.filter}
            </button>
            <a class="btn ghost" href="/console/distributors">
              {t.clear}
            </a>
          </div>
        </form>
        {list.notice ? <p class="error">{list.notice}</p> : null}
        {list.items.length === 0 ? (
          <p class="muted" id="no-matches">
            {t.noMatches}
          </p>
        ) : (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>{t.name}</th>
                  <th>{t.type}</th>
                  <th>{t.status}</th>
                  <th>{t.ring}</th>
                  <th>{t.store}</th>
                  <th>{t.externalId}</th>
                  <th>{t.joined}</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((d) => (
                  <tr class="distributor" data-id={d.id}>
                    <td class="name">
                      <a href={`/console/distributors/${encodeURIComponent(d.id)}`}>{d.name}</a>
                    </td>
                    <td class="type">{TYPE_NAMES[lang][d.type]}</td>
                    <td class="status">{STATUS_NAMES[lang][d.status]}</td>
                    <td>{d.ring}</td>
                    <td>{d.store ?? t.none}</td>
                    <td>{d.externalId ?? t.none}</td>
                    <td>{d.joinedAt.slice(0, 10)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <div class="actions">
          {list.firstPage ? null : (
            <a class="btn ghost" href={`/console/distributors?${filterQuery(f)}`}>
              {t.firstPage}
            </a>
          )}
          {list.nextCursor ? (
            <a class="btn ghost" id="next-page" href={`/console/distributors?${filterQuery(f, list.nextCursor)}`}>
              {t.nextPage}
            </a>
          ) : null}
        </div>
      </section>
    </ConsoleLayout>
  )
}
