import type { Child, FC } from 'hono/jsx'
import { raw } from 'hono/html'
import { baseCss } from './styles'

/** The HTML shell every page shares: viewport for phones, the inlined sheet, an optional client script. */
export const Page: FC<{
  title: string
  lang: string
  script?: string
  extraCss?: string
  bodyData?: Record<string, string>
  children?: Child
}> = ({ title, lang, script, extraCss, bodyData, children }) => {
  // data-* attributes carry the text and ids a client script needs (escaped by JSX, unlike inline JSON).
  const data = Object.fromEntries(Object.entries(bodyData ?? {}).map(([k, v]) => [`data-${k}`, v]))
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <meta name="referrer" content="same-origin" />
        <title>{title}</title>
        <style>{raw(baseCss + (extraCss ?? ''))}</style>
        {script ? <script src={script} defer></script> : null}
      </head>
      <body {...data}>{children}</body>
    </html>
  )
}
