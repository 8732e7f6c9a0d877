import { ulid } from 'ulid';
import { addDays, relativeLabel, type Handover, type WishCategory, type WishSettingsInput } from '@yilin/contract';
import { businessDate, clock, epochSeconds, instantOf, isoNow } from '../platform/clock';
import { recordAudit, subjectOf, type Actor, type AuditRecord } from '../store/audit';
import { entriesOf, move } from '../store/ledger';
import { writeTogether, type Part, type Written } from '../store/transactions';
import { getElder } from '../features/people/data/elders';
import { getVolunteer } from '../features/people/data/volunteers';
import {
  annotateWish,
  changeWish,
  DEFAULT_WISH_SETTINGS,
  holdClaim,
  pointsAccount,
  postWish,
  redemptionRef,
  redemptionsOfHolder,
  saveWishSettings,
  scorePart,
  settleRedemption,
  stockAccount,
  storeItemsOf,
  wishesOfElder,
  wishSettingsOf,
  wishSubject,
  type WishChange,
} from '../features/wishes/data';
import { WishSettings, type StoreItemItem, type WishItem } from '../features/wishes/entities';
import { elderDisplayOf } from '../features/wishes/rules/wish';
import { redemptionWindowOn } from '../features/wishes/rules/store-windows';
import { demoBindings, demoCommunities, demoStaff } from './demo-data';

/**
 * The demo's micro-wishes and points at 学院路社区, written with the feature's own transactions so the wall's
 * counts, the timelines, the ledgers and the leaderboard agree: 王秀英's son has asked for reading glasses
 * (waiting for review); 李建国's and 东风社区 孙玉珍's wishes are on the wall; 黄丽华 (党员) has claimed
 * 王秀英's haircut, fixed 张桂兰's lights (waiting for her to confirm) and realised two wishes, one thanked
 * for; 张桂兰's fridge was not taken on, with the reason. The store is open, 黄丽华 has a bag of noodles
 * collected and a bottle of detergent waiting at the centre, and she leads this month's leaderboard over 刘洋.
 */

const COMMUNITY = 'demo-comm-xueyuan';
const HUANG = 'demo-volunteer-huang';
const LIU = 'demo-volunteer-liu';

const worker = (communityId: string): Actor => {
  const user = demoStaff.find((staff) => staff.role === 'worker' && staff.communityId === communityId)!;
  return { userId: user.userId, name: user.name, role: 'worker' };
};

/** The demo's rules: the store open from three days ago for a fortnight, elders welcome to redeem. */
export function demoWishSettings(today = businessDate()): WishSettingsInput {
  return { ...DEFAULT_WISH_SETTINGS, eldersRedeem: true, redemptionWindows: [{ from: addDays(today, -3), to: addDays(today, 11) }] };
}

/** An instant `daysAgo` days before today at a local time (today's, if still to come, is now). */
const dayAt = (daysAgo: number, time: string) => new Date(Math.min(instantOf(addDays(businessDate(), -daysAgo), time).getTime(), clock.now().getTime()));

/**
 * Points move within this month, so the month's leaderboard shows them whatever the day: an instant before
 * the month began is moved to its first morning, keeping the order of the instants moved.
 */
function inThisMonth(instant: Date): string {
  const start = instantOf(`${businessDate().slice(0, 7)}-01`, '08:00').getTime();
  const week = 7 * 24 * 3600 * 1000;
  const moved = instant.getTime() >= start ? instant.getTime() : start + ((instant.getTime() - start + week) / week) * 60_000;
  return new Date(Math.min(moved, clock.now().getTime())).toISOString();
}

/** A demo write that does not go through is a mistake in the demo: say which. */
function written(what: string, outcome: Written<string>): void {
  if (!outcome.written) throw new Error(`The demo's ${what} could not be written: ${outcome.failed.join(',')}`);
}

/** An audit event of the demo, with an id of its own moment (events are read in id order). */
const eventAt = (at: string) => ({ at, eventId: ulid(Date.parse(at)) });

