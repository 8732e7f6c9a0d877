import { EMERGENCY_NUMBER, orderStatuses, bookingStatuses, wishStatuses, topicNames } from '@yilin/contract';
import { monthDayText } from '@yilin/contract';
import { noticesOf, type Audience, type Notice } from '../../src/features/notify/rules/notices';
import { elderSideNumbers, escalationTime, nextLevel, responderNumbers, responderPost } from '../../src/features/notify/rules/alert';

/**
 * Who hears about what, as the product describes it: the elder's side (the elder and every bound relative)
 * hears about the elder's meals, visits and wishes; the volunteer about the wish they made come true and the
 * things they redeemed; an emergency call reaches the community's workers and the family at once, then the
 * centre and the county if nobody answers. Anything else that changes tells nobody.
 */

const order = (status: string, overrides: Record<string, unknown> = {}) => ({
  __edb_e__: 'order',
  orderId: 'order-1',
  elderId: 'elder-1',
  elderName: '王秀英',
  communityId: 'comm-1',
  centreId: 'centre-1',
  date: '2026-11-17',
  meal: 'lunch',
  fulfilment: 'delivery',
  status,
  ...overrides,
});

const booking = (status: string, overrides: Record<string, unknown> = {}) => ({
  bookingId: 'booking-1',
  elderId: 'elder-1',
  elderName: '王秀英',
  communityId: 'comm-1',
  serviceName: '全屋保洁',
  date: '2026-11-17',
  windowStart: '09:00',
  windowEnd: '11:00',
  status,
  ...overrides,
});

const wish = (status: string, overrides: Record<string, unknown> = {}) => ({
  wishId: 'wish-1',
  elderId: 'elder-1',
  elderName: '王秀英',
  elderDisplay: '王奶奶',
  communityId: 'comm-1',
  title: '想请人上门理个发',
  status,
  ...overrides,
});

const alert = (overrides: Record<string, unknown> = {}) => ({
  alertId: 'alert-1',
  elderId: 'elder-1',
  elderName: '王秀英',
  elderPhone: '13807340001',
  elderAddress: '学院路 12 号 3 栋 101',
  communityId: 'comm-1',
  centreId: 'centre-1',
  countyId: 'county-1',
  status: 'open',
  level: 'community',
  raisedById: 'elder-1',
  raisedByName: '王秀英',
  ...overrides,
});

const elderSide: Audience = { kind: 'elderSide', elderId: 'elder-1' };
const topics = (notices: Notice[]) => notices.map((notice) => notice.topic);
/** Every status to every other status, as a list of pairs. */
const moves = (statuses: readonly string[]) => statuses.flatMap((from) => statuses.filter((to) => to !== from).map((to) => [from, to] as const));

describe('canteen orders', () => {
  test('an order placed and then confirmed tells the elder’s side 订餐确认了, with the meal and how it is served', () => {
    const notices = noticesOf('order', order('placed'), order('confirmed'));
    expect(notices).toEqual([
      expect.objectContaining({
        topic: 'orderConfirmed',
        audience: elderSide,
        title: topicNames.orderConfirmed,
        page: '/pages/orders/index?elderId=elder-1',
        elderId: 'elder-1',
        elderName: '王秀英',
        communityId: 'comm-1',
        state: '已确认',
      }),
    ]);
    expect(notices[0].body).toContain('王秀英');
    expect(notices[0].body).toContain('11月17日');
    expect(notices[0].what).toContain('11月17日');
  });

  test('an order delivered tells the elder’s side 饭送到了', () => {
    expect(noticesOf('order', order('out_for_delivery'), order('delivered'))).toEqual([
      expect.objectContaining({ topic: 'orderDelivered', audience: elderSide, title: topicNames.orderDelivered, state: '已送达' }),
    ]);
  });

  const quiet = moves(orderStatuses).filter(([from, to]) => !(from === 'placed' && to === 'confirmed') && to !== 'delivered');
  test.each(quiet)('an order moving from %s to %s tells nobody', (from, to) => {
    expect(noticesOf('order', order(from), order(to))).toEqual([]);
  });

  test('a new order, an order changed without a new status, and an order removed tell nobody', () => {
    expect(noticesOf('order', undefined, order('placed'))).toEqual([]);
    expect(noticesOf('order', order('confirmed'), order('confirmed', { note: '少放盐' }))).toEqual([]);
    expect(noticesOf('order', order('delivered'), order('delivered', { updatedAt: 'later' }))).toEqual([]);
    expect(noticesOf('order', order('placed'), undefined)).toEqual([]);
  });
});

