import type { FC } from 'hono/jsx'
import type { Product } from '../../../../lib/schemas/product'
import type { ConsoleAdminText } from '../../../i18n/console-admin'
import { EditFormEnd, InputField } from '../../../components/Field'
import { RowActions } from '../../../components/RowActions'
import { Table } from '../../../components/Table'

/** One page of products; each row carries its product as JSON for the edit form and the (de)activate button. */
export const ProductTable: FC<{ t: ConsoleAdminText; items: Product[]; price: (p: Product) => string }> = ({
  t,
  items,
  price,
}) => (
  <Table
    rows={items}
    empty={<p class="muted">{t.noProducts}</p>}
    rowAttrs={(p) => ({
      class: p.active ? 'product' : 'product inactive',
      'data-sku': p.sku,
      'data-product': JSON.stringify(p),
    })}
    columns={[
      { header: t.sku, class: 'sku', cell: (p) => p.sku },
      {
        header: t.name,
        class: 'name',
        cell: (p) => (
          <a href={p.url} target="_blank" rel="noopener noreferrer">
            {p.name}
          </a>
        ),
      },
      { header: t.price, num: true, class: 'price', cell: price },
      { header: t.category, cell: (p) => p.category ?? t.none },
      { header: t.status, class: 'status', cell: (p) => (p.active ? t.active : t.inactive) },
      {
        header: '',
        class: 'actions-cell',
        cell: (p) => (
          <RowActions
            actions={[
              { label: t.edit, data: { 'data-edit-product': p.sku } },
              { label: p.active ? t.deactivate : t.activate, data: { 'data-toggle-product': p.sku } },
            ]}
          />
        ),
      },
    ]}
  />
)

/** Add a product, or edit one (the SKU is its key, so it is fixed while editing). */
export const ProductForm: FC<{ t: ConsoleAdminText; currencySymbol: string }> = ({ t, currencySymbol }) => (
  <section class="card">
    <h2 id="product-form-title">{t.addProduct}</h2>
    <form id="product-form" novalidate>
      <div class="field-pair">
        <InputField name="sku" label={t.sku} maxlength={64} autocomplete="off" />
        <InputField
          name="price"
          label={`${t.price} (${currencySymbol})`}
          inputmode="decimal"
          autocomplete="off"
          placeholder="299.00"
        />
      </div>
      <InputField name="name" label={t.name} maxlength={120} />
      <InputField name="url" label={t.url} type="url" placeholder="https://" />
      <div class="field-pair">
        <InputField name="category" label={t.category} hint={t.optional} maxlength={64} />
        <InputField name="imageUrl" label={t.imageUrl} hint={t.optional} type="url" />
      </div>
      <input type="hidden" name="active" value="true" />
      <EditFormEnd form="product" save={t.save} cancel={t.cancel} />
    </form>
  </section>
)
