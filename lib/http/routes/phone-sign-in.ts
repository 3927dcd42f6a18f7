import { createRoute, z } from '@hono/zod-openapi'
import { router, jsonBody, jsonContent, bodyErrorResponses, publicAccess } from '../openapi-app'
import { ErrorBody } from '../error-body'
import { rememberBrand, setSessionCookie } from '../session-cookie'
import { countFailedCredential, enforceLimit } from '../rate-limit'
import { RATE_LIMITS } from '../../config/rate-limits'
import { Distributor } from '../../schemas/distributor'
import { PhoneCodeRequest, PhoneCodeVerify } from '../../schemas/phone'
import { PHONE_CODE_MINUTES, sendPhoneCode, verifyPhoneCode } from '../../services/phone-sign-in'

export const phoneSignIn = router()

// POST /api/sign-in/phone: text a six-digit code to a distributor's number; the same 202 whether it is known or not.
const sendRoute = createRoute({
  method: 'post',
  path: '/sign-in/phone',
  operationId: 'sendPhoneSignInCode',
  description: `Sends a six-digit sign-in code by SMS to the distributor of the brand with this number, valid ${PHONE_CODE_MINUTES} minutes and five tries. Always 202, whether the number is known or not. At most one request a minute and five an hour per number and per address (429 with Retry-After past them).`,
  tags: ['sign-in'],
  ...publicAccess,
  request: { body: jsonBody(PhoneCodeRequest) },
  responses: {
    202: jsonContent(z.object({ expiresInSeconds: z.number().int() }), 'If the number is known, a code is on its way'),
    ...bodyErrorResponses,
    429: jsonContent(ErrorBody, 'Too many codes asked for this number or from this address (see Retry-After)'),
  },
})
phoneSignIn.openapi(sendRoute, async (c) => {
  const { brandId, phone } = c.req.valid('json')
  // Minute limits before hour limits: a refused retry within the minute does not use up the hour's five.
  await enforceLimit(c, RATE_LIMITS.phoneCodesPerAddressMinute)
  await enforceLimit(c, RATE_LIMITS.phoneCodesPerNumberMinute, `${brandId}:${phone}`)
  await enforceLimit(c, RATE_LIMITS.phoneCodesPerAddressHour)
  await enforceLimit(c, RATE_LIMITS.phoneCodesPerNumberHour, `${brandId}:${phone}`)
  await sendPhoneCode(brandId, phone)
  return c.json({ expiresInSeconds: PHONE_CODE_MINUTES * 60 }, 202)
})

// POST /api/sign-in/phone/verify: the code from the SMS signs the distributor in (session cookie, like a sign-in link).
const Verified = z.object({ distributor: Distributor, sessionToken: z.string() })
const verifyRoute = createRoute({
  method: 'post',
  path: '/sign-in/phone/verify',
  operationId: 'verifyPhoneSignInCode',
  description:
    'Checks the code sent by POST /api/sign-in/phone and signs the distributor in: the session cookie is set and the token returned. A wrong, used or expired code is a 401; the fifth wrong try burns the code. Wrong codes count against the address (429 past the limit).',
  tags: ['sign-in'],
  ...publicAccess,
  request: { body: jsonBody(PhoneCodeVerify) },
  responses: {
    200: jsonContent(Verified, 'Signed in; the session cookie is set'),
    ...bodyErrorResponses,
    401: jsonContent(ErrorBody, 'Wrong, used, expired or burnt code'),
    403: jsonContent(
      ErrorBody,
      'The distributor cannot sign in: `fields.status` is suspended, pending (awaiting approval) or left',
    ),
    429: jsonContent(ErrorBody, 'Too many wrong codes from this address (see Retry-After)'),
  },
})
phoneSignIn.openapi(verifyRoute, async (c) => {
  const { brandId, phone, code } = c.req.valid('json')
  const signedIn = await verifyPhoneCode(brandId, phone, code).catch((err) => countFailedCredential(c, err))
  setSessionCookie(c, signedIn.sessionToken)
  rememberBrand(c, brandId)
  return c.json(signedIn, 200)
})