interface DemoWish {
  elderId: string;
  title: string;
  story: string;
  category: WishCategory;
  valueFen: number;
  handover: Handover;
  /** Who wrote it down: the elder, their relative, or the community's worker. */
  postedBy: 'elder' | 'family' | 'worker';
  /** Days ago of each step taken (all before today, or today). */
  posted: number;
  reviewed?: number;
  rejectReason?: string;
  claimed?: number;
  delivered?: { daysAgo: number; message: string };
  realised?: number;
  thanks?: string;
}

const demoWishes: DemoWish[] = [
  {
    elderId: 'demo-elder-wang', title: '想要一副老花镜', category: 'goods', valueFen: 50_00, handover: 'centre', postedBy: 'family', posted: 0,
    story: '我妈眼睛花得厉害，看电视、看药盒上的字都费劲，原来那副老花镜腿断了。想请志愿者帮忙配一副 300 度左右的。',
  },
  {
    elderId: 'demo-elder-li', title: '想有人陪我去医院复查', category: 'company', valueFen: 0, handover: 'centre', postedBy: 'elder', posted: 3, reviewed: 2,
    story: '下个月要去县人民医院复查血糖，女婿在外地工作，想有人陪我挂号、排队、取报告。',
  },
  {
    elderId: 'demo-elder-sun', title: '想要一个收音机听戏', category: 'goods', valueFen: 100_00, handover: 'centre', postedBy: 'worker', posted: 5, reviewed: 5,
    story: '腿脚不好出不了门，白天一个人在家，想听听花鼓戏、听听新闻。',
  },
  {
    elderId: 'demo-elder-wang', title: '想请人上门理个发', category: 'service', valueFen: 0, handover: 'home', postedBy: 'family', posted: 6, reviewed: 5, claimed: 4,
    story: '老人腿脚不方便，下不了楼，头发长了好久没理，想请会理发的志愿者上门剪一剪。',
  },
  {
    elderId: 'demo-elder-zhang', title: '家里灯泡坏了，想请人换一下', category: 'service', valueFen: 20_00, handover: 'home', postedBy: 'elder', posted: 9, reviewed: 8, claimed: 6,
    delivered: { daysAgo: 1, message: '厨房和卫生间的灯泡都换成了节能灯，开关试过了，都亮。' },
    story: '厨房和卫生间的灯泡都坏了，我一个人爬不上去，晚上上厕所只能摸黑。',
  },
  {
    elderId: 'demo-elder-wang', title: '想有人陪我聊聊天', category: 'company', valueFen: 0, handover: 'home', postedBy: 'elder', posted: 12, reviewed: 11, claimed: 10,
    delivered: { daysAgo: 4, message: '陪奶奶聊了一下午，一起翻了老照片，奶奶讲了好多年轻时候的事。' }, realised: 3,
    thanks: '谢谢小黄陪我说了一下午的话，心里敞亮多了，有空常来坐坐！',
    story: '儿子在外地工作，平时一个人在家，想有人来陪我说说话。',
  },
  {
    elderId: 'demo-elder-li', title: '想要一个血压计', category: 'goods', valueFen: 120_00, handover: 'centre', postedBy: 'family', posted: 14, reviewed: 13, claimed: 12,
    delivered: { daysAgo: 4, message: '电子血压计已送到社区服务站，说明书上标好了大字，教爷爷量过两次了。' }, realised: 2,
    story: '医生让每天早晚量血压，家里没有血压计，去社区卫生站量不方便。',
  },
  {
    elderId: 'demo-elder-zhang', title: '想要一台新冰箱', category: 'goods', valueFen: 280_00, handover: 'home', postedBy: 'elder', posted: 7, reviewed: 6,
    rejectReason: '冰箱价值较高，已帮您报名街道的以旧换新补贴，工作人员会上门联系',
    story: '家里的冰箱用了快二十年，不怎么制冷了，夏天剩菜放不住。',
  },
];

function posterOf(wish: DemoWish, elder: { name: string; communityId: string }): Actor {
  if (wish.postedBy === 'elder') return { userId: wish.elderId, name: elder.name, role: 'elder' };
  if (wish.postedBy === 'worker') return worker(elder.communityId);
  const binding = demoBindings.find((one) => one.elderId === wish.elderId)!;
  return { userId: binding.familyId, name: relativeLabel(binding.familyName, binding.relation), role: 'family' };
}

