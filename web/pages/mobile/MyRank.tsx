import type { FC } from 'hono/jsx'
import type { MobileText } from '../../i18n/mobile'
import type { MyRank as Rank } from '../../../lib/schemas/me'
import { money } from '../../format'

const FIELDS = ['gmv', 'newCustomers'] as const

/** 本月排名: my place this month by sales and by new customers, among my type and within my store. */
export const MyRank: FC<{ rank: Rank; currency: string; t: MobileText }> = ({ rank, currency, t }) => (
  <section class="card" id="rank">
    <div class="row">
      <h2>{t.myRank}</h2>
      <span class="muted">{rank.month}</span>
    </div>
    <table class="results">
      <thead>
        <tr>
          <th></th>
          <th scope="col">{t.rankAmongType}</th>
          {rank.store ? <th scope="col">{t.rankInStore}</th> : null}
        </tr>
      </thead>
      <tbody>
        {FIELDS.map((f) => {
          const places = rank[f]
          return (
            <tr data-field={f}>
              <th scope="row">
                {t.rankBy[f]}
                <div class="muted value">{f === 'gmv' ? money(places.type.value, currency) : places.type.value}</div>
              </th>
              <td class="type">{t.rankPlace(places.type.rank, places.type.of)}</td>
              {places.store ? <td class="store">{t.rankPlace(places.store.rank, places.store.of)}</td> : null}
            </tr>
          )
        })}
      </tbody>
    </table>
  </section>
)
