/**
 * English message templates by code. `{name}` is a parameter; `{name:kind}` names a value kind
 * (number, string, …) worded through `KINDS`. The Chinese dictionary (zh.ts) has the same keys and
 * placeholders (tests/unit/i18n/messages.test.ts). API errors and pages both word messages from here.
 */
export const en = {
  // One per error code: the message when nothing more specific is known.
  'error.bad_request': 'Bad request.',
  'error.invalid_json': 'Malformed JSON in request body.',
  'error.unauthorized': 'Sign in again.',
  'error.forbidden': 'Not allowed.',
  'error.not_found': 'Not found.',
  'error.conflict': 'This conflicts with a change made meanwhile; reload and retry.',
  'error.gone': 'This is gone.',
  'error.payload_too_large': 'The request is too large.',
  'error.unsupported_media_type': 'Send the body as JSON with `Content-Type: application/json`.',
  'error.invalid_input': 'The request has invalid fields.',
  'error.rate_limited': 'Too many attempts from here; try again in {seconds} seconds.',
  'error.internal': 'Something went wrong on our side; it has been logged.',
  'error.unavailable': 'The service is briefly unavailable; try again shortly.',

  // Validation, from zod issues (lib/errors.ts fieldIssuesFromZod).
  'field.required': 'Required.',
  'field.unknown': 'Unknown field.',
  'field.invalid': 'Invalid value.',
  'field.invalid_type': 'Expected {expected:kind}.',
  'field.invalid_value': 'Must be one of: {values}.',
  'field.invalid_format': 'Invalid format.',
  'field.not_multiple_of': 'Must be a multiple of {divisor}.',
  'number.too_big': 'At most {maximum}.',
  'number.too_small': 'At least {minimum}.',
  'string.too_big': 'At most {maximum} characters.',
  'string.too_small': 'At least {minimum} characters.',
  'array.too_big': 'At most {maximum} items.',
  'array.too_small': 'At least {minimum} items.',
  'format.datetime': 'Use an ISO time with an offset, such as 2026-12-04T21:39:00+08:00.',
  'format.email': 'Not an email address.',
  'format.url': 'Not a URL.',
  'format.id': 'Must be 1-64 letters, digits, "_" or "-".',
  'format.request_id': 'Must be 8-64 letters, digits, "_" or "-".',
  'format.sku': 'Must be 1-64 letters, digits, ".", "_" or "-".',
  'format.day': 'Use a date such as 2026-11-25.',
  'format.day_or_time': 'Use YYYY-MM-DD or an ISO UTC time.',
  'format.period': 'Use YYYY-MM, e.g. 2026-10.',
  'format.invite_code': 'Not an invite code.',
  'format.currency': 'Must be an ISO 4217 code such as CNY.',
  'format.hostname': 'Must be a hostname such as shop.example.com, with an optional port (shop.example.com:8443).',
  'format.money': 'Must be a non-negative amount such as 1999 (minor units) or "19.99".',
  'format.tag': 'Must be 1-64 letters, digits, ".", "_", ":" or "-".',
  'format.order_id': 'Must be 1-100 letters, digits, ".", "_", ":" or "-".',
  'name.required': 'Name is required.',
  'date.not_calendar_day': 'Not a calendar date.',
  'date.from_after_to': 'from must not be after to.',
  'date.range_too_long': 'A report covers at most {days} days.',
  'date.list_too_long': 'At most {days} days before to.',
  'date.paid_at_range': 'Must be between 2000-01-01 and one day from now.',
  'date.ends_before_starts': 'Must be after startsAt.',

  // Money and rates.
  'money.at_most': 'At most {maximum} minor units.',
  'money.not_amount': "Not an amount in {currency}: use minor units or at most the currency's decimals.",
  'money.not_positive': 'Must be more than zero.',
  'money.wrong_currency': 'This brand settles in {currency}.',
  'bps.too_big': 'At most {maximum} bps (100%).',
  'bps.too_small': 'Must not be negative.',

  // Orders and refunds.
  'order.no_lines': 'An order needs at least one line.',
  'order.discount_over_line': 'The discount is larger than the line.',
  'order.sku_repeated': 'Each SKU appears once per order; add the quantities.',
  'order.line_over_max': 'unitPrice × qty is over {maximum}.',
  'order.total_over_max': "The order's total is over {maximum} minor units.",
  'order.too_many_entries':
    'This order would need {entries} commission entries; split rules so an order uses at most {maximum}.',
  'order.id_reused': 'Already used for a different order.',
  'refund.sku_not_in_order': '{sku} is not in this order.',
  'refund.qty_left': 'Only {left} of {sku} are left to refund.',
  'refund.over_paid': 'That refunds more than was paid for the order.',
  'refund.id_reused': 'Already used.',

  // Programme, rules, products and campaigns.
  'programme.domains_required': 'List at least one domain share links may point to.',
  'rule.default_has_no_target': 'A default rule has no target.',
  'rule.needs_target': 'A {scope:scope} rule needs a target.',
  'rule.no_campaign': 'No campaign with this id; create it first under /console/products.',
  'campaign.id_taken': 'Already used by another campaign.',
  'campaign.id_mismatch': 'Must match the id in the path, or be left out.',
  'link.no_product': 'No active product {sku}.',
  'link.product_domain': 'The product URL is not on an allowed domain.',
  'link.domain_not_allowed': 'Links may only point to {domains}.',

  // Distributors, joins and hand-overs.
  'distributor.no_changes': 'Give at least one field to change.',
  'distributor.not_in_brand': 'No such distributor in this brand.',
  'distributor.ring_from_one': 'Rings start at 1.',
  'distributor.cycle': "{parent} is in {child}'s own team; that would make a cycle.",
  'distributor.external_id_taken': 'Already used by {id}.',
  'distributor.left_status': 'A distributor who left cannot change status; add them again as a new distributor.',
  'distributor.created_left':
    'A distributor cannot be created as left: staff leave only through POST /api/distributors/{id}/leave (the hand-over). Create them as pending, active or suspended.',
  'distributor.cannot_set_left': 'Status left cannot be set here: staff leave through the hand-over.',
  'distributor.team_too_big':
    'The team below is over {maximum} people, more than one change can move at once; move its sub-teams first.',
  'join.invite_invalid': 'This invite code is not valid.',
  'join.invite_inactive': 'This invite is no longer active.',
  'handover.not_staff':
    "Only the brand's own staff (employees, guides, customer reps) leave with a hand-over; suspend other distributors instead.",
  'handover.same_person': 'The successor must be someone else.',
  'handover.successor_inactive': 'The successor must be active (they are {status:status}).',
  'handover.successor_in_team': "{successor} is in {leaver}'s own team; pick someone outside it.",
  'handover.already_done': 'Already handed over to {successor}.',

  // Settlements.
  'settlement.period_not_ended': 'Close a period after it ends.',
  'settlement.still_closing': 'The batch is still closing; try again once it is closed.',
  'settlement.reference_required': 'Enter the payment reference.',

  // Keys, cursors and imports.
  'key.too_many': 'At most {maximum} active keys.',
  'key.already_rotated': 'Already rotated or revoked.',
  'key.last_admin': 'The last active admin key cannot be revoked.',
  'cursor.invalid': 'Invalid cursor.',
  'import.bad_token': 'Not a continuation token this API returned.',
  'import.other_file':
    'This continuation token belongs to a different file; send the same file again, or start without `next`.',
} as const

export type MessageCode = keyof typeof en

/** Value kinds named in messages (`{expected:kind}`). */
export const enKinds: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  date: 'a date',
  bigint: 'a whole number',
  undefined: 'nothing',
  null: 'null',
}

/** Distributor statuses named in messages (`{status:status}`). */
export const enStatuses: Record<string, string> = {
  pending: 'pending',
  active: 'active',
  suspended: 'suspended',
  left: 'left',
}

/** Rule scopes named in messages (`{scope:scope}`). */
export const enScopes: Record<string, string> = {
  default: 'default',
  product: 'product',
  category: 'category',
  campaign: 'campaign',
}
