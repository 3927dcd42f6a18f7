import type { Handover } from '../../lib/schemas/handover'
import type { ImportError } from '../../lib/schemas/staff-import'
import type { Lang } from './lang'

/** One problem of an import as the API reports it (`params` is absent from older answers). */
type ImportProblem = Omit<ImportError, 'line'>

/**
 * The text of the staff pages (import, a staff member leaving, the hand-over on the
 * distributor page) and of their scripts, in Chinese (the default) and English.
 * An import problem's reason comes from the API as a code; it is worded here.
 */
const zh = {
  // Import
  importTitle: '导入员工',
  importHeading: '导入员工和导购',
  fileFormat: 'CSV 文件（UTF-8 或 Excel 另存的 GBK），列：',
  columns: [
    { name: '姓名' },
    { name: '类型', note: '（员工、导购、线上客户代表、线下客户代表、会员、异业合作、媒体）' },
    { name: '工号' },
    { name: '门店/部门' },
    { name: '推荐人工号', note: '（可选）' },
  ] as Array<{ name: string; note?: string }>,
  columnSeparator: '、',
  matchedByExternalId: '。按工号去重：重复导入只更新，不会重复创建。',
  template: '下载模板',
  templateFile: '员工导入模板.csv',
  /** Example rows of the template: a store manager, a guide she recruited, an online rep. */
  templateRows: [
    ['张店长', '员工', 'E001', '徐汇店', ''],
    ['李导购', '导购', 'E002', '徐汇店', 'E001'],
    ['王客服', '线上客户代表', 'E003', '电商部', ''],
  ] as string[][],
  chooseFile: '选择文件',
  check: '检查',
  import: '导入',
  checkTitle: '检查结果',
  created: '新建',
  updated: '更新',
  unchanged: '未变',
  failedCount: '失败',
  problemsTitle: '有问题的行',
  line: '行号',
  field: '字段',
  reason: '原因',
  details: '说明',
  checking: '检查中…',
  summary: (rows: number, valid: number, create: number, update: number, problems: number, encoding: string) =>
    `共 ${rows} 行，可导入 ${valid} 行（新建 ${create}，已存在 ${update}），有问题 ${problems} 处。编码 ${encoding}。`,
  fixRows: '请修正有问题的行，或只导入可导入的行。',
  allReady: '检查通过，所有行都可导入。',
  checkFailed: (why: string) => `检查失败：${why}`,
  importing: '导入中…',
  importFinished: '导入完成。',
  importStopped: (why: string) => `导入中断，可重新导入（按工号不会重复创建）：${why}`,
  fields: {
    name: '姓名',
    type: '类型',
    externalId: '工号',
    store: '门店/部门',
    recruiterExternalId: '推荐人工号',
    phone: '手机号',
    _: '整行',
  } as Record<ImportError['field'], string>,
  reasons: {
    malformed_csv: 'CSV 格式错误',
    missing_column: '缺少列',
    empty_file: '空文件',
    missing: '必填项为空',
    too_long: '内容过长',
    unknown_type: '未知类型',
    duplicate_external_id: '工号重复',
    invalid_phone: '手机号无效',
    duplicate_phone: '手机号重复',
    recruiter_not_found: '推荐人不存在',
    recruiter_cycle: '推荐关系成环',
    recruiter_invalid: '推荐人所在行有错误',
    write_failed: '写入失败',
  } as Record<ImportError['reason'], string>,
  /** The problem in a sentence, from its reason and what it names. */
  detail: (e: ImportProblem, column: string): string => {
    const p = e.params ?? {}
    switch (e.reason) {
      case 'malformed_csv':
        return `CSV 格式错误：${p.detail ?? ''}`
      case 'missing_column':
        return `缺少列「${column}」。`
      case 'empty_file':
        return '文件是空的。'
      case 'missing':
        return `${column} 为空。`
      case 'too_long':
        return `${column} 超过 ${p.max} 个字符。`
      case 'unknown_type':
        return `未知类型「${p.value}」，可用：员工、导购、线上客户代表、线下客户代表、会员、异业合作、媒体。`
      case 'duplicate_external_id':
        return `工号 ${p.value} 与第 ${p.firstLine} 行重复。`
      case 'invalid_phone':
        return `手机号「${p.value}」无效，请填 11 位手机号或 +国家码的号码。`
      case 'duplicate_phone':
        return `手机号与第 ${p.firstLine} 行重复。`
      case 'recruiter_not_found':
        return `推荐人工号 ${p.recruiter} 不在文件中，也不是本品牌的分销员。`
      case 'recruiter_cycle':
        return `推荐关系成环：${p.cycle}。`
      case 'recruiter_invalid':
        return `推荐人 ${p.recruiter} 所在的行有错误。`
      case 'write_failed':
        if (p.recruiter) return `推荐人 ${p.recruiter} 未能导入。`
        if (p.value) return `工号 ${p.value} 正被同时创建，请重新导入。`
        return p.detail ?? e.message
    }
  },
  // Leaving and the hand-over
  staffLeft: '员工离职',
  externalIdLabel: '工号',
  statusLabel: '状态',
  leaveIntro: '离职后其绑定的客户和直属下级（连同各自团队）转给接任者；今后的订单计入接任者，历史佣金不变。',
  handover: '交接',
  successorQuery: '接任者工号或 ID',
  find: '查找',
  confirmLeave: '确认离职并交接',
  noSuchPerson: '找不到这个人。',
  successorFound: (name: string, store: string, status: string) => `${name}（${store}，${status}）`,
  handingOver: '交接中…',
  noSuchDistributor: '没有这个分销员。',
  allDistributors: '← 全部分销员',
  recordLeaving: '办理离职并交接客户和下级',
  successor: '接任者',
  customersMoved: '转移客户',
  recruitsMoved: '转移下级',
  started: '开始',
  handoverStatuses: { in_progress: '交接中', blocked: '部分下级未能转移', done: '已完成' } as Record<
    Handover['status'],
    string
  >,
}

