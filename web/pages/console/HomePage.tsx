import type { FC } from 'hono/jsx'
import type { Brand } from '../../../lib/schemas/brand'
import type { Distributor } from '../../../lib/schemas/distributor'
import type { ConsoleRole } from '../../../lib/auth/console-session'
import { ConsoleLayout } from './ConsoleLayout'
import { ProgrammeSummary } from './ProgrammeSummary'
import { DistributorTable } from './DistributorTable'

export interface DistributorPage {
  items: Distributor[]
  nextCursor?: string
  firstPage: boolean
  error?: string
}

/** The console home: brand, programme summary and (for admins) the distributors. */
export const HomePage: FC<{ brand: Brand; role: ConsoleRole; distributors?: DistributorPage; script: string }> = ({ brand, role, distributors, script }) => (
  <ConsoleLayout title={brand.name} brandName={brand.name} script={script} current="home">
    <p class="muted">
      已登录为 Signed in as <strong id="role">{role === 'admin' ? '管理员 admin' : '财务 finance'}</strong>
    </p>
    <ProgrammeSummary programme={brand.programme} />
    {distributors ? (
      <DistributorTable {...distributors} />
    ) : (
      <section class="card">
        <p class="muted">分销员管理需要管理员密钥。Managing distributors needs an admin key.</p>
      </section>
    )}
  </ConsoleLayout>
)
