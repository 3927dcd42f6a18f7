import { DISTRIBUTOR_TYPES, type DistributorType } from '../schemas/distributor'
import type { CsvRecord } from './csv-read'
import { normalisePhone } from './phone'

/** The columns of a staff file, by the name code uses. */
export type StaffField = 'name' | 'type' | 'externalId' | 'store' | 'recruiterExternalId' | 'phone'

/** Why a row (or the file) cannot be imported; `field` is `_` for the whole row or file. */
export type ImportErrorReason =
  | 'malformed_csv'
  | 'missing_column'
  | 'empty_file'
  | 'missing'
  | 'too_long'
  | 'unknown_type'
  | 'duplicate_external_id'
  | 'invalid_phone'
  | 'duplicate_phone'
  | 'recruiter_not_found'
  | 'recruiter_cycle'
  | 'recruiter_invalid'
  | 'write_failed'

/** What a message names, so a page can word the reason in its own language (`message` has both). */
export interface ImportErrorParams {
  /** The cell as written (an unknown type) or the row's own external id. */
  value?: string
  /** The recruiter's external id the row names. */
  recruiter?: string
  /** The external ids of a recruiter cycle, `a → b → a`. */
  cycle?: string
  /** The longest the cell may be. */
  max?: number
  /** The line that first used a duplicated external id. */
  firstLine?: number
  /** Words from elsewhere, in English: the CSV reader's or the write's. */
  detail?: string
}

export interface ImportError {
  line: number
  field: StaffField | '_'
  reason: ImportErrorReason
  message: string
  params?: ImportErrorParams
}

export interface StaffRow {
  line: number
  name: string
  type: DistributorType
  externalId: string
  store?: string
  recruiterExternalId?: string
  /** E.164 (a mainland number without +86 is read as one). */
  phone?: string
}

/** Header spellings accepted per column: Chinese as HR exports them, or English. Compared without case, spaces, `_` or `-`. */
const HEADERS: Record<StaffField, readonly string[]> = {
  name: ['姓名', '名字', 'name'],
  type: ['类型', '身份', 'type'],
  externalId: ['工号', '员工工号', '编号', 'externalid', 'employeeid', 'staffid'],
  store: ['门店', '部门', '门店/部门', '门店或部门', '所属门店', 'store', 'department', 'storeordepartment'],
  recruiterExternalId: ['推荐人工号', '推荐人', '上级工号', 'recruiterexternalid', 'recruiterid', 'recruiter'],
  phone: ['手机', '手机号', '手机号码', '电话', 'phone', 'mobile', 'phonenumber'],
}
const REQUIRED: readonly StaffField[] = ['name', 'type', 'externalId']

/** Type words in the file → the type code (the codes themselves are accepted too). */
const TYPE_WORDS: Record<string, DistributorType> = {
  员工: 'employee',
  导购: 'guide',
  线上客户代表: 'online_rep',
  线下客户代表: 'offline_rep',
  会员: 'member',
  koc: 'member',
  '会员/koc': 'member',
  异业合作: 'partner',
  异业合作伙伴: 'partner',
  媒体: 'media',
  外部媒体: 'media',
  分销商: 'media',
}

const LIMITS: Partial<Record<StaffField, number>> = { name: 80, externalId: 128, store: 64, recruiterExternalId: 128 }
const LABELS: Record<StaffField, string> = {
  name: '姓名 name',
  type: '类型 type',
  externalId: '工号 external id',
  store: '门店/部门 store',
  recruiterExternalId: '推荐人工号 recruiter external id',
  phone: '手机号 phone',
}

const normalise = (header: string): string =>
  header
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '')

/** The type code a cell names, or undefined. */
export function typeFromCell(cell: string): DistributorType | undefined {
  const word = normalise(cell)
  if ((DISTRIBUTOR_TYPES as readonly string[]).includes(word)) return word as DistributorType
  const code = cell
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_')
  if ((DISTRIBUTOR_TYPES as readonly string[]).includes(code)) return code as DistributorType
  return TYPE_WORDS[word]
}

/**
 * Reads the header and every data row of a staff file into rows and errors.
 * Checks each row on its own (required fields, lengths, type) and external ids
 * across the file (the second use of one is an error naming the first line).
 * Recruiters are checked by `planImport`, which also knows the brand.
 */