/** A wish through every step it took, each step the feature's own transaction with its event. */
async function writeDemoWish(demo: DemoWish, claimDays: number, pointsPerWish: number): Promise<void> {
  const elder = (await getElder(demo.elderId))!;
  const community = demoCommunities.find((one) => one.communityId === elder.communityId)!;
  const poster = posterOf(demo, elder);
  const postedAt = dayAt(demo.posted, '09:30').toISOString();
  let wish: WishItem = {
    wishId: ulid(Date.parse(postedAt)), elderId: elder.elderId, elderName: elder.name, elderDisplay: elderDisplayOf(elder.name, elder.sex),
    communityId: community.communityId, centreId: community.centreId, countyId: community.countyId, status: 'pending', title: demo.title,
    story: demo.story, category: demo.category, valueFen: demo.valueFen, handover: demo.handover, postedBy: poster.userId, postedAt, version: 1, updatedAt: postedAt,
    // A home handover was agreed by the elder, or confirmed for her by whoever wrote it down.
    ...(demo.handover === 'home' ? { addressAgreedBy: poster.userId, addressAgreedByName: poster.name, addressAgreedAt: postedAt } : {}),
  };
  const posted = await postWish(wish, { scope: 'demo', key: `wish-${wish.wishId}`, fingerprint: wish.wishId }, epochSeconds(clock.now()), {
    subject: wishSubject(wish.wishId), concerns: elder.elderId, action: 'wish.posted', by: poster, ...eventAt(postedAt),
    changes: [{ field: 'status', after: 'pending' }, { field: 'title', after: demo.title }, ...(demo.handover === 'home' ? [{ field: 'addressAgreedBy', after: poster.name }] : [])],
  });
  written(`wish ${demo.title}`, posted);

  const step = async (to: WishItem['status'], at: string, action: string, by: Actor, changes: AuditRecord['changes'], change: WishChange = {}) => {
    const outcome = await changeWish(wish, to, { action, by, ...eventAt(at), changes: [{ field: 'status', before: wish.status, after: to }, ...changes] }, change);
    written(`wish ${demo.title} (${to})`, outcome);
    wish = { ...wish, ...change.set, status: to, version: wish.version + 1, updatedAt: at };
  };
  if (demo.reviewed === undefined) return;
  const reviewer = worker(community.communityId);
  const reviewedAt = dayAt(demo.reviewed, '14:00').toISOString();
  if (demo.rejectReason) {
    await step('rejected', reviewedAt, 'wish.rejected', reviewer, [{ field: 'rejectReason', after: demo.rejectReason }], { set: { rejectReason: demo.rejectReason } });
    return;
  }
  await step('published', reviewedAt, 'wish.published', reviewer, []);
  if (demo.claimed === undefined) return;
  const volunteer = (await getVolunteer(HUANG))!;
  const claimant: Actor = { userId: volunteer.userId, name: volunteer.name, role: 'volunteer' };
  const claimedAt = dayAt(demo.claimed, '19:20');
  const claimDeadline = new Date(claimedAt.getTime() + claimDays * 24 * 3600 * 1000).toISOString();
  await step('claimed', claimedAt.toISOString(), 'wish.claimed', claimant, [{ field: 'claimDeadline', after: claimDeadline }], {
    set: { claimerId: volunteer.userId, claimerName: volunteer.name, claimerPartyMember: volunteer.partyMember, claimedAt: claimedAt.toISOString(), claimDeadline },
    parts: { link: holdClaim(volunteer.userId, wish.wishId, claimedAt.toISOString()) },
  });
  if (!demo.delivered) return;
  const deliveredAt = dayAt(demo.delivered.daysAgo, '16:10').toISOString();
  await step('delivered', deliveredAt, 'wish.delivered', claimant, [{ field: 'message', after: demo.delivered.message }], {
    set: { deliveredAt, deliveryMessage: demo.delivered.message },
  });
  if (demo.realised === undefined) return;
  const realisedAt = inThisMonth(dayAt(demo.realised, '10:00'));
  const confirmer = demo.postedBy === 'family' ? poster : { userId: elder.elderId, name: elder.name, role: 'elder' };
  const earning = move({ account: pointsAccount(volunteer.userId), entryId: ulid(Date.parse(realisedAt)), amount: pointsPerWish, reason: `实现心愿“${wish.title}”`, ref: `wish#${wish.wishId}`, at: realisedAt });
  await step('realised', realisedAt, 'wish.realised', confirmer, [{ field: 'points', after: String(pointsPerWish) }], {
    set: { realisedAt, points: pointsPerWish },
    parts: { entry: earning.entry, balance: earning.balance, score: scoreOf(volunteer, realisedAt, pointsPerWish) },
  });
  if (!demo.thanks) return;
  const thanksAt = inThisMonth(dayAt(demo.realised, '18:30'));
  const thanked = await annotateWish(wish, { thanksMessage: demo.thanks, thanksAt, thanksByName: confirmer.name }, { action: 'wish.thanked', by: confirmer, ...eventAt(thanksAt), changes: [{ field: 'thanks', after: demo.thanks }] }, 'no-thanks');
  written(`thanks for ${demo.title}`, thanked);
}

