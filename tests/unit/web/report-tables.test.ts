import { describe, expect, it } from 'vitest'
import { dashboardText } from '../../../web/i18n/dashboard'
import { tableCsv } from '../../../web/reports/report-table'
import {
  channelTable,
  overviewTable,
  rippleTable,
  topTable,
  trendTable,
  typesTable,
  type ChannelData,
  type OverviewData,
  type RippleData,
} from '../../../web/reports/report-tables'

const zh = dashboardText('zh')
const en = dashboardText('en')
const none = { links: 0, clicks: 0, newCustomers: 0, newRecruits: 0, fission: null }
const ripple: RippleData = {
  currency: 'CNY',
  timeZone: 'UTC',
  from: '2026-03-01',
  to: '2026-03-30',
  rings: [
    {
      ring: 1,
      distributors: 2,
      activeDistributors: 1,
      ...none,
      orders: 2,
      gmv: 79900,
      commission: 8404,
      newRecruits: 1,
      fission: '1.0000',
      byType: [],
    },
    { ring: 2, distributors: 2, activeDistributors: 2, ...none, orders: 2, gmv: 20700, commission: 2277, byType: [] },
  ],
  totals: {
    distributors: 4,
    activeDistributors: 3,
    ...none,
    orders: 4,
    gmv: 100600,
    commission: 10681,
    newRecruits: 1,
    fission: '0.3333',
  },
  amplification: '0.2591',
}
const text = (t: ReturnType<typeof rippleTable>) => [
  t.columns.map((c) => c.header),
  ...[...t.rows, ...t.foot].map((r) => r.cells.map((c) => c.text)),
]

