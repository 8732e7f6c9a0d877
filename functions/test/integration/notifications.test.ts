/** @dynamodb-streams */
import type { DynamoDBStreamEvent } from 'aws-lambda';
import type { FailedNotificationsPage, MessagesPage, MessageTopic, SubscriptionsView } from '@yilin/contract';
import { Elder } from '../../src/features/people/entities';
import { Order } from '../../src/features/canteen/entities';
import { deliverNotices } from '../../src/features/notify/deliver';
import { startStreamRunner, type LocalConsumer, type StreamRunner } from '../../src/local/stream-runner';
import { consumers, handlerModule } from '../../src/routes';
import { resetClock, setClock } from '../../src/platform/clock';
import { errorCode, useApi } from '../support/api';
import { MONDAY, TUESDAY, idempotencyKey, placeOrder, publishMenu, setLocalTime } from '../support/canteen-fixtures';
import { bookVisit, completeVisit, createCareWorld } from '../support/care-fixtures';
import { bind, createUser, tableItems } from '../support/seed';
import { IN_WINDOW, createVolunteer, storeItem } from '../support/wish-fixtures';
import {
  answerSubscriptions,
  deadLettersFor,
  postWorker,
  remainingOf,
  signedInWithWechat,
  storedMessages,
  templateOf,
  useFakeWechat,
} from '../support/notify-fixtures';

/**
 * Notifications end to end: what people do through the API changes the table, the notifications consumer
 * reads the change from DynamoDB Local's stream, keeps one in-app message per person it concerns, and sends
 * a subscribe message to the (fake) WeChat for each acceptance the person gave: exactly once, also when the
 * stream delivers the same records again. What WeChat did not take is kept, explained, and shown to the
 * community.
 */
const api = useApi();
const fake = useFakeWechat();

// Where WeChat's undelivered messages are filed as dead letters.
const CONSUMER = 'notify-events/messages';
type Handler = LocalConsumer['handler'];
// The notifications consumers as deployed (emergency calls have one of their own), loaded by name like the runner's.
const notifyConsumers = consumers.filter((consumer) => consumer.handler.startsWith('notify-events/'));
const handlerOf = (name: string) => require(`../../src/${handlerModule(name)}`).handler as Handler;
// Every event each consumer was given, to deliver all of them again.
const delivered: Array<{ event: DynamoDBStreamEvent; handler: Handler }> = [];

let runner: StreamRunner;
beforeAll(async () => {
  runner = await startStreamRunner(
    notifyConsumers.map((consumer) => {
      const handler = handlerOf(consumer.handler);
      return { name: consumer.handler, entities: consumer.entities, handler: async (event: DynamoDBStreamEvent) => (delivered.push({ event, handler }), handler(event)) };
    }),
    { pollMs: 50 },
  );
});
afterAll(async () => runner?.stop());

/**
 * The care world (seed.ts, care-fixtures.ts) where everyone signed in with WeChat: the elder, the bound
 * relative 王磊, a second bound relative 王芳, the home worker (on the staff list) and a volunteer.
 */
async function notifyWorld() {
  setLocalTime(MONDAY, '08:00');
  const world = await createCareWorld(api);
  const sister = await createUser('family', { name: '王芳' });
  await bind(world.elder.elderId, sister);
  await postWorker(world.worker, world.home);
  const volunteer = await createVolunteer(world.home, { name: '李华' });
  const [elderOpenid, familyOpenid, sisterOpenid, workerOpenid, volunteerOpenid] = await Promise.all(
    [world.elder.elderId, world.family.userId, sister.userId, world.worker.userId, volunteer.userId].map(signedInWithWechat),
  );
  await publishMenu(api, world.worker.userId, world.home.centreId, TUESDAY, 'lunch');
  await publishMenu(api, world.worker.userId, world.home.centreId, TUESDAY, 'dinner');
  return { ...world, sister, volunteer, openids: { elder: elderOpenid, family: familyOpenid, sister: sisterOpenid, worker: workerOpenid, volunteer: volunteerOpenid } };
}

