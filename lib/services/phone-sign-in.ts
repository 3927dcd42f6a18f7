import { randomInt } from 'node:crypto'
import { hmac, safeEqual, signingSecret } from '../auth/secrets'
import { getBrand } from '../db/brands'
import { getDistributor } from '../db/distributors'
import { getPhoneHolder } from '../db/phones'
import { putPhoneCode, tryPhoneCode, usePhoneCode } from '../db/phone-codes'
import { AppError } from '../errors'
import type { Distributor } from '../schemas/distributor'
import { smsSender, type SmsSender } from '../sms/sender'
import { sessionFor } from './sign-in-links'

export const PHONE_CODE_MINUTES = 10
export const PHONE_CODE_TRIES = 5

/** A code as stored: its HMAC under the signing secret, bound to the brand and number. */
const codeHashOf = (brandId: string, phone: string, code: string) =>
  hmac(signingSecret(), `phone-code:${brandId}:${phone}:${code}`)

/** The one answer to any wrong, used, expired or burnt code: nothing to tell a guesser apart. */
const wrongCode = (message = 'The code is wrong or no longer valid; ask for a new one.') =>
  new AppError({ code: 'unauthorized', message, fields: { code: message } })

/**
 * Sends a six-digit sign-in code to a number that belongs to a distributor of the
 * brand, whatever their status (one who cannot sign in learns why only after proving
 * the phone is theirs: `verifyPhoneCode`). An unknown number or brand sends nothing; the
 * caller answers the same either way. Returns whether a message went out.
 */
export async function sendPhoneCode(
  brandId: string,
  phone: string,
  sender: SmsSender = smsSender(),
  now = new Date(),
): Promise<{ sent: boolean }> {
  const holder = await getPhoneHolder(brandId, phone)
  if (!holder) return { sent: false }
  const [brand, d] = await Promise.all([getBrand(brandId), getDistributor(holder)])
  if (!brand || !d || d.brandId !== brandId || d.phone !== phone) return { sent: false }
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
  const expiresAt = new Date(now.getTime() + PHONE_CODE_MINUTES * 60_000).toISOString()
  await putPhoneCode(brandId, phone, { codeHash: codeHashOf(brandId, phone, code), distributorId: d.id, expiresAt })
  await sender.send({
    to: phone,
    text: `【${brand.name}】登录验证码 ${code}，${PHONE_CODE_MINUTES} 分钟内有效，请勿告诉他人。Sign-in code ${code}, valid ${PHONE_CODE_MINUTES} minutes.`,
  })
  return { sent: true }
}

/**
 * Checks a code: each check spends one of its five tries first, so a sixth guess fails
 * even if right; the right code is then used up. Wrong, spent, expired or unknown: 401.
 * A distributor who is not active (suspended, awaiting approval, or left) is a 403 whose
 * `fields.status` names their status, so the page can say which; else a 30-day session.
 */
export async function verifyPhoneCode(
  brandId: string,
  phone: string,
  code: string,
  now = new Date(),
): Promise<{ distributor: Distributor; sessionToken: string }> {
  const attempt = await tryPhoneCode(brandId, phone, PHONE_CODE_TRIES, now)
  if (!attempt.ok) throw wrongCode()
  const hash = codeHashOf(brandId, phone, code)
  if (!safeEqual(hash, attempt.code.codeHash)) {
    const left = PHONE_CODE_TRIES - attempt.code.tries
    throw wrongCode(
      left > 0
        ? `Wrong code; ${left} ${left === 1 ? 'try' : 'tries'} left.`
        : 'Wrong code, and that was the last try; ask for a new one.',
    )
  }
  if (!(await usePhoneCode(brandId, phone, hash, now))) throw wrongCode()
  const d = await getDistributor(attempt.code.distributorId)
  // The number moved to someone else (or was removed) after the code went out: the code no longer signs anyone in.
  if (!d || d.brandId !== brandId || d.phone !== phone) throw wrongCode()
  if (d.status !== 'active')
    throw new AppError({
      code: 'forbidden',
      message:
        d.status === 'left'
          ? 'This distributor has left the brand and can no longer sign in.'
          : `This distributor account is ${d.status === 'pending' ? 'awaiting approval' : 'suspended'}; it cannot sign in.`,
      fields: { status: d.status },
    })
  return { distributor: d, sessionToken: sessionFor(brandId, d.id) }
}
