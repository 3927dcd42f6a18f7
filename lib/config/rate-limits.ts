/**
 * Every rate limit Ripple applies, in one place. Each is a fixed window counted in
 * the table (lib/db/rate-limits.ts), so every Lambda instance sees the same count;
 * the API Gateway stage throttle (cdk/config.ts `throttle`) stays the outer wall
 * for everything, limited here or not.
 *
 * Addresses are shared: Chinese mobile carriers put many phones behind one
 * carrier-grade NAT address, and a store's staff share its Wi-Fi. So limits on
 * credentials count failures only (a correct key, session, signature or sign-in
 * link is never slowed, and nobody can lock a brand out by failing on purpose),
 * and the limits that count every attempt are set well above what a crowd does.
 * A fixed window lets a burst of up to twice the limit straddle a boundary; the
 * figures below allow for that.
 */
export interface RateLimit {
  /** Short name in the counter's key: `RATE#<scope>#<subject>`. */
  scope: string
  /** Attempts allowed in one window; the next one is refused (or, for clicks, not counted). */
  limit: number
  windowSeconds: number
}

export const RATE_LIMITS = {
  /**
   * Wrong API keys, sessions and ADMIN_TOKEN (bearer or cookie) and wrong keys pasted into the console
   * sign-in, per address. Keys are 256 bits, so this is not what stops guessing: it turns a scan
   * into cheap 429s and a signal. A person retyping a key needs a handful of tries.
   */
  credentialFailuresPerAddress: { scope: 'cred', limit: 20, windowSeconds: 600 },
  /** Webhook deliveries whose signature fails, per address: a misconfigured sender fails every delivery anyway. */
  webhookFailuresPerAddress: { scope: 'hook', limit: 20, windowSeconds: 600 },
  /**
   * The same, per brand in the path, against a guesser spread over many addresses. Correct
   * signatures are never counted, so failing on purpose cannot stop a brand's real deliveries.
   */
  webhookFailuresPerBrand: { scope: 'hookbrand', limit: 60, windowSeconds: 600 },
  /** Sign-in links that match no token (192 bits), per address; a used or expired link is not a guess. */
  signInMissesPerAddress: { scope: 'signin', limit: 20, windowSeconds: 600 },
  /**
   * Invite pages opened (GET /m/join/:code), hits and misses alike, per address: the page names
   * the inviter, and a limit that let hits through once over it would be no limit. Generous, for
   * an invite shared in a WeChat group whose members sit behind one carrier address.
   */
  inviteLookupsPerAddress: { scope: 'invite', limit: 60, windowSeconds: 600 },
  /**
   * POST /api/join attempts per address, valid or not (a bad code is a guess too). A store's
   * staff joining together on its Wi-Fi fit; 100 accounts in two seconds do not.
   */
  joinsPerAddress: { scope: 'join', limit: 30, windowSeconds: 600 },
  /** Joins per invite code (counted once the invite is found valid), against a farm using many addresses. */
  joinsPerInvite: { scope: 'joininv', limit: 50, windowSeconds: 3600 },
  /**
   * Clicks on one share link from one address in a minute: past this they are still redirected
   * but not recorded, so a script dropping its visitor cookie cannot inflate a distributor's clicks.
   * One visitor is already counted once per 30 minutes (lib/db/clicks.ts); this caps distinct
   * visitors per address, and 10 a minute on one link is far above a group chat behind one NAT.
   */
  countedClicksPerAddressAndCode: { scope: 'click', limit: 10, windowSeconds: 60 },
  /**
   * Sign-in codes sent by SMS (POST /api/sign-in/phone), per number and per address, every request
   * counted, known number or not (so the answer says nothing about which numbers exist). Each SMS costs
   * the brand money and lands on someone's phone: one a minute (the page counts down 60 s) and five an
   * hour. A fixed window lets two sends straddle a minute's boundary; the hour's five still hold.
   */
  phoneCodesPerNumberMinute: { scope: 'smsnum', limit: 1, windowSeconds: 60 },
  phoneCodesPerNumberHour: { scope: 'smsnumh', limit: 5, windowSeconds: 3600 },
  phoneCodesPerAddressMinute: { scope: 'smsaddr', limit: 1, windowSeconds: 60 },
  phoneCodesPerAddressHour: { scope: 'smsaddrh', limit: 5, windowSeconds: 3600 },
} as const satisfies Record<string, RateLimit>
