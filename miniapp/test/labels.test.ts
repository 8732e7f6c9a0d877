import { changeText } from '../src/lib/labels'

describe('the verification history in words', () => {
  it('says a first setting and a change in a sentence, with dates as people write them', () => {
    const by = { byUserId: 'w-1', byName: '刘晓燕', at: '2026-12-08T02:00:00.000Z' }
    expect(changeText({ field: 'subsidyCategory', from: null, to: 'dibao', ...by })).toBe('补贴类别定为 低保')
    expect(changeText({ field: 'subsidyCategory', from: 'normal', to: 'tekun', ...by })).toBe('补贴类别由 普通 改为 特困')
    expect(changeText({ field: 'birthDate', from: '1966-12-08', to: '1966-12-18', ...by })).toBe('出生日期由 1966年12月8日 改为 1966年12月18日')
    expect(changeText({ field: 'mobilityLimited', from: false, to: true, ...by })).toBe('行动情况由 能自己走动 改为 行动不便')
  })
})
