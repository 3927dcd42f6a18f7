/**
 * The finance pages' own CSS on top of the console's (their words are in web/i18n/finance.ts).
 */
export const financeCss = `
.ok{color:#1b7f3b;font-weight:600}
.bad{color:#b00020;font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.inline-form{display:flex;gap:8px;align-items:end;flex-wrap:wrap}
.inline-form .field{margin:0;min-width:12rem}
.inline-form label{display:block;font-size:.9rem;margin-bottom:4px}
progress{width:100%}
`