/** The subscribe messages the fake WeChat took for one openid, as `topic` names (templates are `tmpl-<topic>`). */
const wechatTopicsOf = (openid: string) => fake.wechat.messages.filter((message) => message.touser === openid).map((message) => message.template_id.replace(/^tmpl-/, ''));
const sorted = (list: string[]) => [...list].sort();

const setOrderStatus = async (workerId: string, orderId: string, status: string) => {
  const response = await api.as(workerId).post(`/orders/${orderId}/status`, { status });
  if (response.status !== 200) throw new Error(`Marking ${status} failed: ${response.status} ${response.text}`);
};

const messagesOf = (userId: string) => api.as(userId).get<MessagesPage>('/me/messages');

describe('an order confirmed', () => {
  test('the relative who accepted gets exactly one WeChat message; the elder and every bound relative get it in the app; reading zeroes the count', async () => {
    const world = await notifyWorld();
    const accepted = await answerSubscriptions(api, world.family.userId, { orderConfirmed: 'accept', orderDelivered: 'accept' });
    expect(accepted.topics.find((topic) => topic.topic === 'orderConfirmed')).toEqual({ topic: 'orderConfirmed', label: '订餐确认了', templateId: templateOf('orderConfirmed'), remaining: 1 });

    const order = await placeOrder(api, world.family.userId, world.elder.elderId, TUESDAY, 'lunch', 'eat_in');
    await runner.idle();
    // Placing an order tells nobody: only the kitchen's answer does.
    expect(wechatTopicsOf(world.openids.family)).toEqual([]);
    expect(await storedMessages(world.elder.elderId)).toEqual([]);

    await setOrderStatus(world.worker.userId, order.orderId, 'confirmed');
    await runner.idle();

    const sent = fake.wechat.messages.filter((message) => message.touser === world.openids.family);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ template_id: templateOf('orderConfirmed'), page: `pages/orders/index?elderId=${world.elder.elderId}`, miniprogram_state: 'formal', lang: 'zh_CN' });
    expect(sent[0].data.thing1.value).toContain('11月17日');
    expect(sent[0].data.phrase2.value).toBe('已确认');
    expect(sent[0].data.time3.value).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
    // Nobody else had accepted: WeChat took nothing more for this world.
    for (const openid of [world.openids.elder, world.openids.sister, world.openids.worker]) expect(wechatTopicsOf(openid)).toEqual([]);
    expect(await remainingOf(world.family.userId, 'orderConfirmed')).toBe(0);
    expect(await remainingOf(world.family.userId, 'orderDelivered')).toBe(1);

    for (const [userId, wechat] of [[world.family.userId, 'sent'], [world.elder.elderId, 'none'], [world.sister.userId, 'none']] as const) {
      const page = await messagesOf(userId);
      expect(page.status).toBe(200);
      expect(page.body.unread).toBe(1);
      expect(page.body.messages).toEqual([
        expect.objectContaining({ topic: 'orderConfirmed', title: '订餐确认了', elderName: '王秀英', page: `/pages/orders/index?elderId=${world.elder.elderId}`, read: false, wechat }),
      ]);
      // A relative reads whose meal it is; the elder is spoken to.
      expect(page.body.messages[0].body).toMatch(userId === world.elder.elderId ? /^您11月17日的午餐已确认/ : /^王秀英11月17日的午餐已确认/);
    }
    // The worker who confirmed it is not told about it.
    expect((await messagesOf(world.worker.userId)).body).toEqual({ messages: [], unread: 0 });

    const read = await api.as(world.family.userId).post('/me/messages/read', {});
    expect(read.status).toBe(204);
    const after = await messagesOf(world.family.userId);
    expect(after.body.unread).toBe(0);
    expect(after.body.messages.map((message) => message.read)).toEqual([true]);
    // Only the reader's count: the elder's is still 1.
    expect((await messagesOf(world.elder.elderId)).body.unread).toBe(1);
  });

  test('a message that arrives after the list was read counts as new', async () => {
    const world = await notifyWorld();
    const order = await placeOrder(api, world.family.userId, world.elder.elderId, TUESDAY, 'lunch', 'eat_in');
    await setOrderStatus(world.worker.userId, order.orderId, 'confirmed');
    await runner.idle();
    expect((await api.as(world.family.userId).post('/me/messages/read', {})).status).toBe(204);
    expect((await messagesOf(world.family.userId)).body.unread).toBe(0);
    setLocalTime(MONDAY, '08:05');

    await answerSubscriptions(api, world.family.userId, { orderDelivered: 'accept' });
    await Elder.patch({ elderId: world.elder.elderId }).set({ mobilityLimited: true }).go();
    const delivery = await placeOrder(api, world.family.userId, world.elder.elderId, TUESDAY, 'dinner', 'delivery');
    await setOrderStatus(world.worker.userId, delivery.orderId, 'confirmed');
    setLocalTime(TUESDAY, '17:10');
    await setOrderStatus(world.worker.userId, delivery.orderId, 'out_for_delivery');
    await setOrderStatus(world.worker.userId, delivery.orderId, 'delivered');
    await runner.idle();

    const page = await messagesOf(world.family.userId);
    expect(page.body.unread).toBe(2);
    expect(page.body.messages.map((message) => [message.topic, message.read])).toEqual([
      ['orderDelivered', false],
      ['orderConfirmed', false],
      ['orderConfirmed', true],
    ]);
  });

  test('a change made just before the list was read, whose message the consumer makes just after, counts as new', async () => {
    const world = await notifyWorld();
    const lunch = await placeOrder(api, world.family.userId, world.elder.elderId, TUESDAY, 'lunch');
    const dinner = await placeOrder(api, world.family.userId, world.elder.elderId, TUESDAY, 'dinner');
    await setOrderStatus(world.worker.userId, lunch.orderId, 'confirmed');
    await runner.idle();
    resetClock();

    // The dinner is confirmed a second before the relative opens the list; the consumer, a little behind,
    // makes its message only after the list was marked read.
    const placed = (await Order.get({ orderId: dinner.orderId }).go()).data!;
    const confirmedAt = new Date(Date.now() - 1000);
    expect((await api.as(world.family.userId).post('/me/messages/read', {})).status).toBe(204);
    expect((await messagesOf(world.family.userId)).body.unread).toBe(0);
    const confirmed = { ...placed, status: 'confirmed', updatedAt: confirmedAt.toISOString() };
    await deliverNotices({ eventId: 'lagging-change-1', kind: 'MODIFY', entity: 'order', before: placed, after: confirmed, at: confirmedAt });

    const page = await messagesOf(world.family.userId);
    expect(page.body.unread).toBe(1);
    expect(page.body.messages.map((message) => [message.topic, message.read])).toEqual([
      ['orderConfirmed', false],
      ['orderConfirmed', true],
    ]);
  });
});

