/**
 * The pages' CSS, inlined in <head>: one small sheet saves a request on a slow
 * phone network. Mobile first (375 px); long URLs wrap so nothing scrolls sideways.
 */
export const baseCss = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:15px/1.5 system-ui,-apple-system,'PingFang SC','Microsoft YaHei',sans-serif;color:#222;background:#f6f6f8;overflow-wrap:anywhere}
main{max-width:40rem;margin:0 auto;padding:12px}
h1{font-size:1.2rem;margin:0}
h2{font-size:1.05rem;margin:0 0 8px}
a{color:#c2185b}
.top{display:flex;justify-content:space-between;align-items:center;gap:8px;padding:12px;background:#fff;border-bottom:1px solid #eee}
.top small{color:#777;display:block}
.card{background:#fff;border-radius:12px;padding:12px;margin:0 0 12px;box-shadow:0 1px 2px rgba(0,0,0,.04)}
.muted{color:#777;font-size:.85rem}
.row{display:flex;justify-content:space-between;align-items:center;gap:8px}
.grow{flex:1;min-width:0}
.list{list-style:none;margin:0;padding:0}
.list li{padding:10px 0;border-top:1px solid #f0f0f0}
.list li:first-child{border-top:0}
.price{font-weight:600}
.earn{color:#c2185b;font-weight:600}
button,.btn{font:inherit;border:0;border-radius:999px;padding:8px 16px;background:#c2185b;color:#fff;cursor:pointer;text-decoration:none;display:inline-block;white-space:nowrap}
button.ghost,.btn.ghost{background:#fce4ec;color:#c2185b}
button:disabled{opacity:.5}
input,select{font:inherit;width:100%;padding:10px;border:1px solid #ddd;border-radius:8px;background:#fff}
.url{font-family:ui-monospace,Menlo,monospace;font-size:.85rem;background:#f6f6f8;border-radius:8px;padding:8px}
.qr{width:160px;max-width:100%;margin:8px auto}
.qr svg{display:block;width:100%;height:auto}
.actions{display:flex;gap:8px;flex-wrap:wrap;margin-top:8px}
.sheet{position:fixed;left:0;right:0;bottom:0;max-height:90vh;overflow-y:auto;background:#fff;border-radius:16px 16px 0 0;padding:16px;box-shadow:0 -4px 24px rgba(0,0,0,.15)}
/* The author display rules above (buttons, sheets) would otherwise beat the hidden attribute. */
[hidden]{display:none!important}
.backdrop{position:fixed;inset:0;background:rgba(0,0,0,.35)}
.poster-img{display:block;width:100%;border-radius:12px;margin-top:12px;box-shadow:0 1px 6px rgba(0,0,0,.12)}
.center{text-align:center}
.thumb{width:96px;height:96px;object-fit:cover;border-radius:8px;flex:none;background:#f6f6f8}
.product{cursor:pointer}
.toast{position:fixed;left:50%;bottom:24px;transform:translateX(-50%);background:rgba(0,0,0,.8);color:#fff;padding:8px 16px;border-radius:999px;max-width:90vw}
.balance{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:8px;margin:0}
.balance div{background:#f6f6f8;border-radius:8px;padding:8px}
.balance dt{color:#777;font-size:.8rem}
.balance dd{margin:0;font-weight:600}
table{width:100%;border-collapse:collapse}
th,td{text-align:left;padding:8px;border-bottom:1px solid #eee;vertical-align:top}
/* In a table a word or a Chinese name stays whole (no column squeezed to one character a line): headers never wrap,
   cells wrap between words and at punctuation, and break a long token (a URL, an id) only when it alone is too wide. */
th{white-space:nowrap}
th,td{overflow-wrap:break-word;word-break:keep-all}
/* The confirmation of an action that cannot be undone (web/client/shared/confirm-dialog.ts). */
dialog.confirm{border:0;border-radius:12px;padding:16px;max-width:32rem;width:calc(100% - 32px);box-shadow:0 8px 32px rgba(0,0,0,.25)}
dialog.confirm::backdrop{background:rgba(0,0,0,.35)}
dialog.confirm ul{padding-left:1.2em;margin:8px 0}
dialog.confirm .warning{color:#b00020;font-weight:600}
dialog.confirm .actions{justify-content:flex-end}
button.danger{background:#b00020}
`
