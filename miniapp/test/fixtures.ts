import { PRIVACY_NOTICE_VERSION, type ElderProfile, type ElderSummary, type PrivacyNoticeView } from '@yilin/contract'

export const elderWang: ElderProfile = {
  elderId: 'e-wang',
  name: '王秀兰',
  sex: 'female',
  birthDate: '1946-05-12',
  age: 79,
  phone: '13800001111',
  address: '学院路 12 号 3 栋 201',
  communityId: 'c-xueyuan',
  communityName: '学院路社区',
  subsidyCategoryRequested: 'dibao',
  subsidyCategoryVerified: null,
  mobilityLimited: true,
  dietary: { lowSalt: true, lowSugar: false, softFood: true, allergies: '' },
  emergencyContacts: [{ name: '李明', relation: '儿子', phone: '13900002222' }],
  livingSituation: 'alone',
  ability: 'partlyDependent',
  status: 'active',
  updatedAt: '2026-11-20T02:00:00.000Z',
}

export const summaryOf = (elder: ElderProfile): ElderSummary => ({
  elderId: elder.elderId,
  name: elder.name,
  sex: elder.sex,
  age: elder.age,
  communityName: elder.communityName,
  subsidyCategoryVerified: elder.subsidyCategoryVerified,
  mobilityLimited: elder.mobilityLimited,
  livingSituation: elder.livingSituation,
  ability: elder.ability,
  status: elder.status,
})

export const elderZhao: ElderSummary = {
  elderId: 'e-zhao',
  name: '赵德福',
  sex: 'male',
  age: 84,
  communityName: '学院路社区',
  subsidyCategoryVerified: 'tekun',
  mobilityLimited: false,
  livingSituation: null,
  ability: null,
  status: 'active',
}

/** GET /me's answer for someone who accepted the privacy notice in force. */
export const privacyAccepted: PrivacyNoticeView = { version: PRIVACY_NOTICE_VERSION, accepted: true, acceptedAt: '2026-11-01T01:00:00.000Z' }