describe('every event of the issue', () => {
  test('produces exactly one message per accepted subscription, and an in-app message for everyone it concerns', async () => {
    const world = await notifyWorld();
    const { elder, family, sister, worker, volunteer, cleaner } = world;
    const familyTopics: MessageTopic[] = ['orderConfirmed', 'orderDelivered', 'visitAssigned', 'visitCompleted', 'wishPublished', 'wishClaimed', 'wishDelivered', 'alert'];
    await answerSubscriptions(api, family.userId, Object.fromEntries(familyTopics.map((topic) => [topic, 'accept'])));
    await answerSubscriptions(api, volunteer.userId, { wishRealised: 'accept', redemptionReady: 'accept' });
    await answerSubscriptions(api, worker.userId, { alert: 'accept' });

    // A meal delivered: confirmed, out, delivered.
    await Elder.patch({ elderId: elder.elderId }).set({ mobilityLimited: true }).go();
    const order = await placeOrder(api, family.userId, elder.elderId, TUESDAY, 'lunch', 'delivery');
    await setOrderStatus(worker.userId, order.orderId, 'confirmed');
    setLocalTime(TUESDAY, '11:10');
    await setOrderStatus(worker.userId, order.orderId, 'out_for_delivery');
    setLocalTime(TUESDAY, '11:35');
    await setOrderStatus(worker.userId, order.orderId, 'delivered');

    // A visit booked, assigned and done.
    setLocalTime(MONDAY, '08:00');
    const booking = await bookVisit(api, family.userId, elder.elderId, world.cleaning.serviceId, TUESDAY, '09:00');
    expect((await api.as(worker.userId).post(`/bookings/${booking.bookingId}/assign`, { staffId: cleaner.userId })).status).toBe(200);
    await completeVisit(api, booking.bookingId, cleaner.userId);

    // A wish published, claimed, delivered and confirmed; its points spent.
    setClock(IN_WINDOW);
    const posted = await api.as(family.userId).post(`/elders/${elder.elderId}/wishes`, { title: '想请人上门理个发', story: '腿脚不方便。', category: 'service', valueFen: 0, handover: 'centre', idempotencyKey: idempotencyKey() });
    expect(posted.status).toBe(201);
    const wishId = posted.body.wish.wishId as string;
    for (const [userId, path, body] of [
      [worker.userId, 'publish', {}],
      [volunteer.userId, 'claim', undefined],
      [volunteer.userId, 'deliver', { message: '理好了。' }],
      [family.userId, 'confirm', undefined],
    ] as const) {
      const step = await api.as(userId).post(`/wishes/${wishId}/${path}`, body);
      expect([path, step.status]).toEqual([path, 200]);
    }
    const item = await storeItem(api, worker.userId, world.home.communityId, { pricePoints: 10, stock: 3 });
    expect((await api.as(volunteer.userId).post(`/points/${volunteer.userId}/redemptions`, { itemId: item.itemId, idempotencyKey: idempotencyKey() })).status).toBe(201);

    // The elder presses for help.
    expect((await api.as(elder.elderId).post(`/elders/${elder.elderId}/alerts`, { idempotencyKey: idempotencyKey() })).status).toBe(201);
    await runner.idle();

    const elderSideTopics = ['orderConfirmed', 'orderDelivered', 'visitAssigned', 'visitCompleted', 'wishPublished', 'wishClaimed', 'wishDelivered'];
    expect(sorted(wechatTopicsOf(world.openids.family))).toEqual(sorted(familyTopics));
    expect(sorted(wechatTopicsOf(world.openids.volunteer))).toEqual(['redemptionReady', 'wishRealised']);
    expect(wechatTopicsOf(world.openids.worker)).toEqual(['alert']);
    // Signed in with WeChat but never accepted anything: nothing on WeChat.
    expect(wechatTopicsOf(world.openids.elder)).toEqual([]);
    expect(wechatTopicsOf(world.openids.sister)).toEqual([]);
    // The visitor's name went with the assignment.
    const assigned = fake.wechat.messages.find((message) => message.touser === world.openids.family && message.template_id === templateOf('visitAssigned'));
    expect(assigned?.data.thing1.value).toContain('张丽');

    const inApp = async (userId: string) => (await storedMessages(userId)).map((message) => `${message.topic}:${message.wechat}`);
    expect(sorted(await inApp(family.userId))).toEqual(sorted(familyTopics.map((topic) => `${topic}:sent`)));
    // The elder pressed the button: told about everything but their own call, in the app only.
    expect(sorted(await inApp(elder.elderId))).toEqual(sorted(elderSideTopics.map((topic) => `${topic}:none`)));
    expect(sorted(await inApp(sister.userId))).toEqual(sorted([...elderSideTopics, 'alert'].map((topic) => `${topic}:none`)));
    expect(sorted(await inApp(volunteer.userId))).toEqual(['redemptionReady:sent', 'wishRealised:sent']);
    expect(await inApp(worker.userId)).toEqual(['alert:sent']);

    const realised = (await storedMessages(volunteer.userId)).find((message) => message.topic === 'wishRealised');
    expect(realised?.body).toContain('10 积分');
    const workersCall = (await messagesOf(worker.userId)).body.messages[0];
    expect(workersCall).toMatchObject({ topic: 'alert', title: '紧急求助：王秀英', elderName: '王秀英' });
    expect(workersCall.page).toMatch(/^\/worker\/alerts\/index\?alertId=/);

    // Every acceptance spent once, none twice.
    for (const topic of familyTopics) expect([topic, await remainingOf(family.userId, topic)]).toEqual([topic, 0]);
    expect((await api.as(volunteer.userId).get<SubscriptionsView>('/me/subscriptions')).body.topics.filter((topic) => topic.remaining !== 0)).toEqual([]);
  });

  test('two acceptances and three events: two WeChat messages, the third in the app only', async () => {
    const world = await notifyWorld();
    const { family, worker } = world;
    await bind(world.neighbour.elderId, family);
    await answerSubscriptions(api, family.userId, { orderConfirmed: 'accept' });
    const view = await answerSubscriptions(api, family.userId, { orderConfirmed: 'accept' });
    expect(view.topics.find((topic) => topic.topic === 'orderConfirmed')?.remaining).toBe(2);

    const orders = [
      await placeOrder(api, family.userId, world.elder.elderId, TUESDAY, 'lunch'),
      await placeOrder(api, family.userId, world.elder.elderId, TUESDAY, 'dinner'),
      await placeOrder(api, family.userId, world.neighbour.elderId, TUESDAY, 'lunch'),
    ];
    for (const order of orders) await setOrderStatus(worker.userId, order.orderId, 'confirmed');
    await runner.idle();

    expect(wechatTopicsOf(world.openids.family)).toEqual(['orderConfirmed', 'orderConfirmed']);
    const kept = await storedMessages(family.userId);
    expect(kept).toHaveLength(3);
    expect(kept.map((message) => message.wechat).sort()).toEqual(['none', 'sent', 'sent']);
    expect(sorted(kept.map((message) => message.elderName ?? ''))).toEqual(sorted(['王秀英', '王秀英', '李建国']));
    expect(await remainingOf(family.userId, 'orderConfirmed')).toBe(0);
  });
});

