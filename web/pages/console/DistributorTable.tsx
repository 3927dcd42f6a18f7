import type { FC } from 'hono/jsx'
import type { Distributor } from '../../../lib/schemas/distributor'
import { TYPE_LABELS } from '../../i18n/distributor-types'

/**
 * One page of the brand's distributors (the API's cursor drives "next page").
 * Each row can mint a single-use sign-in link; web/client/console.ts does the call.
 */
export const DistributorTable: FC<{ items: Distributor[]; nextCursor?: string; firstPage: boolean; error?: string }> = ({ items, nextCursor, firstPage, error }) => (
  <section class="card" id="distributors">
    <h2>分销员 Distributors</h2>
    {error ? <p class="error">{error}</p> : null}
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th>姓名 Name</th>
            <th>类型 Type</th>
            <th>圈层 Ring</th>
            <th>状态 Status</th>
            <th>加入 Joined</th>
            <th>登录链接 Sign-in link</th>
          </tr>
        </thead>
        <tbody>
          {items.map((d) => (
            <tr class="distributor" data-id={d.id}>
              <td class="name">{d.name}</td>
              <td>{TYPE_LABELS[d.type]}</td>
              <td>{d.ring}</td>
              <td>{d.status === 'active' ? '正常 Active' : '已暂停 Suspended'}</td>
              <td>{d.joinedAt.slice(0, 10)}</td>
              <td>
                <button type="button" class="ghost" data-sign-in={d.id}>生成 Create</button>
                <div class="url sign-in-url" hidden></div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
    <div class="actions">
      {firstPage ? null : <a class="btn ghost" href="/console">第一页 First page</a>}
      {nextCursor ? (
        <a class="btn ghost" id="next-page" href={`/console?cursor=${encodeURIComponent(nextCursor)}`}>
          下一页 Next page
        </a>
      ) : null}
    </div>
  </section>
)
