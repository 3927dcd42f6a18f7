import type { DistributorType } from '../../lib/schemas/distributor'

/** Distributor types as the UI names them (DESIGN.md section 1). */
export const TYPE_LABELS: Record<DistributorType, string> = {
  employee: '员工 Employee',
  guide: '导购 Guide',
  online_rep: '线上客户代表 Online rep',
  offline_rep: '线下客户代表 Offline rep',
  member: '会员 / KOC Member',
  partner: '异业合作伙伴 Partner',
  media: '外部媒体 Media',
}