describe('what WeChat did not take', () => {
  test('43101: the message is refused, the acceptance is gone, a dead letter says why, and the community sees whom to reach', async () => {
    const world = await notifyWorld();
    await answerSubscriptions(api, world.family.userId, { orderConfirmed: 'accept' });
    await answerSubscriptions(api, world.family.userId, { orderConfirmed: 'accept' });
    fake.wechat.refuse(world.openids.family, templateOf('orderConfirmed'));
    const order = await placeOrder(api, world.family.userId, world.elder.elderId, TUESDAY, 'lunch');
    const attempts = fake.wechat.sendAttempts;

    await setOrderStatus(world.worker.userId, order.orderId, 'confirmed');
    await runner.idle();

    // Refused is final: asked once, not retried.
    expect(fake.wechat.sendAttempts - attempts).toBe(1);
    expect(wechatTopicsOf(world.openids.family)).toEqual([]);
    const [message] = await storedMessages(world.family.userId);
    expect(message).toMatchObject({ topic: 'orderConfirmed', wechat: 'refused', failedCommunityId: world.home.communityId });
    expect(message.wechatReason).toContain('43101');
    // WeChat holds no acceptance any more, whatever our count said.
    expect(await remainingOf(world.family.userId, 'orderConfirmed')).toBe(0);
    const letters = await deadLettersFor(world.family.userId);
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ consumer: CONSUMER, attempts: 1 });
    expect(letters[0].reason).toContain('43101');

    // The in-app copy is there, saying it did not reach WeChat.
    expect((await messagesOf(world.family.userId)).body.messages).toEqual([expect.objectContaining({ topic: 'orderConfirmed', wechat: 'refused' })]);

    const failed = await api.as(world.worker.userId).get<FailedNotificationsPage>(`/communities/${world.home.communityId}/failed-notifications`);
    expect(failed.status).toBe(200);
    expect(failed.body.items).toEqual([
      { messageId: message.messageKey, recipientName: '王磊', topic: 'orderConfirmed', title: '订餐确认了', reason: message.wechatReason, at: message.at, elderName: '王秀英' },
    ]);
    // Another community's worker does not see it.
    const foreign = await api.as(world.otherWorker.userId).get(`/communities/${world.home.communityId}/failed-notifications`);
    expect([foreign.status, errorCode(foreign)]).toEqual([403, 'NOT_YOUR_COMMUNITY']);
  });

  test('WeChat failing four times: the message failed, is listed for the community, and kept as a dead letter; the in-app copy is there', async () => {
    const world = await notifyWorld();
    await answerSubscriptions(api, world.family.userId, { orderConfirmed: 'accept' });
    const order = await placeOrder(api, world.family.userId, world.elder.elderId, TUESDAY, 'lunch');
    await runner.idle();
    const attempts = fake.wechat.sendAttempts;
    fake.wechat.failNext(4, 'http-500');

    await setOrderStatus(world.worker.userId, order.orderId, 'confirmed');
    await runner.idle();

    expect(fake.wechat.sendAttempts - attempts).toBe(4);
    expect(wechatTopicsOf(world.openids.family)).toEqual([]);
    const [message] = await storedMessages(world.family.userId);
    expect(message).toMatchObject({ topic: 'orderConfirmed', wechat: 'failed', failedCommunityId: world.home.communityId });
    expect(message.wechatReason).toContain('HTTP 500');
    const letters = await deadLettersFor(world.family.userId);
    expect(letters).toEqual([expect.objectContaining({ consumer: CONSUMER, attempts: 4, reason: message.wechatReason })]);
    // WeChat never took it: the acceptance is still there for the next message.
    expect(await remainingOf(world.family.userId, 'orderConfirmed')).toBe(1);

    expect((await messagesOf(world.family.userId)).body.messages).toEqual([expect.objectContaining({ topic: 'orderConfirmed', wechat: 'failed', read: false })]);
    const failed = await api.as(world.worker.userId).get<FailedNotificationsPage>(`/communities/${world.home.communityId}/failed-notifications`);
    expect(failed.body.items).toEqual([expect.objectContaining({ recipientName: '王磊', topic: 'orderConfirmed', reason: message.wechatReason })]);
    // The elder and the other relative had nothing on WeChat to fail.
    expect((await storedMessages(world.elder.elderId)).map((kept) => kept.wechat)).toEqual(['none']);
  });
});

