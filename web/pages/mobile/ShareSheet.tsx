import type { FC } from 'hono/jsx'
import type { MobileText } from '../../i18n/mobile'

/**
 * The share sheet, one per page and filled by web/client/mobile.ts for the tapped
 * product: the short link, the brand's texts (each copied with the link) and the
 * poster, drawn on the phone and shown as a PNG `<img>` so a long press saves it.
 */
export const ShareSheet: FC<{ t: MobileText; brandName: string }> = ({ t, brandName }) => (
  <>
    <div class="backdrop" id="sheet-backdrop" hidden></div>
    <section class="sheet" id="sheet" hidden role="dialog" aria-modal="true" aria-labelledby="sheet-title">
      <div class="row">
        <h2 id="sheet-title">{t.sheetTitle}</h2>
        <button type="button" class="ghost" id="sheet-close">
          {t.close}
        </button>
      </div>
      <p class="muted" id="sheet-status">
        {t.creating}
      </p>
      <div class="url" id="sheet-url"></div>
      <div class="actions">
        <button type="button" id="copy-link" disabled>
          {t.copyLink}
        </button>
      </div>
      <h3 class="muted">{t.texts}</h3>
      <ul class="list" id="sheet-texts"></ul>
      {/* WeChat's webview ignores downloads: a long press on the image saves it (and scans its QR). */}
      <img id="poster-image" class="poster-img" alt={`${t.poster} · ${brandName}`} hidden />
      <p class="muted center" id="poster-hint">
        {t.drawing}
      </p>
      <div class="actions">
        <button type="button" class="ghost" id="save-poster" hidden>
          {t.download}
        </button>
      </div>
    </section>
    <div class="toast" id="toast" hidden role="status"></div>
  </>
)
