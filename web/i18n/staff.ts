/** Chinese labels for the staff import's fields and reasons (the API's messages carry both languages). */
export const IMPORT_FIELD_LABELS: Record<string, string> = {
  name: '姓名',
  type: '类型',
  externalId: '工号',
  store: '门店/部门',
  recruiterExternalId: '推荐人工号',
  _: '整行',
}

export const IMPORT_REASON_LABELS: Record<string, string> = {
  malformed_csv: 'CSV 格式错误',
  missing_column: '缺少列',
  empty_file: '空文件',
  missing: '必填项为空',
  too_long: '内容过长',
  unknown_type: '未知类型',
  duplicate_external_id: '工号重复',
  recruiter_not_found: '推荐人不存在',
  recruiter_cycle: '推荐关系成环',
  recruiter_invalid: '推荐人所在行有错误',
  write_failed: '写入失败',
}

export const HANDOVER_STATUS_LABELS: Record<string, string> = {
  in_progress: '交接中 In progress',
  blocked: '部分下级未能转移 Some recruits could not move',
  done: '已完成 Done',
}