describe('POST /me/subscriptions', () => {
  test('accept adds one, reject nothing, ban sets none; the same request retried counts once', async () => {
    const user = await createUser('family', { name: '王磊' });
    const remaining = (view: SubscriptionsView, topic: MessageTopic) => view.topics.find((entry) => entry.topic === topic)?.remaining;

    const first = await answerSubscriptions(api, user.userId, { alert: 'accept', orderDelivered: 'accept', visitCompleted: 'reject' }, 'subscribe-key-1');
    expect([remaining(first, 'alert'), remaining(first, 'orderDelivered'), remaining(first, 'visitCompleted')]).toEqual([1, 1, 0]);
    // The same tap's request, sent again (and three times at once): counted once.
    const again = await Promise.all([1, 2, 3].map(() => api.as(user.userId).post<SubscriptionsView>('/me/subscriptions', { idempotencyKey: 'subscribe-key-1', answers: { alert: 'accept', orderDelivered: 'accept', visitCompleted: 'reject' } })));
    expect(again.map((response) => response.status)).toEqual([200, 200, 200]);
    expect(await remainingOf(user.userId, 'alert')).toBe(1);

    const second = await answerSubscriptions(api, user.userId, { alert: 'accept', orderDelivered: 'ban' });
    expect([remaining(second, 'alert'), remaining(second, 'orderDelivered')]).toEqual([2, 0]);
    const listed = await api.as(user.userId).get<SubscriptionsView>('/me/subscriptions');
    expect(listed.body.topics).toHaveLength(10);
    expect(listed.body.topics.find((entry) => entry.topic === 'alert')).toEqual({ topic: 'alert', label: '紧急求助', templateId: templateOf('alert'), remaining: 2 });
  });

  test('an unknown topic or answer is refused with 400 and a Chinese message naming it; nothing is counted', async () => {
    const user = await createUser('family', { name: '王磊' });
    const post = (answers: unknown, key = idempotencyKey()) => api.as(user.userId).post('/me/subscriptions', { idempotencyKey: key, answers });

    const topic = await post({ weather: 'accept' });
    expect([topic.status, errorCode(topic)]).toEqual([400, 'INVALID_INPUT']);
    expect(topic.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(topic.body.error.message).toContain('weather');
    expect(topic.body.error.details.fields[0].field).toBe('answers');

    const answer = await post({ alert: 'maybe' });
    expect([answer.status, errorCode(answer)]).toEqual([400, 'INVALID_INPUT']);
    expect(answer.body.error.details.fields).toEqual([{ field: 'answers.alert', message: '订阅结果只能是 接受（accept）、拒绝（reject）或 已关闭（ban）' }]);

    const noKey = await api.as(user.userId).post('/me/subscriptions', { answers: { alert: 'accept' } });
    expect([noKey.status, noKey.body.error.details.fields[0].field]).toEqual([400, 'idempotencyKey']);
    expect(noKey.body.error.message).toMatch(/[\u4e00-\u9fff]/);

    expect((await tableItems()).filter((item) => item.__edb_e__ === 'messageAllowance' && item.userId === user.userId)).toEqual([]);
    const anonymous = await api.anonymous.post('/me/subscriptions', { idempotencyKey: idempotencyKey(), answers: { alert: 'accept' } });
    expect(anonymous.status).toBe(401);
  });
});

describe('the stream delivering the same records again', () => {
  test('every record delivered a second time: no new in-app message, no new WeChat send, no acceptance spent', async () => {
    // Some acceptances left over, so that a replay that sent again would have something to spend.
    const world = await notifyWorld();
    await answerSubscriptions(api, world.family.userId, { orderConfirmed: 'accept' });
    await answerSubscriptions(api, world.family.userId, { orderConfirmed: 'accept' });
    const order = await placeOrder(api, world.family.userId, world.elder.elderId, TUESDAY, 'lunch');
    await setOrderStatus(world.worker.userId, order.orderId, 'confirmed');
    await runner.idle();
    expect(await remainingOf(world.family.userId, 'orderConfirmed')).toBe(1);

    // Records of every kind went through: orders, visits, wishes, redemptions, calls, and refused and failed sends.
    const entities = new Set(delivered.flatMap(({ event }) => event.Records.map((record) => record.dynamodb?.NewImage?.__edb_e__?.S)));
    expect([...entities].sort()).toEqual(['alert', 'booking', 'order', 'redemption', 'wish']);
    const notifyItems = async () =>
      (await tableItems()).filter((item) => ['message', 'messageAllowance', 'deadLetter'].includes(item.__edb_e__ as string));
    const before = await notifyItems();
    expect(before.filter((item) => item.__edb_e__ === 'message').length).toBeGreaterThan(40);
    const sends = fake.wechat.sendAttempts;

    resetClock();
    for (const { event, handler } of delivered.slice()) expect(await handler(event)).toEqual({ batchItemFailures: [] });

    expect(fake.wechat.sendAttempts).toBe(sends);
    expect(await notifyItems()).toEqual(before);
    expect(await remainingOf(world.family.userId, 'orderConfirmed')).toBe(1);
  });
});
