import type { FC } from 'hono/jsx'
import type { MobileText } from '../../i18n/mobile'
import type { LinkRow } from '../../../lib/services/mobile-home'

/** My share links, newest first, with their click counts. */
export const MyLinks: FC<{ links: LinkRow[]; t: MobileText }> = ({ links, t }) => (
  <section class="card" id="links">
    <h2>{t.myLinks}</h2>
    {links.length === 0 ? (
      <p class="muted">{t.noLinks}</p>
    ) : (
      <ul class="list">
        {links.map((l) => (
          <li class="row link" data-code={l.code}>
            <div class="grow">
              <div>{l.label}</div>
              <div class="muted">{l.shortUrl}</div>
            </div>
            <div>
              <span class="clicks">{l.clicks}</span> <span class="muted">{t.clicks}</span>
            </div>
          </li>
        ))}
      </ul>
    )}
  </section>
)
