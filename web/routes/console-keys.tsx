import { Hono } from 'hono'
import { assetUrl } from '../assets'
import { listKeys } from '../../lib/services/keys'
import { keysText } from '../i18n/keys'
import { KeysPage } from '../pages/console/keys/KeysPage'
import { adminGate } from './console-admin-gate'

export const consoleKeys = new Hono()

// GET /console/keys: the brand's API keys and webhook secret (admins); the script calls /api/keys and /api/webhook-secret.
consoleKeys.get('/console/keys', async (c) => {
  const gate = await adminGate(c, 'keys')
  if (!gate.ok) return gate.response
  const [items, script] = await Promise.all([listKeys(gate.brand.id), assetUrl('keys')])
  return c.html(
    <KeysPage
      brand={gate.brand}
      items={items}
      lang={gate.lang}
      t={keysText(gate.lang)}
      langSwitch={gate.langSwitch}
      script={script}
    />,
  )
})
