import { Hono } from 'hono'
import { assetUrl } from '../assets'
import { ProgrammePage } from '../pages/console/admin/ProgrammePage'
import { adminGate } from './console-admin-gate'

export const consoleProgramme = new Hono()

// GET /console/programme: every programme setting in one form (admins); the script saves through PUT /api/programme.
consoleProgramme.get('/console/programme', async (c) => {
  const gate = await adminGate(c, 'programme')
  if (!gate.ok) return gate.response
  return c.html(<ProgrammePage view={gate} script={await assetUrl('programme')} />)
})
