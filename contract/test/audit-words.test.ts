import { auditActionName, auditChangesText, auditValueText } from '../src/terms/insights';

test('a status reads in the words of what the entry is about', () => {
  expect(auditChangesText([{ field: 'status', before: 'published', after: 'claimed' }], 'wish.claimed')).toBe('状态：等志愿者认领 → 志愿者已认领');
  expect(auditValueText('status', 'requested', 'booking.assigned')).not.toBe('requested');
  expect(auditValueText('status', 'placed', 'order.confirmed')).toBe('已下单');
});

test('an instant reads as a day and time in China, a yes or no as 是 or 否', () => {
  expect(auditValueText('claimDeadline', '2026-12-11T11:20:00.000Z')).toBe('12月11日 19:20');
  expect(auditValueText('mobilityLimited', 'true')).toBe('是');
  expect(auditValueText('note', '')).toBe('（空）');
});

test('every status the trail may name reads in Chinese', () => {
  const english = /[a-z]{3,}/;
  for (const [action, statuses] of [
    ['wish.x', ['pending', 'published', 'claimed', 'delivered', 'realised', 'rejected', 'withdrawn']],
    ['booking.x', ['requested', 'confirmed', 'in_service', 'completed', 'cancelled', 'rejected', 'no_show']],
    ['order.x', ['placed', 'confirmed', 'served', 'out_for_delivery', 'delivered', 'no_show', 'cancelled']],
    ['redemption.x', ['waiting', 'handed', 'cancelled']],
  ] as const) {
    for (const status of statuses) expect(auditValueText('status', status, action)).not.toMatch(english);
  }
  expect(auditActionName('no.such-action')).not.toMatch(english);
});

test('every step of a redemption reads in Chinese on the trail: redeemed, handed over, cancelled', () => {
  expect(['redemption.redeemed', 'redemption.handed', 'redemption.cancelled'].map(auditActionName)).toEqual(['用积分兑换了物品', '交付了兑换的物品', '取消了兑换']);
  expect(auditChangesText([{ field: 'status', after: 'waiting' }, { field: 'item', after: '洗衣液' }, { field: 'pricePoints', after: '20' }], 'redemption.redeemed')).toBe(
    '状态：待领取；物品：洗衣液；所需积分：20',
  );
});

test('a wish’s category and value changed when publishing read as the elder’s side would say them', () => {
  expect(auditChangesText([{ field: 'category', before: 'goods', after: 'service' }, { field: 'valueFen', before: '20000', after: '15000' }], 'wish.published')).toBe(
    '类别：物品 → 服务；估计价值：¥200 → ¥150',
  );
});
