import type { FC } from 'hono/jsx'
import type { Product } from '../../../../lib/schemas/product'
import type { ConsoleAdminText } from '../../../i18n/console-admin'
import { Field, FormError } from './Field'

/** One page of products; each row carries its product as JSON for the edit form and the (de)activate button. */
export const ProductTable: FC<{ t: ConsoleAdminText; items: Product[]; price: (p: Product) => string }> = ({
  t,
  items,
  price,
}) =>
  items.length === 0 ? (
    <p class="muted">{t.noProducts}</p>
  ) : (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th>{t.sku}</th>
            <th>{t.name}</th>
            <th class="num">{t.price}</th>
            <th>{t.category}</th>
            <th>{t.status}</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          {items.map((p) => (
            <tr class={p.active ? 'product' : 'product inactive'} data-sku={p.sku} data-product={JSON.stringify(p)}>
              <td class="sku">{p.sku}</td>
              <td class="name">
                <a href={p.url} target="_blank" rel="noopener noreferrer">
                  {p.name}
                </a>
              </td>
              <td class="num price">{price(p)}</td>
              <td>{p.category ?? t.none}</td>
              <td class="status">{p.active ? t.active : t.inactive}</td>
              <td class="actions-cell">
                <button type="button" class="ghost" data-edit-product={p.sku}>
                  {t.edit}
                </button>{' '}
                <button type="button" class="ghost" data-toggle-product={p.sku}>
                  {p.active ? t.deactivate : t.activate}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )

/** Add a product, or edit one (the SKU is its key, so it is fixed while editing). */
export const ProductForm: FC<{ t: ConsoleAdminText; currencySymbol: string }> = ({ t, currencySymbol }) => (
  <section class="card">
    <h2 id="product-form-title">{t.addProduct}</h2>
    <form id="product-form" novalidate>
      <div class="field-pair">
        <Field name="sku" label={t.sku}>
          <input id="f-sku" name="sku" maxlength={64} autocomplete="off" />
        </Field>
        <Field name="price" label={`${t.price} (${currencySymbol})`}>
          <input id="f-price" name="price" inputmode="decimal" autocomplete="off" placeholder="299.00" />
        </Field>
      </div>
      <Field name="name" label={t.name}>
        <input id="f-name" name="name" maxlength={120} />
      </Field>
      <Field name="url" label={t.url}>
        <input id="f-url" name="url" type="url" placeholder="https://" />
      </Field>
      <div class="field-pair">
        <Field name="category" label={t.category} hint={t.optional}>
          <input id="f-category" name="category" maxlength={64} />
        </Field>
        <Field name="imageUrl" label={t.imageUrl} hint={t.optional}>
          <input id="f-imageUrl" name="imageUrl" type="url" />
        </Field>
      </div>
      <input type="hidden" name="active" value="true" />
      <FormError />
      <p class="muted form-status" role="status"></p>
      <div class="actions">
        <button type="submit" id="product-save">
          {t.save}
        </button>
        <button type="button" class="ghost" id="product-cancel" hidden>
          {t.cancel}
        </button>
      </div>
    </form>
  </section>
)
