import type { FC } from 'hono/jsx'
import type { MobileText } from '../../i18n/mobile'
import type { MyCustomer } from '../../../lib/schemas/me'
import { money } from '../../format'

/** 我的客户: customers bound to me (masked), since and until when, and their orders with me. */
export const MyCustomers: FC<{ customers: MyCustomer[]; t: MobileText }> = ({ customers, t }) => (
  <section class="card" id="my-customers">
    <h2>{t.myCustomers}</h2>
    {customers.length === 0 ? (
      <p class="muted">{t.noCustomers}</p>
    ) : (
      <ul class="list">
        {customers.map((c) => (
          <li class="customer" data-customer={c.customer}>
            <div class="row">
              <span class="grow customer-id">{c.customer}</span>
              <span class="muted">{t.customerOrders(c.orders.length)}</span>
            </div>
            <div class="muted bound">
              {t.boundSince(c.boundAt.slice(0, 10), c.expiresAt ? c.expiresAt.slice(0, 10) : null)}
              {c.active ? null : ` · ${t.bindingEnded}`}
            </div>
            {c.orders.map((o) => (
              <div class="muted customer-order">
                {t.order} {o.orderRef} · {o.paidAt.slice(0, 10)} · {money(o.total, o.currency)}
              </div>
            ))}
          </li>
        ))}
      </ul>
    )}
  </section>
)