describe('the dashboard tables', () => {
  it('builds the ripple table per ring with totals, money exact in major units, in either language', () => {
    expect(text(rippleTable(ripple, zh))).toEqual([
      [
        '圈层',
        '分销员',
        '活跃分销员',
        '链接',
        '点击',
        '订单',
        'GMV（CNY）',
        '佣金（CNY）',
        '新客户',
        '新招募',
        '裂变系数',
      ],
      ['第 1 圈', '2', '1', '0', '0', '2', '799.00', '84.04', '0', '1', '1.0000'],
      ['第 2 圈', '2', '2', '0', '0', '2', '207.00', '22.77', '0', '0', '—'],
      ['合计', '4', '3', '0', '0', '4', '1006.00', '106.81', '0', '1', '0.3333'],
    ])
    expect(text(rippleTable(ripple, en))[0]).toEqual([
      'Ring',
      'Distributors',
      'Active distributors',
      'Links',
      'Clicks',
      'Orders',
      'GMV (CNY)',
      'Commission (CNY)',
      'New customers',
      'New recruits',
      'Fission',
    ])
    expect(text(rippleTable(ripple, en))[1]?.[0]).toBe('Ring 1')
  })

  it('writes the same rows as CSV: BOM, CRLF, amounts as numbers, a missing figure empty', () => {
    expect(tableCsv(rippleTable(ripple, zh))).toBe(
      '\uFEFF圈层,分销员,活跃分销员,链接,点击,订单,GMV（CNY）,佣金（CNY）,新客户,新招募,裂变系数\r\n' +
        '第 1 圈,2,1,0,0,2,799.00,84.04,0,1,1.0000\r\n' +
        '第 2 圈,2,2,0,0,2,207.00,22.77,0,0,\r\n' +
        '合计,4,3,0,0,4,1006.00,106.81,0,1,0.3333\r\n',
    )
  })

  it('shows channel shares with two decimals that add to 100%, and zeros when nothing sold', () => {
    const channels: ChannelData = {
      currency: 'JPY',
      timeZone: 'UTC',
      from: '2026-03-01',
      to: '2026-03-30',
      total: 3,
      circles: [
        { circle: 'internal', gmv: 2, shareBps: 6667 },
        { circle: 'external', gmv: 1, shareBps: 3333 },
      ],
      types: [
        { type: 'employee', circle: 'internal', gmv: 2, shareBps: 6667, orders: 1, distributors: 5 },
        { type: 'media', circle: 'external', gmv: 1, shareBps: 3333, orders: 1, distributors: 1 },
      ],
    }
    expect(text(channelTable(channels, en))).toEqual([
      ['Circle', 'GMV (JPY)', 'Share'],
      ['Internal', '2', '66.67%'],
      ['External', '1', '33.33%'],
      ['Total', '3', '100.00%'],
    ])
    expect(text(typesTable(channels, zh, 'zh')).slice(1)).toEqual([
      ['员工', '内部', '5', '1', '2', '66.67%'],
      ['外部媒体', '外部', '1', '1', '1', '33.33%'],
      ['合计', '', '6', '2', '3', '100.00%'],
    ])
    const empty = {
      ...channels,
      total: 0,
      circles: channels.circles.map((c) => ({ ...c, gmv: 0, shareBps: 0 })),
      types: [],
    }
    expect(text(channelTable(empty, zh)).slice(1)).toEqual([
      ['内部', '0', '0.00%'],
      ['外部', '0', '0.00%'],
      ['合计', '0', '0.00%'],
    ])
  })

  it('gives the overview with a dash where a rate has no denominator', () => {
    const o: OverviewData = {
      currency: 'CNY',
      timeZone: 'UTC',
      from: 'a',
      to: 'b',
      orders: 0,
      gmv: 0,
      distributionGmv: 0,
      newCustomers: 0,
      referredNewCustomers: 0,
      customerReferralRateBps: null,
      referredOrders: 0,
      referredRepeatOrders: 0,
      repurchaseRateBps: null,
      referredGmv: 0,
      gmvPerReferredCustomer: null,
    }
    const table = overviewTable(o, en)
    expect(table.rows.find((r) => r.key === 'customerReferralRate')?.cells.map((c) => c.text)).toEqual([
      'Customer referral rate',
      '—',
    ])
    expect(tableCsv(table)).toContain('\r\nCustomer referral rate,\r\n')
    const rated = overviewTable({ ...o, customerReferralRateBps: 6667, gmvPerReferredCustomer: 12345 }, zh)
    expect(rated.rows.find((r) => r.key === 'customerReferralRate')?.cells[1]?.text).toBe('66.67%')
    expect(rated.rows.find((r) => r.key === 'gmvPerReferredCustomer')?.cells[1]?.text).toBe('123.45')
  })

  it('lists the trend day by day with totals, and neutralises a formula in a distributor name', () => {
    const trend = trendTable(
      {
        currency: 'CNY',
        timeZone: 'UTC',
        from: '2026-03-01',
        to: '2026-03-02',
        days: [
          { day: '2026-03-01', clicks: 3, orders: 1, gmv: 100, distributionGmv: 0 },
          { day: '2026-03-02', clicks: 0, orders: 0, gmv: -50, distributionGmv: -50 },
        ],
      },
      zh,
    )
    expect(text(trend).at(-1)).toEqual(['合计', '3', '1', '0.50', '-0.50'])
    expect(tableCsv(trend)).toContain('\r\n2026-03-02,0,0,-0.50,-0.50\r\n')
    const top = topTable(
      {
        timeZone: 'UTC',
        from: 'a',
        to: 'b',
        by: 'gmv',
        group: 'distributor',
        items: [
          { rank: 1, id: 'd_1', name: '=HYPERLINK("x")', type: 'guide', clicks: 2, orders: 1, gmv: 29900, recruits: 0 },
        ],
      },
      'CNY',
      en,
      'en',
    )
    expect(top.rows[0]?.cells[1]).toMatchObject({ text: '=HYPERLINK("x")', href: '/console/distributors/d_1?lang=en' })
    expect(tableCsv(top).split('\r\n')[1]).toBe('1,"\'=HYPERLINK(""x"")",Guide,2,1,299.00,0')
  })
})
