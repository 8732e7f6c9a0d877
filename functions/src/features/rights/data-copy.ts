import {
  abilityNames,
  alertStatusNames,
  bookingStatusNames,
  dataCopyKindNames,
  dateTimeText,
  familyRelationNames,
  fulfilmentNames,
  livingSituationNames,
  mealNames,
  orderStatusNames,
  redemptionStatusNames,
  roleNames,
  sexNames,
  skillNames,
  staffStatusNames,
  subsidyCategoryNames,
  wishCategoryNames,
  wishStatusNames,
  yuan,
  elderStatusNames,
  type DataCopyKind,
  type DataCopyResponse,
  type DataCopySection,
  type MeasurementsInput,
} from '@yilin/contract';
import { isoNow } from '../../platform/clock';
import { unauthorized } from '../../platform/errors';
import type { Session } from '../../platform/session-token';
import { auditOf, subjectOf } from '../../store/audit';
import { entriesOf } from '../../store/ledger';
import { getElders } from '../people/data/elders';
import { allBindingsOf, bindingsOfElder } from '../people/data/bindings';
import { getUser } from '../people/data/users';
import { getVolunteer } from '../people/data/volunteers';
import { getStaffPost, type StaffPostItem } from '../people/data/staff';
import { centreName, communityName } from '../people/places';
import type { BindingItem, ElderItem, UserItem } from '../people/entities';
import { allOrdersOfElder } from '../canteen/data';
import { allBookingsOfElder } from '../care/data';
import { measurementViews } from '../care/rules/health';
import { acceptancesOf, getHealthConsent } from '../consent/data';
import { alertsOfElder } from '../notify/alert-store';
import { allMessagesOf } from '../notify/messages';
import { pointsAccount, redemptionsOfHolder, wishesOfClaimer, wishesOfElder } from '../wishes/data';

/**
 * A copy of what the app holds about a person, in words (PIPL's right to access and copy): their account, the
 * notices they accepted, their bindings, their points, redemptions, wishes they took on and messages; for an
 * elder and for each elder a relative is bound to, the elder's file, orders, visits with their records and
 * readings, who looked at the health record, wishes and emergency calls. The page lists it and the workbook
 * (data-copy-xlsx.ts) holds the same tables, each list oldest first. Reading one's own data is not kept as an
 * event.
 */
export async function dataCopyOf(session: Session): Promise<DataCopyResponse> {
  const user = await getUser(session.userId);
  if (!user) throw unauthorized('SESSION_INVALID', '登录状态无效，请重新登录。');
  const bindings = user.role === 'family' ? await allBindingsOf(user.userId) : [];
  const elders = await getElders(user.role === 'elder' ? [user.userId] : bindings.map((binding) => binding.elderId));
  const [own, perElder] = await Promise.all([ownSections(user, bindings, elders), Promise.all(elders.map((elder) => elderSections(elder, user.role === 'family')))]);
  return { name: user.name, madeAt: isoNow(), sections: [...own, ...perElder.flat()] };
}

/** Lists run oldest first, as a ledger does (the page shows the newest first). */
const oldestFirst = <T>(items: readonly T[], at: (item: T) => string) => [...items].sort((a, b) => at(a).localeCompare(at(b)));

const section = (kind: DataCopyKind, columns: string[], rows: string[][], about?: string): DataCopySection => ({
  kind,
  title: about ? `${dataCopyKindNames[kind]}（${about}）` : dataCopyKindNames[kind],
  columns,
  rows,
});

const time = dateTimeText;
const yesNo = (value: boolean | undefined) => (value ? '是' : '否');

