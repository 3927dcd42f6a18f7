import type { FC } from 'hono/jsx'

/** A small bilingual page for outcomes such as an expired sign-in link, with an optional way on. */
export const MessagePage: FC<{
  title: string
  zh: string
  en: string
  link?: { href: string; zh: string; en: string }
}> = ({ title, zh, en, link }) => (
  <html lang="zh-CN">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width,initial-scale=1" />
      <title>{title}</title>
    </head>
    <body style="font-family:system-ui,-apple-system,'PingFang SC',sans-serif;max-width:28rem;margin:20vh auto;padding:0 1rem;text-align:center;color:#333">
      <h1 style="font-size:1.25rem">{zh}</h1>
      <p style="color:#666">{en}</p>
      {link ? (
        <p>
          <a
            href={link.href}
            style="display:inline-block;margin-top:1rem;padding:10px 20px;border-radius:999px;background:#c2185b;color:#fff;text-decoration:none"
          >
            {link.zh} · {link.en}
          </a>
        </p>
      ) : null}
    </body>
  </html>
)

/** The way back in for a distributor whose session or link is gone: the phone sign-in page. */
export const phoneSignInLink = (brandId?: string) => ({
  href: brandId ? `/m/sign-in?brand=${encodeURIComponent(brandId)}` : '/m/sign-in',
  zh: '用手机号登录',
  en: 'Sign in with your phone number',
})
