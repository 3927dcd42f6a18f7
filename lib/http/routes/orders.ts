import { createRoute, z } from '@hono/zod-openapi'
import { router, jsonBody, jsonContent, errorResponses } from '../openapi-app'
import { brandOf, requireRole } from '../auth'
import { OrderBody, RefundBody } from '../../schemas/order'
import { OrderResult, RefundResult } from '../../schemas/order-result'
import { ingestOrder } from '../../services/ingest-order'
import { orderDetails } from '../../services/order-details'
import { refundOrder } from '../../services/refund-order'

export const orders = router()
const OrderParams = z.object({ orderId: z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/) })

// POST /api/orders: a paid order from the brand's backend; attributed, commissioned, written once.
orders.openapi(
  createRoute({
    method: 'post',
    path: '/orders',
    tags: ['orders'],
    middleware: [requireRole('admin')],
    request: { body: jsonBody(OrderBody) },
    responses: {
      200: jsonContent(OrderResult, 'Already received: the stored result'),
      201: jsonContent(OrderResult, 'Received'),
      409: jsonContent(z.any(), 'Same orderId, different body'),
      ...errorResponses,
    },
  }),
  async (c) => {
    const { result, created } = await ingestOrder(brandOf(c), c.req.valid('json'))
    return c.json(result, created ? 201 : 200)
  },
)

// GET /api/orders/:orderId: the order with its full "why": sources considered, the chain paid, levels skipped, refunds.
orders.openapi(
  createRoute({
    method: 'get',
    path: '/orders/{orderId}',
    tags: ['orders'],
    middleware: [requireRole('admin', 'finance')],
    request: { params: OrderParams },
    responses: { 200: jsonContent(z.any(), 'The order and why it was attributed so'), ...errorResponses },
  }),
  async (c) => c.json(await orderDetails(brandOf(c), c.req.valid('param').orderId), 200),
)

// POST /api/orders/:orderId/refunds: reverse commissions pro rata, once per refundId.
orders.openapi(
  createRoute({
    method: 'post',
    path: '/orders/{orderId}/refunds',
    tags: ['orders'],
    middleware: [requireRole('admin')],
    request: { params: OrderParams, body: jsonBody(RefundBody) },
    responses: {
      200: jsonContent(RefundResult, 'Already received'),
      201: jsonContent(RefundResult, 'Refunded'),
      ...errorResponses,
    },
  }),
  async (c) => {
    const { refund, created } = await refundOrder(brandOf(c), c.req.valid('param').orderId, c.req.valid('json'))
    const { bodyHash: _hash, brandId: _brand, paidAt: _paid, base: _base, reporting: _reporting, ...visible } = refund
    return c.json(visible, created ? 201 : 200)
  },
)