export type StaffText = typeof zh

const en: StaffText = {
  importTitle: 'Import staff',
  importHeading: 'Import employees and guides',
  fileFormat: 'A CSV file (UTF-8, or GBK as Excel saves it) with the columns ',
  columns: [
    { name: 'name' },
    {
      name: 'type',
      note: ' (employee, guide, online_rep, offline_rep, member, partner, media, or their Chinese names)',
    },
    { name: 'external_id' },
    { name: 'store' },
    { name: 'recruiter_external_id', note: ' (optional)' },
  ],
  columnSeparator: ', ',
  matchedByExternalId: '. Rows are matched by external id, so importing again updates instead of duplicating.',
  template: 'Download a template',
  templateFile: 'staff-import-template.csv',
  templateRows: [
    ['Zhang Wei', 'employee', 'E001', 'Xuhui store', ''],
    ['Li Na', 'guide', 'E002', 'Xuhui store', 'E001'],
    ['Wang Fang', 'online_rep', 'E003', 'E-commerce', ''],
  ],
  chooseFile: 'Choose a file',
  check: 'Check',
  import: 'Import',
  checkTitle: 'Check',
  created: 'Created',
  updated: 'Updated',
  unchanged: 'Unchanged',
  failedCount: 'Failed',
  problemsTitle: 'Rows with problems',
  line: 'Line',
  field: 'Field',
  reason: 'Reason',
  details: 'Details',
  checking: 'Checking…',
  summary: (rows, valid, create, update, problems, encoding) =>
    `${rows} rows, ${valid} ready to import (${create} new, ${update} existing), ${problems} problems. Encoding ${encoding}.`,
  fixRows: 'Fix the rows below, or import the ready ones.',
  allReady: 'All rows are ready.',
  checkFailed: (why) => `Check failed: ${why}`,
  importing: 'Importing…',
  importFinished: 'Import finished.',
  importStopped: (why) => `Import stopped; run it again (nothing is created twice): ${why}`,
  fields: {
    name: 'Name',
    type: 'Type',
    externalId: 'External id',
    store: 'Store',
    recruiterExternalId: 'Recruiter external id',
    phone: 'Phone',
    _: 'Whole row',
  },
  reasons: {
    malformed_csv: 'Malformed CSV',
    missing_column: 'Missing column',
    empty_file: 'Empty file',
    missing: 'Required value missing',
    too_long: 'Too long',
    unknown_type: 'Unknown type',
    duplicate_external_id: 'Duplicate external id',
    invalid_phone: 'Invalid phone number',
    duplicate_phone: 'Duplicate phone number',
    recruiter_not_found: 'Recruiter not found',
    recruiter_cycle: 'Recruiter cycle',
    recruiter_invalid: "Recruiter's row has errors",
    write_failed: 'Could not write',
  },
  detail: (e, column) => {
    const p = e.params ?? {}
    switch (e.reason) {
      case 'malformed_csv':
        return `Malformed CSV: ${p.detail ?? ''}`
      case 'missing_column':
        return `The header has no ${column} column.`
      case 'empty_file':
        return 'The file is empty.'
      case 'missing':
        return `${column} is empty.`
      case 'too_long':
        return `${column} is over ${p.max} characters.`
      case 'unknown_type':
        return `Unknown type "${p.value}"; use employee, guide, online_rep, offline_rep, member, partner or media.`
      case 'duplicate_external_id':
        return `External id ${p.value} is already on line ${p.firstLine}.`
      case 'invalid_phone':
        return `"${p.value}" is not a phone number: give 11 mainland digits or +country and number.`
      case 'duplicate_phone':
        return `The phone number is already on line ${p.firstLine}.`
      case 'recruiter_not_found':
        return `Recruiter ${p.recruiter} is neither in the file nor in the brand.`
      case 'recruiter_cycle':
        return `The recruiters form a cycle: ${p.cycle}.`
      case 'recruiter_invalid':
        return `The recruiter ${p.recruiter}'s own row has errors.`
      case 'write_failed':
        if (p.recruiter) return `The recruiter ${p.recruiter} was not imported.`
        if (p.value) return `External id ${p.value} was being created at the same time; import again.`
        return p.detail ?? e.message
    }
  },
  staffLeft: 'Staff left',
  externalIdLabel: 'External id',
  statusLabel: 'Status',
  leaveIntro:
    'Bound customers and direct recruits (with their teams) move to the successor; future orders credit the successor, past entries never change.',
  handover: 'Hand-over',
  successorQuery: "Successor's external id or id",
  find: 'Find',
  confirmLeave: 'Confirm and hand over',
  noSuchPerson: 'No one with that id or external id.',
  successorFound: (name, store, status) => `${name} (${store}, ${status})`,
  handingOver: 'Handing over…',
  noSuchDistributor: 'No such distributor.',
  allDistributors: '← All distributors',
  recordLeaving: 'Record leaving and hand over customers and recruits',
  successor: 'Successor',
  customersMoved: 'Customers moved',
  recruitsMoved: 'Recruits moved',
  started: 'Started',
  handoverStatuses: { in_progress: 'In progress', blocked: 'Some recruits could not move', done: 'Done' },
}

export const staffText = (lang: Lang): StaffText => (lang === 'en' ? en : zh)

/**
 * An import problem's details in the page language; an answer without `params`
 * (from before they were added) falls back to the API's bilingual message.
 */
export function importProblemDetail(t: StaffText, e: ImportProblem): string {
  if (!e.params && !['missing_column', 'empty_file', 'missing'].includes(e.reason)) return e.message
  return t.detail(e, t.fields[e.field] ?? e.field)
}
