import type { FC } from 'hono/jsx'
import { ConsoleLayout } from './ConsoleLayout'

/** Console sign-in: a brand admin pastes an API key; only its hash is ever looked up. */
export const SignInPage: FC<{ error?: string }> = ({ error }) => (
  <ConsoleLayout title="登录 Sign in">
    <section class="card" style="max-width:32rem;margin:10vh auto">
      <h2>品牌方登录 Brand sign-in</h2>
      <p class="muted">粘贴品牌的 API 密钥（管理员或财务）。Paste your brand API key (admin or finance).</p>
      <form method="post" action="/console/sign-in">
        <label for="api-key">API 密钥 API key</label>
        <input id="api-key" name="apiKey" type="password" required autocomplete="off" spellcheck={false} />
        {error ? (
          <p class="error" id="sign-in-error" role="alert">
            {error}
          </p>
        ) : null}
        <div class="actions">
          <button type="submit">登录 Sign in</button>
        </div>
      </form>
    </section>
  </ConsoleLayout>
)