export function readStaffRows(records: readonly CsvRecord[]): {
  rows: StaffRow[]
  errors: ImportError[]
  refusedIds: Set<string>
} {
  const [header, ...data] = records
  const refusedIds = new Set<string>()
  if (!header)
    return {
      rows: [],
      refusedIds,
      errors: [{ line: 1, field: '_', reason: 'empty_file', message: '文件是空的。The file is empty.' }],
    }
  const columns = new Map<StaffField, number>()
  header.cells.forEach((cell, i) => {
    const n = normalise(cell)
    const field = (Object.keys(HEADERS) as StaffField[]).find((f) => HEADERS[f].some((h) => normalise(h) === n))
    if (field && !columns.has(field)) columns.set(field, i)
  })
  const missing = REQUIRED.filter((f) => !columns.has(f))
  if (missing.length > 0) {
    return {
      rows: [],
      refusedIds,
      errors: missing.map((f) => ({
        line: header.line,
        field: f,
        reason: 'missing_column' as const,
        message: `缺少列「${LABELS[f]}」。The header has no ${LABELS[f]} column.`,
      })),
    }
  }
  const rows: StaffRow[] = []
  const errors: ImportError[] = []
  const firstLineOf = new Map<string, number>()
  const firstLineOfPhone = new Map<string, number>()
  for (const record of data) {
    const cell = (f: StaffField) => {
      const i = columns.get(f)
      return i === undefined ? '' : (record.cells[i] ?? '').trim()
    }
    const rowErrors: ImportError[] = []
    const fail = (field: StaffField, reason: ImportErrorReason, message: string, params?: ImportErrorParams) =>
      rowErrors.push({ line: record.line, field, reason, message, ...(params ? { params } : {}) })
    for (const f of REQUIRED) if (!cell(f)) fail(f, 'missing', `${LABELS[f]} 为空。${LABELS[f]} is empty.`)
    for (const [f, max] of Object.entries(LIMITS) as Array<[StaffField, number]>) {
      if (cell(f).length > max)
        fail(f, 'too_long', `${LABELS[f]} 超过 ${max} 个字符。${LABELS[f]} is over ${max} characters.`, { max })
    }
    const type = cell('type') ? typeFromCell(cell('type')) : undefined
    if (cell('type') && !type)
      fail(
        'type',
        'unknown_type',
        `未知类型「${cell('type')}」，可用：员工、导购、线上客户代表、线下客户代表、会员、异业合作、媒体。Unknown type "${cell('type')}".`,
        { value: cell('type') },
      )
    const externalId = cell('externalId')
    if (externalId) {
      const first = firstLineOf.get(externalId)
      if (first !== undefined)
        fail(
          'externalId',
          'duplicate_external_id',
          `工号 ${externalId} 与第 ${first} 行重复。External id ${externalId} is already on line ${first}.`,
          { value: externalId, firstLine: first },
        )
      else firstLineOf.set(externalId, record.line)
    }
    const phoneCell = cell('phone')
    const phone = phoneCell ? normalisePhone(phoneCell) : undefined
    if (phoneCell && !phone)
      fail('phone', 'invalid_phone', `手机号「${phoneCell}」无效。"${phoneCell}" is not a phone number.`, {
        value: phoneCell,
      })
    if (phone) {
      const first = firstLineOfPhone.get(phone)
      if (first !== undefined)
        fail('phone', 'duplicate_phone', `手机号与第 ${first} 行重复。The phone number is already on line ${first}.`, {
          value: phoneCell,
          firstLine: first,
        })
      else firstLineOfPhone.set(phone, record.line)
    }
    if (rowErrors.length > 0 || !type) {
      errors.push(...rowErrors)
      if (externalId && firstLineOf.get(externalId) === record.line) refusedIds.add(externalId)
      continue
    }
    rows.push({
      line: record.line,
      name: cell('name'),
      type,
      externalId,
      store: cell('store') || undefined,
      recruiterExternalId: cell('recruiterExternalId') || undefined,
      phone,
    })
  }
  // A refused row's recruits are refused too, unless its id is the valid first use of a duplicate.
  return { rows, errors, refusedIds }
}

/** A row ready to write: `level` 0 has its recruiter outside the file (or none); level n+1 is recruited by a level-n row. */
export interface PlannedRow extends StaffRow {
  level: number
}

