import type { FC } from 'hono/jsx'
import type { MobileText } from '../../i18n/mobile'
import type { MyOrder } from '../../../lib/schemas/me'
import { money } from '../../format'

/** Why an order pays me, in the page's language (the API's `why` is the English line). */
const whyOf = (o: MyOrder, t: MobileText): string =>
  o.level === 1
    ? o.source
      ? t.why[o.source]
      : t.direct
    : `${t.teamBonus(o.level)} · ${t.whyTeam(o.creditedName ?? t.someone, o.source)}`

/** 我的订单: orders credited to me or my team, newest first, each with why and what it paid me. */
export const MyOrders: FC<{ orders: MyOrder[]; names: Record<string, string>; t: MobileText }> = ({
  orders,
  names,
  t,
}) => (
  <section class="card" id="my-orders">
    <h2>{t.myOrders}</h2>
    {orders.length === 0 ? (
      <p class="muted">{t.noOrders}</p>
    ) : (
      <ul class="list">
        {orders.map((o) => (
          <li class="row my-order" data-order={o.orderRef} data-level={String(o.level)}>
            <div class="grow">
              <div>{o.products.map((p) => `${p.name ?? names[p.sku] ?? p.sku} ×${p.qty}`).join('、')}</div>
              <div class="muted why">{whyOf(o, t)}</div>
              <div class="muted">
                {t.order} {o.orderRef} · {o.paidAt.slice(0, 10)} · {money(o.total, o.currency)}
              </div>
            </div>
            <span class="earn amount">{money(o.commission, o.currency)}</span>
          </li>
        ))}
      </ul>
    )}
  </section>
)
