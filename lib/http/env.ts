/** Who is calling, decided once per request from its credential (never from the body or path). */
export type Caller =
  | { kind: 'platform' }
  | { kind: 'brand'; brandId: string; role: 'admin' | 'finance' }
  | { kind: 'distributor'; brandId: string; distributorId: string }
  | { kind: 'anonymous' }

export type Role = 'platform' | 'admin' | 'finance' | 'distributor'

/** Hono environment shared by every Ripple app. */
export interface AppEnv {
  Variables: { caller: Caller }
}