/** The person's own account; `bindings` and `elders`: a relative's, as the copy read them. */
async function ownSections(user: UserItem, bindings: BindingItem[], elders: ElderItem[]): Promise<DataCopySection[]> {
  const [volunteer, post, community, acceptances, messages] = await Promise.all([
    getVolunteer(user.userId),
    getStaffPost(user.userId),
    user.communityId ? communityName(user.communityId) : Promise.resolve(''),
    acceptancesOf(user.userId),
    allMessagesOf(user.userId),
  ]);
  const profile: string[][] = [
    ['名字', user.name],
    ['身份', roleNames[user.role]],
    ['注册时间', time(user.createdAt)],
    ['微信', user.openid ? '已用微信登录' : '还没有绑定微信'],
    ...(community ? [['社区', community]] : []),
    ...(volunteer
      ? [
          ['手机号', volunteer.phone],
          ['志愿者报名时间', time(volunteer.signedUpAt)],
          ['社区确认', volunteer.status === 'confirmed' ? `已确认${volunteer.confirmedByName ? `（${volunteer.confirmedByName}）` : ''}` : '等社区确认'],
          ['党员', yesNo(volunteer.partyMember)],
        ]
      : []),
    ...(post ? await postLines(post) : []),
  ];
  const sections = [
    section('profile', ['项目', '内容'], profile),
    section('consents', ['隐私保护指引的版本', '同意的时间'], oldestFirst(acceptances, (item) => item.acceptedAt).map((item) => [item.version, time(item.acceptedAt)])),
  ];
  if (bindings.length > 0) {
    const names = new Map(elders.map((elder) => [elder.elderId, elder.name]));
    sections.push(section('bindings', ['长辈', '您是长辈的', '绑定时间'], bindings.map((b) => [names.get(b.elderId) ?? '', b.relation ? familyRelationNames[b.relation] : '', time(b.boundAt)])));
  }
  if (user.role === 'volunteer') {
    const held = await wishesOfClaimer(user.userId);
    sections.push(section('claimedWishes', ['心愿', '长辈', '状态', '认领时间'], oldestFirst(held, (wish) => wish.claimedAt ?? '').map((wish) => [wish.title, wish.elderDisplay, wishStatusNames[wish.status], wish.claimedAt ? time(wish.claimedAt) : ''])));
  }
  if (user.role === 'volunteer' || user.role === 'elder') sections.push(...(await pointsSections(user.userId)));
  sections.push(section('messages', ['时间', '标题', '内容'], messages.map((message) => [time(message.at), message.title, message.body])));
  return sections;
}

/** A worker's or a staff member's post, as the county and their centre keep it (the elder sees some of it at the door). */
async function postLines(post: StaffPostItem): Promise<string[][]> {
  return [
    ['服务中心', await centreName(post.centreId)],
    ['手机号', post.phone],
    ...(post.staffNumber ? [['工号', post.staffNumber]] : []),
    ...(post.skills?.length ? [['技能', post.skills.map((skill) => skillNames[skill as keyof typeof skillNames] ?? skill).join('、')]] : []),
    ['照片', post.photoKey ? '有（长辈开门前能看到）' : '没有'],
    ['岗位状态', staffStatusNames[post.status]],
  ];
}

async function pointsSections(holderId: string, about?: string): Promise<DataCopySection[]> {
  const [entries, redemptions] = await Promise.all([
    entriesOf(pointsAccount(holderId)),
    redemptionsOfHolder(holderId, 'all'),
  ]);
  return [
    section('points', ['时间', '积分', '原因'], entries.map((entry) => [time(entry.at), entry.amount > 0 ? `+${entry.amount}` : String(entry.amount), entry.reason]), about),
    section('redemptions', ['时间', '物品', '积分', '状态'], oldestFirst(redemptions, (r) => r.createdAt).map((r) => [time(r.createdAt), r.itemName, String(r.pricePoints), redemptionStatusNames[r.status]]), about),
  ];
}

