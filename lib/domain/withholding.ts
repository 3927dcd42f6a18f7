/**
 * Individual income tax withheld on labour remuneration (劳务报酬) paid to people outside the brand's
 * staff, per payee per calendar month, on the month's running total (docs/architecture.md, tax-aware
 * settlement). Pure integer arithmetic in fen; each schedule is one function so a compliance profile can
 * swap it.
 *
 * The mainland schedule (预扣预缴, labour remuneration):
 * - income ≤ ¥800: nothing;
 * - income ≤ ¥4,000: (income − ¥800) × 20 %;
 * - above: taxable = income × 80 %, taxed at 20 % up to ¥20,000, 30 % less ¥2,000 up to ¥50,000,
 *   40 % less ¥7,000 above.
 * The tax is computed exactly as a fraction of a fen and rounded once, half up, to the fen. The schedule is
 * continuous and non-decreasing in income, so withholding the difference of the running total never goes
 * negative and several batches in a month withhold what one batch would.
 */

/** One bracket of a schedule on taxable income: `rateBps` on taxable income up to `upTo` fen, less `deduction` fen. */
interface Bracket {
  upTo: number
  rateBps: number
  deduction: number
}

const YUAN = 100
const THRESHOLD = 800 * YUAN
const FLAT_DEDUCTION_UP_TO = 4_000 * YUAN
/** Above ¥4,000 a fifth of the income is deducted as expenses: taxable = income × 4 / 5. */
const TAXABLE_NUM = 4
const TAXABLE_DEN = 5

const BRACKETS: readonly Bracket[] = [
  { upTo: 20_000 * YUAN, rateBps: 2_000, deduction: 0 },
  { upTo: 50_000 * YUAN, rateBps: 3_000, deduction: 2_000 * YUAN },
  { upTo: Number.POSITIVE_INFINITY, rateBps: 4_000, deduction: 7_000 * YUAN },
]

/** a / b rounded half up, for a ≥ 0 and b > 0, exactly in BigInt (a product of money and basis points can pass 2^53). */
function divideHalfUp(a: bigint, b: bigint): bigint {
  return (2n * a + b) / (2n * b)
}

/**
 * Tax in fen on one month's labour remuneration `income` (fen, ≥ 0) under the mainland schedule.
 * @example labourRemunerationTax(400_000) === 64_000 // ¥4,000 → (4,000 − 800) × 20 % = ¥640
 */
export function labourRemunerationTax(income: number): number {
  if (!Number.isSafeInteger(income) || income < 0) throw new RangeError(`income must be whole fen ≥ 0, got ${income}`)
  if (income <= THRESHOLD) return 0
  if (income <= FLAT_DEDUCTION_UP_TO) return Number(divideHalfUp(BigInt(income - THRESHOLD) * 2_000n, 10_000n))
  // Compare taxable income (income × 4/5) with the bracket's limit without dividing: income × 4 ≤ upTo × 5.
  const bracket = BRACKETS.find((b) => income * TAXABLE_NUM <= b.upTo * TAXABLE_DEN) ?? BRACKETS[BRACKETS.length - 1]!
  const exact = BigInt(income) * BigInt(TAXABLE_NUM) * BigInt(bracket.rateBps)
  const deduction = BigInt(bracket.deduction) * BigInt(TAXABLE_DEN) * 10_000n
  return Number(divideHalfUp(exact - deduction, BigInt(TAXABLE_DEN) * 10_000n))
}

/** A schedule: the tax on a month's total income, in fen. */
export type TaxSchedule = (monthIncome: number) => number

/** Schedules by compliance profile: `none` withholds nothing. */
export const TAX_SCHEDULES: Readonly<Record<'cn' | 'none', TaxSchedule>> = {
  cn: labourRemunerationTax,
  none: () => 0,
}

/**
 * What one batch withholds from a payee: the tax on the month's running total after this batch, less what
 * earlier batches of the month already withheld.
 * @example withholdingFor(300_000, 300_000, 44_000, labourRemunerationTax) // ¥3,000 then ¥3,000 more
 */
export function withholdingFor(
  earlierIncome: number,
  batchIncome: number,
  earlierWithheld: number,
  schedule: TaxSchedule,
): { tax: number; net: number } {
  const owed = schedule(earlierIncome + batchIncome) - earlierWithheld
  // A negative batch (refunds netted below zero) or an over-withheld month withholds nothing now; never a refund.
  const tax = Math.min(Math.max(owed, 0), Math.max(batchIncome, 0))
  return { tax, net: batchIncome - tax }
}
