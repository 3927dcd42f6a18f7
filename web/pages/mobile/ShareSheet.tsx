import type { FC } from 'hono/jsx'
import type { MobileText } from '../../i18n/mobile'

/**
 * The share sheet, one per page and filled by web/client/mobile.ts for the tapped
 * product: short link, copy buttons and a QR poster that saves as a PNG.
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
        <button type="button" class="ghost" id="copy-text" disabled>
          {t.copyText}
        </button>
      </div>
      <div class="poster" id="poster">
        <div class="muted">{brandName}</div>
        <div id="poster-name" class="price"></div>
        <div id="poster-price" class="earn"></div>
        <div class="qr" id="sheet-qr"></div>
        <div class="muted">{t.scan}</div>
      </div>
      <div class="actions">
        <button type="button" class="ghost" id="save-poster" disabled>
          {t.savePoster}
        </button>
      </div>
      {/* WeChat's webview ignores downloads: the PNG is also shown here, to press and hold to save. */}
      <img id="poster-image" class="poster" alt={t.poster} hidden style="width:100%" />
    </section>
    <div class="toast" id="toast" hidden role="status"></div>
  </>
)