async function elderSections(elder: ElderItem, forRelative: boolean): Promise<DataCopySection[]> {
  const about = forRelative ? elder.name : undefined;
  const { elderId } = elder;
  const [community, consent, family, orders, bookings, reads, wishes, alerts, points] = await Promise.all([
    communityName(elder.communityId),
    getHealthConsent(elderId),
    forRelative ? Promise.resolve([] as BindingItem[]) : bindingsOfElder(elderId, undefined, 100).then((page) => page.items),
    allOrdersOfElder(elderId),
    allBookingsOfElder(elderId),
    auditOf(subjectOf('health', elderId), { action: 'health.read', limit: 'all' }),
    wishesOfElder(elderId),
    alertsOfElder(elderId, 'all'),
    forRelative ? pointsSections(elderId, elder.name) : Promise.resolve([]),
  ]);
  const file: string[][] = [
    ['姓名', elder.name],
    ['性别', elder.sex ? sexNames[elder.sex] : ''],
    ['出生日期', elder.birthDate],
    ['电话', elder.phone],
    ['地址', elder.address],
    ['社区', community],
    ['在册状态', elderStatusNames[elder.status ?? 'active']],
    ['补贴类别', subsidyCategoryNames[elder.subsidyCategoryVerified ?? elder.subsidyCategoryRequested]],
    ['居住情况', elder.livingSituation ? livingSituationNames[elder.livingSituation] : ''],
    ['自理能力', elder.ability ? abilityNames[elder.ability] : ''],
    ['行动不便', yesNo(elder.mobilityLimited)],
    ['饮食', dietaryText(elder.dietary)],
    ...(elder.emergencyContacts ?? []).map((contact, index) => [`紧急联系人 ${index + 1}`, `${contact.name}（${contact.relation}）${contact.phone}`]),
    ['保存健康数据', consent ? `${consent.given ? '同意' : '不同意'}（${consent.changedByName}，${time(consent.changedAt)}）` : '还没有回答'],
  ];
  const sections = [section('elder', ['项目', '内容'], file, about)];
  if (!forRelative) sections.push(section('bindings', ['家属', '关系', '绑定时间'], family.map((b) => [b.familyName, b.relation ? familyRelationNames[b.relation] : '', time(b.boundAt)])));
  sections.push(
    section(
      'orders',
      ['日期', '餐次', '方式', '状态', '长辈付（元）', '补贴（元）'],
      oldestFirst(orders, (o) => `${o.date}${o.meal === 'lunch' ? 1 : 2}`).map((o) => [o.date, mealNames[o.meal], fulfilmentNames[o.fulfilment], orderStatusNames[o.status], yuan(o.priceFen), yuan(o.subsidyFen)]),
      about,
    ),
    section(
      'bookings',
      ['日期', '时段', '服务', '状态', '长辈付（元）', '补贴（元）'],
      oldestFirst(bookings, (b) => `${b.date}${b.windowStart}`).map((b) => [b.date, `${b.windowStart}–${b.windowEnd}`, b.serviceName, bookingStatusNames[b.status], yuan(b.priceFen), yuan(b.subsidyFen)]),
      about,
    ),
    section(
      'records',
      ['日期', '服务', '上门人员写的', '完成的项目', '测量结果'],
      oldestFirst(bookings.filter((b) => b.record), (b) => `${b.date}${b.windowStart}`).map((b) => [
        b.date,
        b.serviceName,
        `${b.record!.notes}（${b.record!.writtenByName}）`,
        b.record!.checklistDone.join('、'),
        b.record!.measurements ? measurementViews(b.record!.measurements as MeasurementsInput).map((m) => `${m.name} ${m.text}${m.flagName ? ` ${m.flagName}` : ''}`).join('；') : '',
      ]),
      about,
    ),
    section('healthReads', ['时间', '谁', '身份'], oldestFirst(reads, (event) => event.at).map((event) => [time(event.at), event.actorName, roleNames[event.actorRole as keyof typeof roleNames] ?? event.actorRole]), about),
    section(
      'wishes',
      ['发布时间', '心愿', '类别', '状态', '认领的志愿者'],
      oldestFirst(wishes, (wish) => wish.postedAt).map((wish) => [time(wish.postedAt), wish.title, wishCategoryNames[wish.category], wishStatusNames[wish.status], wish.claimerName ?? '']),
      about,
    ),
    section(
      'alerts',
      ['时间', '状态', '谁按的', '谁来处理', '处理说明'],
      oldestFirst(alerts, (alert) => alert.raisedAt).map((alert) => [time(alert.raisedAt), alertStatusNames[alert.status], alert.raisedByName, alert.responderName ?? '', alert.note ?? '']),
      about,
    ),
    ...points,
  );
  return sections;
}

function dietaryText(dietary: ElderItem['dietary']): string {
  const needs = [dietary.lowSalt && '低盐', dietary.lowSugar && '低糖', dietary.softFood && '软食', dietary.allergies && `过敏：${dietary.allergies}`].filter(Boolean);
  return needs.length > 0 ? needs.join('、') : '没有特别要求';
}