const scoreOf = (volunteer: { userId: string; name: string; communityId: string; partyMember: boolean }, at: string, points: number): Part =>
  scorePart({ communityId: volunteer.communityId, month: businessDate(new Date(at)).slice(0, 7), holderId: volunteer.userId, name: volunteer.name, partyMember: volunteer.partyMember, points });

/** Shelf stock as it stands once the demo's two redemptions took their piece. */
const demoStoreItems = [
  { name: '洗衣液', description: '2 公斤装，薰衣草香', pricePoints: 20, stock: 9 },
  { name: '挂面', description: '1 公斤装，鸡蛋挂面', pricePoints: 10, stock: 21 },
  { name: '老花镜', description: '可选 150 到 300 度，可以到服务站试戴', pricePoints: 50, stock: 2 },
  { name: '电饭煲', description: '3 升，一键煮饭，按键大字', pricePoints: 200, stock: 0 },
];

/** Points for volunteer hours a worker recorded, as the feature's grant writes them. */
const demoGrants = [
  { holderId: HUANG, daysAgo: 4, hours: 2, points: 20, reason: '在社区长者食堂帮厨，打扫卫生、包饺子' },
  { holderId: LIU, daysAgo: 3, hours: 1.5, points: 15, reason: '陪社区老人做健康体检' },
];

async function writeDemoGrant(grant: (typeof demoGrants)[number]): Promise<void> {
  const volunteer = (await getVolunteer(grant.holderId))!;
  const at = inThisMonth(dayAt(grant.daysAgo, '17:00'));
  const entryId = ulid(Date.parse(at));
  const note = `${grant.reason}（${grant.hours} 小时）`;
  const movement = move({ account: pointsAccount(volunteer.userId), entryId, amount: grant.points, reason: note, ref: `hours#${entryId}`, at });
  written(`grant to ${volunteer.name}`, await writeTogether({
    entry: movement.entry,
    balance: movement.balance,
    score: scoreOf(volunteer, at, grant.points),
    audit: recordAudit({
      subject: subjectOf('points', volunteer.userId), concerns: volunteer.userId, action: 'points.hours', by: worker(volunteer.communityId), ...eventAt(at),
      changes: [{ field: 'points', after: String(grant.points) }, { field: 'reason', after: note }],
    }),
  }));
}

async function writeDemoStoreItem(item: (typeof demoStoreItems)[number], at: string): Promise<void> {
  const itemId = ulid(Date.parse(at));
  const stock = item.stock > 0 ? move({ account: stockAccount(itemId), entryId: ulid(Date.parse(at)), amount: item.stock, reason: '上架', at }) : undefined;
  const { stock: _stock, ...fields } = item;
  written(`store item ${item.name}`, await writeTogether({
    item: ({ StoreItem: items }) => items.create({ communityId: COMMUNITY, itemId, ...fields, active: true, updatedBy: worker(COMMUNITY).userId, updatedAt: at }).commit(),
    stockEntry: stock?.entry,
    stockBalance: stock?.balance,
  }));
}

