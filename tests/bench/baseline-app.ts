import { Hono } from 'hono'
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb'
import { randomBytes } from 'node:crypto'
import { db } from '../../lib/db/client'
import { keys } from '../../lib/db/keys'
import { tableName } from '../../lib/db/table'

/**
 * The floor the redirect is measured against: the least any click path can do on
 * this table, one GetItem of the link and one PutItem of a click-sized item, then a
 * 302. Same server, same client, same table, so the ratio isolates the redirect's
 * own cost (the transaction, cookie and id work) from the machine's.
 */
export function buildBaselineApp(): Hono {
  const app = new Hono()
  // GET /bench/baseline/:code: one read, one write, redirect.
  app.get('/bench/baseline/:code', async (c) => {
    const r = await db().send(new GetCommand({ TableName: tableName(), Key: keys.link(c.req.param('code')) }))
    if (!r.Item) return c.text('not found', 404)
    const clickId = `c_${randomBytes(12).toString('base64url')}`
    const at = new Date().toISOString()
    await db().send(
      new PutCommand({
        TableName: tableName(),
        // Not entity 'click': the stream counters must not count the baseline's writes into the link.
        Item: {
          ...keys.click(clickId),
          entity: 'baselineClick',
          clickId,
          code: r.Item.code,
          brandId: r.Item.brandId,
          distributorId: r.Item.distributorId,
          at,
          ttl: Math.floor(Date.now() / 1000) + 86_400,
        },
      }),
    )
    return c.redirect(
      `${String(r.Item.target)}${String(r.Item.target).includes('?') ? '&' : '?'}rpl_click=${clickId}`,
      302,
    )
  })
  return app
}