describe('home visits', () => {
  const assigned = (overrides: Record<string, unknown> = {}) => booking('confirmed', { staffId: 'staff-1', ...overrides });

  test('a visit confirmed with a staff member tells the elder’s side 上门安排好了, naming who comes and when', () => {
    const [notice, ...more] = noticesOf('booking', booking('requested'), assigned(), { staffName: '张丽' });
    expect(more).toEqual([]);
    expect(notice).toMatchObject({ topic: 'visitAssigned', audience: elderSide, title: topicNames.visitAssigned, page: '/pages/booking/index?bookingId=booking-1', state: '已派单' });
    expect(notice.body).toContain('张丽');
    expect(notice.body).toContain('11月17日 09:00–11:00');
    expect(notice.body).toContain('全屋保洁');
    expect(notice.what).toContain('张丽');
  });

  test('someone else sent, or the visit moved to another day or time, tells them again', () => {
    const reassigned = noticesOf('booking', assigned(), assigned({ staffId: 'staff-2' }), { staffName: '周红' });
    expect(topics(reassigned)).toEqual(['visitAssigned']);
    expect(reassigned[0].body).toContain('周红');
    expect(topics(noticesOf('booking', assigned(), assigned({ date: '2026-11-18' }), { staffName: '张丽' }))).toEqual(['visitAssigned']);
    expect(topics(noticesOf('booking', assigned(), assigned({ windowStart: '14:00', windowEnd: '16:00' }), { staffName: '张丽' }))).toEqual(['visitAssigned']);
  });

  test('the same visit changed otherwise (its version, its note) tells nobody again', () => {
    expect(noticesOf('booking', assigned({ version: 2 }), assigned({ version: 3, note: '带上拖把' }), { staffName: '张丽' })).toEqual([]);
  });

  test('a visit confirmed without a staff member tells nobody (nobody is coming yet)', () => {
    expect(noticesOf('booking', booking('requested'), booking('confirmed'))).toEqual([]);
  });

  test('without the staff member’s name the notice still reads (服务人员)', () => {
    expect(noticesOf('booking', booking('requested'), assigned())[0].body).toContain('服务人员');
  });

  test('a visit completed tells the elder’s side 上门服务做完了, once', () => {
    const [notice, ...more] = noticesOf('booking', assigned({ status: 'in_service' }), assigned({ status: 'completed' }), { staffName: '张丽' });
    expect(more).toEqual([]);
    expect(notice).toMatchObject({ topic: 'visitCompleted', audience: elderSide, state: '已完成' });
    expect(notice.body).toContain('张丽');
    // The record written or the rating given afterwards changes a completed visit again: nobody is told twice.
    expect(noticesOf('booking', assigned({ status: 'completed' }), assigned({ status: 'completed', rating: { stars: 5 } }), { staffName: '张丽' })).toEqual([]);
  });

  const quiet = moves(bookingStatuses).filter(([, to]) => to !== 'confirmed' && to !== 'completed');
  test.each(quiet)('a visit moving from %s to %s tells nobody', (from, to) => {
    expect(noticesOf('booking', assigned({ status: from }), assigned({ status: to }), { staffName: '张丽' })).toEqual([]);
  });

  test('a new request tells nobody', () => {
    expect(noticesOf('booking', undefined, booking('requested'))).toEqual([]);
  });
});

