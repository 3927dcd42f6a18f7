import type { FC } from 'hono/jsx'

/** A small bilingual page for outcomes such as an expired sign-in link. */
export const MessagePage: FC<{ title: string; zh: string; en: string }> = ({ title, zh, en }) => (
  <html lang="zh-CN">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width,initial-scale=1" />
      <title>{title}</title>
    </head>
    <body style="font-family:system-ui,-apple-system,'PingFang SC',sans-serif;max-width:28rem;margin:20vh auto;padding:0 1rem;text-align:center;color:#333">
      <h1 style="font-size:1.25rem">{zh}</h1>
      <p style="color:#666">{en}</p>
    </body>
  </html>
)
