import type { DistributorType } from '../schemas/distributor'

/** A small deterministic PRNG (mulberry32) so every fresh seed looks the same. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高'
const GIVEN = [
  '小红',
  '晓明',
  '婷婷',
  '伟',
  '芳',
  '静',
  '磊',
  '敏',
  '洋',
  '丽娟',
  '子涵',
  '雨桐',
  '浩然',
  '欣怡',
  '思远',
  '佳琪',
  '一诺',
  '梓萱',
  '嘉怡',
  '俊杰',
]

export const chineseName = (rand: () => number): string =>
  `${SURNAMES[Math.floor(rand() * SURNAMES.length)]}${GIVEN[Math.floor(rand() * GIVEN.length)]}`

export const DEMO_PRODUCTS = [
  { sku: 'CAM-SERUM-30', name: '山茶花精华液 30ml', price: 29900, category: 'skincare' },
  { sku: 'CAM-CREAM-50', name: '山茶花保湿面霜 50g', price: 25900, category: 'skincare' },
  { sku: 'CAM-MASK-5', name: '山茶花补水面膜 5片装', price: 9900, category: 'skincare' },
  { sku: 'CAM-LIP-01', name: '山茶花润唇膏', price: 6900, category: 'makeup' },
  { sku: 'CAM-CUSHION', name: '山茶花气垫粉底', price: 21900, category: 'makeup' },
  { sku: 'CAM-GIFT-SET', name: '山茶花节日礼盒', price: 59900, category: 'gift' },
] as const

/** The tree the demo grows: roots per type, then recruits per distributor for each ring outward. */
export const DEMO_ROOTS: Array<{ type: DistributorType; count: number }> = [
  { type: 'employee', count: 8 },
  { type: 'guide', count: 16 },
  { type: 'online_rep', count: 6 },
  { type: 'offline_rep', count: 6 },
  { type: 'partner', count: 5 },
  { type: 'media', count: 4 },
]