describe('micro-wishes', () => {
  test.each([
    ['pending', 'published', 'wishPublished', '已上墙'],
    ['published', 'claimed', 'wishClaimed', '已认领'],
    ['claimed', 'delivered', 'wishDelivered', '已送到'],
  ] as const)('a wish going from %s to %s tells the elder’s side (%s)', (from, to, topic, state) => {
    const notices = noticesOf('wish', wish(from), wish(to, { claimerId: 'vol-1', claimerName: '李华' }));
    expect(notices).toEqual([expect.objectContaining({ topic, audience: elderSide, page: '/pages/wish/index?wishId=wish-1', state, what: '想请人上门理个发' })]);
  });

  test('the claim names the volunteer; the words as posted are what the elder’s side reads', () => {
    const [claimed] = noticesOf('wish', wish('published'), wish('claimed', { claimerId: 'vol-1', claimerName: '李华', postedTitle: '想请人上门理个发，我是王秀英' }));
    expect(claimed.body).toContain('志愿者李华');
    expect(claimed.what).toBe('想请人上门理个发，我是王秀英');
  });

  test('a wish realised tells the volunteer who claimed it, with the points earned, on the volunteer’s page', () => {
    const notices = noticesOf('wish', wish('delivered', { claimerId: 'vol-1' }), wish('realised', { claimerId: 'vol-1', claimerName: '李华', points: 10 }));
    expect(notices).toEqual([
      expect.objectContaining({ topic: 'wishRealised', audience: { kind: 'person', userId: 'vol-1' }, page: '/volunteer/wish/index?wishId=wish-1', state: '已实现', note: '得到 10 积分' }),
    ]);
    expect(notices[0].body).toContain('10 积分');
    // The volunteer sees the elder as the wall shows them, never by full name.
    expect(notices[0].body).toContain('王奶奶');
    expect(notices[0].body).not.toContain('王秀英');
  });

  test('realised without points thanks the volunteer without a number', () => {
    const [notice] = noticesOf('wish', wish('delivered'), wish('realised', { claimerId: 'vol-1', points: 0 }));
    expect(notice.body).not.toContain('积分');
    expect(notice.note).toBe('谢谢您');
  });

  test.each([
    ['pending', 'rejected'],
    ['pending', 'withdrawn'],
    ['published', 'withdrawn'],
  ])('a wish going from %s to %s tells nobody', (from, to) => {
    expect(noticesOf('wish', wish(from), wish(to))).toEqual([]);
  });

  test('a wish posted, or changed without a new status, tells nobody', () => {
    expect(noticesOf('wish', undefined, wish('pending'))).toEqual([]);
    expect(noticesOf('wish', wish('realised'), wish('realised', { thanksMessage: '谢谢' }))).toEqual([]);
  });

  test('every status a wish can reach tells at most one person or side', () => {
    for (const [from, to] of moves(wishStatuses)) expect(noticesOf('wish', wish(from), wish(to, { claimerId: 'vol-1' })).length).toBeLessThanOrEqual(1);
  });
});

describe('redemptions', () => {
  const redemption = (status: string) => ({ redemptionId: 'red-1', communityId: 'comm-1', holderId: 'vol-1', holderName: '李华', itemName: '洗衣液', status });

  test('a new redemption tells its holder it can be picked up', () => {
    expect(noticesOf('redemption', undefined, redemption('waiting'))).toEqual([
      expect.objectContaining({ topic: 'redemptionReady', audience: { kind: 'person', userId: 'vol-1' }, what: '洗衣液', state: '待领取', communityId: 'comm-1', page: '/pages/points/index?holderId=vol-1' }),
    ]);
  });

  test('handed over or cancelled tells nobody', () => {
    expect(noticesOf('redemption', redemption('waiting'), redemption('handed'))).toEqual([]);
    expect(noticesOf('redemption', redemption('waiting'), redemption('cancelled'))).toEqual([]);
  });
});

describe('emergency calls', () => {
  test('a new call reaches the community’s workers (on their page) and the elder’s side', () => {
    const notices = noticesOf('alert', undefined, alert());
    expect(notices).toEqual([
      expect.objectContaining({ topic: 'alert', audience: { kind: 'communityWorkers', communityId: 'comm-1', centreId: 'centre-1' }, page: '/worker/alerts/index?alertId=alert-1', state: '待响应' }),
      expect.objectContaining({ topic: 'alert', audience: { kind: 'elderSide', elderId: 'elder-1', except: 'elder-1' }, page: '/pages/sos/index?elderId=elder-1' }),
    ]);
    // Whoever goes needs the phone and the address.
    expect(notices[0].body).toContain('13807340001');
    expect(notices[0].body).toContain('学院路 12 号 3 栋 101');
  });

  test('pressed by a relative, the relative is not told what they did, and the workers learn who pressed it', () => {
    const notices = noticesOf('alert', undefined, alert({ raisedById: 'family-1', raisedByName: '王磊（儿子）' }));
    expect(notices[1].audience).toEqual({ kind: 'elderSide', elderId: 'elder-1', except: 'family-1' });
    expect(notices[0].body).toContain('王磊（儿子）替王秀英按了紧急求助');
    // The elder hears it spoken to them: a relative pressed it for you, not "王秀英 pressed it".
    expect(notices[1].toElder).toEqual({ title: '家人替您按了紧急求助', body: '王磊（儿子）替您按了紧急求助，社区已收到，正在安排人来看您。' });
  });

  test('gone up to the centre, the centre’s workers are told; up to the county, the county’s admins', () => {
    const centre = noticesOf('alert', alert(), alert({ level: 'centre' }));
    expect(centre).toEqual([expect.objectContaining({ topic: 'alert', audience: { kind: 'centreWorkers', centreId: 'centre-1' }, page: '/worker/alerts/index?alertId=alert-1' })]);
    expect(centre[0].body).toContain('服务中心');
    const county = noticesOf('alert', alert({ level: 'centre' }), alert({ level: 'county' }));
    // The county's admins open their own alerts page, not the workers'.
    expect(county).toEqual([expect.objectContaining({ audience: { kind: 'countyAdmins', countyId: 'county-1' }, page: '/admin/alerts/index?alertId=alert-1' })]);
    expect(county[0].body).toContain('社区和服务中心');
  });

  test('answered, the elder’s side is told who is on it; dealt with, what was done', () => {
    const acknowledged = noticesOf('alert', alert(), alert({ status: 'acknowledged', responderName: '刘晓燕', responderPost: '社区工作者' }));
    expect(acknowledged).toEqual([expect.objectContaining({ topic: 'alert', audience: elderSide, state: '处理中', note: '社区工作者刘晓燕' })]);
    const resolved = noticesOf('alert', alert({ status: 'acknowledged' }), alert({ status: 'resolved', note: '已送医院' }));
    expect(resolved).toEqual([expect.objectContaining({ topic: 'alert', audience: elderSide, state: '已处理', note: '已送医院' })]);
    expect(resolved[0].body).toContain('已送医院');
  });

  test('a location sent, or a call answered at a new level, tells nobody more', () => {
    expect(noticesOf('alert', alert(), alert({ location: { latitude: 27.8, longitude: 113.1 } }))).toEqual([]);
    // Answered and then the job's step lost: no level change while open.
    expect(noticesOf('alert', alert({ status: 'acknowledged' }), alert({ status: 'acknowledged', updatedAt: 'later' }))).toEqual([]);
  });
});

