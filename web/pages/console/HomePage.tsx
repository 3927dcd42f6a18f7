import type { FC } from 'hono/jsx'
import type { Brand } from '../../../lib/schemas/brand'
import type { ConsoleRole } from '../../../lib/auth/console-session'
import { ConsoleLayout } from './ConsoleLayout'
import { ProgrammeSummary } from './ProgrammeSummary'

/** The console home for a finance key: who is signed in, the programme, and the way to settlements. (Admins get the dashboard.) */
export const HomePage: FC<{ brand: Brand; role: ConsoleRole }> = ({ brand, role }) => (
  <ConsoleLayout title={brand.name} brandName={brand.name} current="home">
    <p class="muted">
      已登录为 Signed in as <strong id="role">{role === 'admin' ? '管理员 admin' : '财务 finance'}</strong>
    </p>
    <ProgrammeSummary programme={brand.programme} />
    <section class="card">
      <p>
        <a class="btn" id="go-finance" href="/console/finance">
          结算 Settlements
        </a>
      </p>
      <p class="muted">数据看板需要管理员密钥。The dashboard needs an admin key.</p>
    </section>
  </ConsoleLayout>
)
