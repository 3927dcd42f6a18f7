import type { Lang } from './lang'

const zh = {
  title: (brand: string) => `加入 ${brand}`,
  invited: (inviter: string, brand: string) => `${inviter} 邀请你成为「${brand}」的分销员`,
  pitch: '分享好物给朋友，朋友下单你就有佣金。',
  nameLabel: '你的名字',
  namePlaceholder: '例如：王小红',
  submit: '加入',
  joining: '正在加入…',
  failed: '加入失败，请重试',
  switchLang: 'English',
  notFoundTitle: '邀请链接无效',
  notFound: '这个邀请链接不存在或已失效，请向邀请你的人重新获取。',
}

export type JoinText = typeof zh

const en: JoinText = {
  title: (brand) => `Join ${brand}`,
  invited: (inviter, brand) => `${inviter} invites you to share ${brand}'s products`,
  pitch: 'Share products you like; when friends buy, you earn a commission.',
  nameLabel: 'Your name',
  namePlaceholder: 'e.g. Wang Xiaohong',
  submit: 'Join',
  joining: 'Joining…',
  failed: 'Could not join; try again.',
  switchLang: '中文',
  notFoundTitle: 'Invite link not valid',
  notFound: 'This invite link does not exist or is no longer active. Ask the person who invited you for a new one.',
}

export const joinText = (lang: Lang): JoinText => (lang === 'en' ? en : zh)