test('other entities, and items removed, tell nobody', () => {
  expect(noticesOf('elder', undefined, { elderId: 'elder-1', status: 'active' })).toEqual([]);
  expect(noticesOf(undefined, undefined, { anything: true })).toEqual([]);
  expect(noticesOf('alert', alert(), undefined)).toEqual([]);
});

test('monthDayText writes a business date as a person says it', () => {
  expect(monthDayText('2026-12-01')).toBe('12月1日');
  expect(monthDayText('2026-11-17')).toBe('11月17日');
});

describe('the numbers to call and the levels of a call', () => {
  const contacts = [
    { name: '王磊', relation: '儿子', phone: '13907340009' },
    { name: '王芳', relation: '', phone: '13907340010' },
  ];

  test('the elder’s side sees 120, the community’s duty line and the first emergency contact, in that order', () => {
    expect(elderSideNumbers('0734-8123456', contacts)).toEqual([
      { label: `急救电话 ${EMERGENCY_NUMBER}`, phone: '120' },
      { label: '社区值班电话', phone: '0734-8123456' },
      { label: '紧急联系人 王磊（儿子）', phone: '13907340009' },
    ]);
  });

  test('without a duty line or emergency contacts, 120 is still there', () => {
    expect(elderSideNumbers(undefined, contacts).map((number) => number.phone)).toEqual(['120', '13907340009']);
    expect(elderSideNumbers('0734-8123456', []).map((number) => number.phone)).toEqual(['120', '0734-8123456']);
    expect(elderSideNumbers(undefined, [])).toEqual([{ label: '急救电话 120', phone: '120' }]);
  });

  test('a contact without a relation is named alone', () => {
    expect(elderSideNumbers(undefined, [contacts[1]])[1]).toEqual({ label: '紧急联系人 王芳', phone: '13907340010' });
  });

  test('whoever answers sees the elder first, then the first contact, then 120', () => {
    expect(responderNumbers('王秀英', '13807340001', contacts)).toEqual([
      { label: '王秀英的电话', phone: '13807340001' },
      { label: '紧急联系人 王磊（儿子）', phone: '13907340009' },
      { label: '急救电话 120', phone: '120' },
    ]);
    expect(responderNumbers('王秀英', '13807340001', []).map((number) => number.phone)).toEqual(['13807340001', '120']);
  });

  test('an unanswered call goes community → centre → county, and no further', () => {
    expect(nextLevel('community')).toBe('centre');
    expect(nextLevel('centre')).toBe('county');
    expect(nextLevel('county')).toBeUndefined();
  });

  test('it goes up the set minutes after', () => {
    expect(escalationTime(new Date('2026-11-30T02:00:00.000Z'), 5)).toBe('2026-11-30T02:05:00.000Z');
    expect(escalationTime(new Date('2026-11-30T23:58:30.000Z'), 5)).toBe('2026-12-01T00:03:30.000Z');
  });

  test('whoever answers is named by where they answer from', () => {
    expect(responderPost('worker', true)).toBe('社区工作者');
    // A worker of a neighbouring community of the centre is named by their community, which the elder may know.
    expect(responderPost('worker', false, '东风社区')).toBe('东风社区工作者');
    expect(responderPost('admin', false)).toBe('县级平台');
  });
});
