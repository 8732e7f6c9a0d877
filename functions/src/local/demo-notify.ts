import { addDays, monthDayText } from '@yilin/contract';
import { businessDate, epochSeconds, instantOf } from '../platform/clock';
import { Alert, MESSAGE_TTL_SECONDS, Message, type MessageItem } from '../features/notify/entities';

/**
 * The demo's notifications, for `npm start`: an emergency call of 张桂兰 three days ago that the community
 * answered, and a few messages in the lists of 王磊, 王秀英 and the community worker, one of which WeChat did
 * not take (it shows on the worker's list of failed notifications). Written once, with fixed keys; what
 * happens in the running app reaches the lists through the notifications consumer.
 */
export async function ensureDemoNotices(): Promise<void> {
  const { data: existing } = await Alert.get({ alertId: 'demo-alert-zhang' }).go();
  if (existing) return;
  const today = businessDate();
  const at = (back: number, time: string) => instantOf(addDays(today, -back), time).toISOString();
  await Alert.put({
    alertId: 'demo-alert-zhang', elderId: 'demo-elder-zhang', elderName: '张桂兰', elderPhone: '13807340003', elderAddress: '学院路 20 号 1 栋 203',
    communityId: 'demo-comm-xueyuan', centreId: 'demo-centre-xueyuan', countyId: 'demo-county', status: 'resolved', level: 'community',
    raisedById: 'demo-elder-zhang', raisedByName: '张桂兰', raisedAt: at(3, '19:42'),
    responderId: 'demo-worker-xueyuan', responderName: '刘晓燕', responderPost: '社区工作者', responderPhone: '13907341001', respondedAt: at(3, '19:44'),
    resolvedById: 'demo-worker-xueyuan', resolvedByName: '刘晓燕', resolvedAt: at(3, '20:10'), note: '上门看过，是起夜时头晕，已陪她量了血压（正常），女儿今晚过来住。',
    updatedAt: at(3, '20:10'),
  }).go();
  const message = (userId: string, recipientName: string, back: number, time: string, fields: Omit<MessageItem, 'userId' | 'recipientName' | 'messageKey' | 'at' | 'expiresAt'>): MessageItem => ({
    userId, recipientName, at: at(back, time), messageKey: `${at(back, time)}#${fields.topic}#demo`, expiresAt: epochSeconds(new Date(at(back, time))) + MESSAGE_TTL_SECONDS, ...fields,
  });
  const wang = { elderId: 'demo-elder-wang', elderName: '王秀英', communityId: 'demo-comm-xueyuan' };
  const delivered = { ...wang, topic: 'orderDelivered' as const, title: '饭送到了', body: `王秀英${monthDayText(addDays(today, -1))}的午餐已送到家。`, page: '/pages/orders/index?elderId=demo-elder-wang' };
  await Message.put([
    message('demo-family-wanglei', '王磊', 1, '11:48', { ...delivered, wechat: 'failed', wechatReason: '微信暂时不可用（HTTP 503），试了 4 次', failedCommunityId: 'demo-comm-xueyuan', failedAt: at(1, '11:49') }),
    message('demo-elder-wang', '王秀英', 1, '11:48', { ...delivered, wechat: 'none' }),
    message('demo-family-wanglei', '王磊', 2, '16:20', { ...wang, topic: 'visitAssigned', title: '上门安排好了', body: '张丽将在本周二 09:00–11:00上门为王秀英做上门保洁。开门前请核对开门暗号。', page: '/pages/bookings/index?elderId=demo-elder-wang', wechat: 'none' }),
    message('demo-worker-xueyuan', '刘晓燕', 3, '19:42', { elderId: 'demo-elder-zhang', elderName: '张桂兰', communityId: 'demo-comm-xueyuan', topic: 'alert', title: '紧急求助：张桂兰', body: '张桂兰按了紧急求助，请马上联系。电话 13807340003，住址 学院路 20 号 1 栋 203。', page: '/worker/alerts/index', wechat: 'none' }),
  ]).go();
}
