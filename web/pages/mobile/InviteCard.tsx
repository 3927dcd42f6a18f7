import type { FC } from 'hono/jsx'
import { raw } from 'hono/html'
import type { MobileText } from '../../i18n/mobile'

/** My invite link with its QR code (drawn on the server by the qrcode library, so trusted SVG). */
export const InviteCard: FC<{ url: string; qr: string; t: MobileText }> = ({ url, qr, t }) => (
  <section class="card" id="invite">
    <h2>{t.invite}</h2>
    <p class="muted">{t.inviteHint}</p>
    <div class="url" id="invite-url">
      {url}
    </div>
    <div class="actions">
      <button type="button" data-copy={url}>
        {t.copyLink}
      </button>
    </div>
    <div class="qr">{raw(qr)}</div>
  </section>
)
