import { createRoute, z } from '@hono/zod-openapi'
import { router, jsonBody, jsonContent, access, bodyErrorResponses, errorResponses } from '../openapi-app'
import { brandOf } from '../auth'
import { ErrorBody } from '../error-body'
import { OrderBody, RefundBody } from '../../schemas/order'
import { OrderDetail, OrderResult, RefundResult } from '../../schemas/order-result'
import { presentRefund } from '../../services/present-refund'
import { ingestOrder } from '../../services/ingest-order'
import { orderDetails } from '../../services/order-details'
import { refundOrder } from '../../services/refund-order'

export const orders = router()
const OrderParams = z.object({ orderId: z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/) })

// POST /api/orders: a paid order from the brand's backend; attributed, commissioned, written once.
const createOrderRoute = createRoute({
  method: 'post',
  path: '/orders',
  operationId: 'createOrder',
  description:
    "A paid order from the brand's backend: attributed (click, refCode, then the customer's binding), its commissions " +
    'computed up the chain and written once. Sending the same order again answers the stored result.',
  tags: ['orders'],
  ...access('admin'),
  request: { body: jsonBody(OrderBody) },
  responses: {
    200: jsonContent(OrderResult, 'Already received: the stored result'),
    201: jsonContent(OrderResult, 'Received'),
    ...bodyErrorResponses,
    409: jsonContent(ErrorBody, 'Same orderId, different body'),
  },
})
orders.openapi(createOrderRoute, async (c) => {
  const { result, created } = await ingestOrder(brandOf(c), c.req.valid('json'))
  return c.json(result, created ? 201 : 200)
})

// GET /api/orders/:orderId: the order with its full "why": sources considered, the chain paid, levels skipped, refunds.
const getOrderRoute = createRoute({
  method: 'get',
  path: '/orders/{orderId}',
  operationId: 'getOrder',
  description:
    'The order, its commissions and why it was attributed so: every source considered and its outcome, the chain paid, ' +
    'the levels skipped, and the refunds so far.',
  tags: ['orders'],
  ...access('admin', 'finance'),
  request: { params: OrderParams },
  responses: { 200: jsonContent(OrderDetail, 'The order and why it was attributed so'), ...errorResponses },
})
orders.openapi(getOrderRoute, async (c) => {
  return c.json(await orderDetails(brandOf(c), c.req.valid('param').orderId), 200)
})

// POST /api/orders/:orderId/refunds: reverse commissions pro rata, once per refundId.
const refundOrderRoute = createRoute({
  method: 'post',
  path: '/orders/{orderId}/refunds',
  operationId: 'refundOrder',
  description:
    "A refund of some lines or of an amount: the order's commissions are reversed pro rata, once per refundId " +
    '(the same refundId again answers the stored refund).',
  tags: ['orders'],
  ...access('admin'),
  request: { params: OrderParams, body: jsonBody(RefundBody) },
  responses: {
    200: jsonContent(RefundResult, 'Already received'),
    201: jsonContent(RefundResult, 'Refunded'),
    ...bodyErrorResponses,
  },
})
orders.openapi(refundOrderRoute, async (c) => {
  const { refund, created } = await refundOrder(brandOf(c), c.req.valid('param').orderId, c.req.valid('json'))
  return c.json(presentRefund(refund), created ? 201 : 200)
})