/** 黄丽华 spends her points as the store's redemption does; one is handed over the next day. */
async function writeDemoRedemption(item: StoreItemItem, at: string, handedAt?: string): Promise<void> {
  const volunteer = (await getVolunteer(HUANG))!;
  const redemption = {
    redemptionId: ulid(Date.parse(at)), communityId: item.communityId, holderId: volunteer.userId, holderName: volunteer.name, itemId: item.itemId,
    itemName: item.name, pricePoints: item.pricePoints, status: 'waiting' as const, createdAt: at, updatedAt: at,
  };
  const spent = move({ account: pointsAccount(volunteer.userId), entryId: ulid(Date.parse(at)), amount: -item.pricePoints, reason: `兑换“${item.name}”`, ref: redemptionRef(redemption.redemptionId), at });
  const taken = move({ account: stockAccount(item.itemId), entryId: ulid(Date.parse(at)), amount: -1, reason: `${volunteer.name}兑换`, ref: redemptionRef(redemption.redemptionId), at });
  written(`redemption of ${item.name}`, await writeTogether({
    pointsEntry: spent.entry, points: spent.balance, stockEntry: taken.entry, stock: taken.balance,
    redemption: ({ Redemption: redemptions }) => redemptions.create(redemption).commit(),
  }));
  if (!handedAt) return;
  const by = worker(item.communityId);
  written(`hand-over of ${item.name}`, await writeTogether({
    redemption: settleRedemption(redemption, { status: 'handed', handedAt, handedByName: by.name, updatedAt: handedAt }),
    audit: recordAudit({
      subject: subjectOf('redemption', redemption.redemptionId), concerns: volunteer.userId, action: 'redemption.handed', by, ...eventAt(handedAt),
      changes: [{ field: 'status', before: 'waiting', after: 'handed' }],
    }),
  }));
}

/**
 * Writes what is missing of the above: each wish unless its elder has one of that title, the store's items
 * unless one of that name is on the shelf, the grants and redemptions unless 黄丽华 has any. A store whose
 * windows have all passed (data kept from weeks ago) gets a new one from today.
 */
export async function ensureDemoWishes(): Promise<void> {
  const { data: rules } = await WishSettings.get({ communityId: COMMUNITY }).go();
  if (!rules) await saveWishSettings(COMMUNITY, demoWishSettings(), worker(COMMUNITY), isoNow());
  else if (!redemptionWindowOn(businessDate(), rules.redemptionWindows).window) {
    await saveWishSettings(COMMUNITY, { ...(await wishSettingsOf(COMMUNITY)), redemptionWindows: demoWishSettings().redemptionWindows }, worker(COMMUNITY), isoNow());
  }
  const settings = await wishSettingsOf(COMMUNITY);
  for (const demo of demoWishes) {
    if ((await wishesOfElder(demo.elderId)).some((wish) => wish.title === demo.title)) continue;
    await writeDemoWish(demo, settings.claimDays, settings.pointsPerWish);
  }

  const shelf = await storeItemsOf(COMMUNITY);
  for (const [index, item] of demoStoreItems.entries()) {
    if (!shelf.some((one) => one.name === item.name)) await writeDemoStoreItem(item, dayAt(5, `10:0${index}`).toISOString());
  }
  if (!(await entriesOf(pointsAccount(HUANG))).some((entry) => entry.ref?.startsWith('hours#'))) {
    for (const grant of demoGrants) await writeDemoGrant(grant);
  }
  if ((await redemptionsOfHolder(HUANG)).length) return;
  const items = await storeItemsOf(COMMUNITY);
  const named = (name: string) => items.find((item) => item.name === name)!;
  await writeDemoRedemption(named('挂面'), inThisMonth(dayAt(2, '15:00')), inThisMonth(dayAt(1, '10:00')));
  await writeDemoRedemption(named('洗衣液'), inThisMonth(dayAt(1, '16:00')));
}