/**
 * Orders the valid rows recruiters-first (by level, then by line) so every
 * recruiter exists before its recruits, and refuses rows whose recruiter is
 * neither in the file nor among `brandExternalIds`, rows in a recruiter cycle,
 * and rows below an invalid row. `invalidExternalIds` are ids of rows that
 * `readStaffRows` already refused (a recruit of one is refused too).
 */
export function planImport(
  rows: readonly StaffRow[],
  brandExternalIds: ReadonlySet<string>,
  invalidExternalIds: ReadonlySet<string> = new Set(),
): { plan: PlannedRow[]; errors: ImportError[] } {
  const byId = new Map(rows.map((r) => [r.externalId, r]))
  // level: a number when placed, 'bad' when the row or one above it is refused.
  const level = new Map<string, number | 'bad'>()
  const errors: ImportError[] = []
  const refuse = (r: StaffRow, reason: ImportErrorReason, message: string, params: ImportErrorParams) => {
    level.set(r.externalId, 'bad')
    errors.push({ line: r.line, field: 'recruiterExternalId', reason, message, params })
  }
  for (const start of rows) {
    // Walk up the recruiter chain (each row has at most one recruiter) until a settled row, a root or a repeat.
    const path: StaffRow[] = []
    const onPath = new Set<string>()
    let at: StaffRow | undefined = start
    let base: number | 'bad' | undefined
    let cycleFrom: string | undefined
    while (at) {
      const known = level.get(at.externalId)
      if (known !== undefined) {
        base = known
        break
      }
      if (onPath.has(at.externalId)) {
        cycleFrom = at.externalId
        break
      }
      path.push(at)
      onPath.add(at.externalId)
      const rid = at.recruiterExternalId
      if (!rid) {
        base = -1
        break
      }
      const up = byId.get(rid)
      if (up) {
        at = up
        continue
      }
      if (invalidExternalIds.has(rid)) {
        refuse(
          path.pop()!,
          'recruiter_invalid',
          `推荐人 ${rid} 所在的行有错误。The recruiter ${rid}'s own row has errors.`,
          { recruiter: rid },
        )
      } else if (brandExternalIds.has(rid)) {
        base = -1
        break
      } else {
        refuse(
          path.pop()!,
          'recruiter_not_found',
          `推荐人工号 ${rid} 不在文件中，也不是本品牌的分销员。Recruiter ${rid} is neither in the file nor in the brand.`,
          { recruiter: rid },
        )
      }
      base = 'bad'
      break
    }
    if (cycleFrom !== undefined) {
      const loopStart = path.findIndex((r) => r.externalId === cycleFrom)
      const loop = path.splice(loopStart)
      const ids = loop.map((r) => r.externalId).join(' → ')
      for (const r of loop)
        refuse(
          r,
          'recruiter_cycle',
          `推荐关系成环：${ids} → ${cycleFrom}。The recruiters form a cycle: ${ids} → ${cycleFrom}.`,
          { cycle: `${ids} → ${cycleFrom}` },
        )
      base = 'bad'
    }
    // Settle the path from the top down.
    for (let i = path.length - 1; i >= 0; i--) {
      const r = path[i]!
      if (base === 'bad' || base === undefined) {
        refuse(
          r,
          'recruiter_invalid',
          `推荐人 ${r.recruiterExternalId} 所在的行有错误。The recruiter ${r.recruiterExternalId}'s own row has errors.`,
          { recruiter: r.recruiterExternalId },
        )
        base = 'bad'
      } else {
        base = base + 1
        level.set(r.externalId, base)
      }
    }
  }
  const plan = rows
    .filter((r) => typeof level.get(r.externalId) === 'number')
    .map((r) => ({ ...r, level: level.get(r.externalId) as number }))
    .sort((a, b) => a.level - b.level || a.line - b.line)
  return { plan, errors: errors.sort((a, b) => a.line - b.line) }
}

/** Recruiter ids the rows name that are not rows of the file: the ones to look up in the brand. */
export const recruitersOutsideFile = (rows: readonly StaffRow[], invalidExternalIds: ReadonlySet<string>): string[] => {
  const inFile = new Set(rows.map((r) => r.externalId))
  return [
    ...new Set(
      rows
        .map((r) => r.recruiterExternalId)
        .filter((id): id is string => !!id && !inFile.has(id) && !invalidExternalIds.has(id)),
    ),
  ]
}
