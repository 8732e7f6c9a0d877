import { ulid } from 'ulid';
import type {
  AddStoreItemInput,
  RedeemInput,
  RedemptionResponse,
  RedemptionsPage,
  RedemptionStatus,
  RestockInput,
  StoreItemInput,
  StoreItemView,
  StoreResponse,
} from '@yilin/contract';
import { may, relationTo } from '../../access/policy';
import { businessDate, clock, epochSeconds, isoNow } from '../../platform/clock';
import { conflict, forbidden, notFound } from '../../platform/errors';
import type { Session } from '../../platform/session-token';
import { recordAudit, subjectOf, type Actor, type FieldChange } from '../../store/audit';
import { callerClaim, earlierResult, rememberRequest } from '../../store/idempotency';
import { balanceOf, move } from '../../store/ledger';
import { writeTogether } from '../../store/transactions';
import { eldersBoundTo } from '../people/data/bindings';
import { volunteerNotClosing } from '../people/data/volunteers';
import { accountClosing } from '../people/volunteers';
import { getElder } from '../people/data/elders';
import { actorOf } from '../people/actors';
import { communityInfo } from '../people/places';
import { balancesOf, getRedemption, getStoreItem, pointsAccount, redemptionRef, redemptionsOfCommunity, settleRedemption, stockAccount, storeItemsOf, wishSettingsOf } from './data';
import type { RedemptionItem, StoreItemItem } from './entities';
import { loadHolderFor } from './holders';
import { assertCommunityAccess } from './review';
import { redemptionWindowOn } from './rules/store-windows';
import { redemptionView, storeItemView } from './views';

/**
 * The community's points store (积分超市): items with a points price and a stock kept as a ledger, open in
 * redemption windows. A redemption takes the points and one piece of stock in one transaction, so neither
 * is ever spent twice, and waits at the centre until a worker hands it over or it is cancelled.
 */

const itemNotFound = () => notFound('STORE_ITEM_NOT_FOUND', '没有找到这件物品，可能已经下架了。');
const redemptionNotFound = () => notFound('REDEMPTION_NOT_FOUND', '没有找到这次兑换。');

/** An elder, or a relative of an elder, of the community: the store is theirs too. */
async function mayOpenStore(session: Session, communityId: string): Promise<void> {
  if (session.role === 'elder' || session.role === 'family') {
    const elderIds = session.role === 'elder' ? [session.userId] : (await eldersBoundTo(session.userId)).map((binding) => binding.elderId);
    const elders = await Promise.all(elderIds.map((elderId) => getElder(elderId)));
    const own = elders.find((elder) => elder?.communityId === communityId);
    if (own && may('community.store', relationTo(session, { elderId: own.elderId, communityId }, session.role === 'family'))) return;
    throw forbidden('NOT_YOUR_COMMUNITY', '这是别的社区的积分超市。');
  }
  await assertCommunityAccess(session, communityId, 'community.store');
}

async function itemViews(items: StoreItemItem[]): Promise<StoreItemView[]> {
  const stock = await balancesOf(items.map((item) => stockAccount(item.itemId)));
  return items.map((item) => storeItemView(item, stock.get(stockAccount(item.itemId)) ?? 0));
}

export async function store(session: Session, communityId: string): Promise<StoreResponse> {
  await mayOpenStore(session, communityId);
  const [items, settings, community] = await Promise.all([storeItemsOf(communityId), wishSettingsOf(communityId), communityInfo(communityId)]);
  const shown = session.role === 'worker' || session.role === 'admin' ? items : items.filter((item) => item.active);
  return {
    communityId,
    communityName: community?.name ?? '',
    items: (await itemViews(shown)).sort((a, b) => a.pricePoints - b.pricePoints || a.name.localeCompare(b.name, 'zh')),
    redemption: redemptionWindowOn(businessDate(), settings.redemptionWindows),
    eldersRedeem: settings.eldersRedeem,
  };
}

/** Every change of a store item by a worker is an event of the item, kept with the community's records. */
const itemEvent = (communityId: string, itemId: string, action: string, by: Actor, at: string, changes: FieldChange[]) =>
  recordAudit({ subject: subjectOf('store-item', itemId), concerns: communityId, action, by, at, changes });

async function itemView(communityId: string, itemId: string): Promise<StoreItemView> {
  const item = await getStoreItem(communityId, itemId);
  if (!item) throw itemNotFound();
  return storeItemView(item, await balanceOf(stockAccount(itemId)));
}

/** A new item with its first stock; a retried submission adds it once. */
export async function addItem(session: Session, communityId: string, input: AddStoreItemInput): Promise<StoreItemView> {
  await assertCommunityAccess(session, communityId, 'community.runWishes');
  const claim = callerClaim(session.userId, input.idempotencyKey, ['points.add-item', communityId, input.name, input.description, input.pricePoints, input.active, input.stock]);
  const earlier = await earlierResult(claim);
  if (earlier) return itemView(communityId, earlier);
  const at = isoNow();
  const itemId = ulid();
  const by = await actorOf(session);
  const stock = input.stock > 0 ? move({ account: stockAccount(itemId), entryId: ulid(), amount: input.stock, reason: '上架', at }) : undefined;
  const outcome = await writeTogether({
    item: ({ StoreItem: items }) =>
      items.create({ communityId, itemId, name: input.name, description: input.description, pricePoints: input.pricePoints, active: input.active, updatedBy: session.userId, updatedAt: at }).commit(),
    stockEntry: stock?.entry,
    stockBalance: stock?.balance,
    request: rememberRequest(claim, itemId, epochSeconds(clock.now())),
    audit: itemEvent(communityId, itemId, 'storeItem.add', by, at, [
      { field: 'name', after: input.name },
      { field: 'pricePoints', after: String(input.pricePoints) },
      { field: 'stock', after: String(input.stock) },
    ]),
  });
  if (!outcome.written) {
    if (outcome.failed.includes('request')) return itemView(communityId, (await earlierResult(claim))!);
    throw new Error(`A new store item could not be written: ${outcome.failed.join(',')}`);
  }
  return itemView(communityId, itemId);
}

export async function updateItem(session: Session, communityId: string, itemId: string, input: StoreItemInput): Promise<StoreItemView> {
  await assertCommunityAccess(session, communityId, 'community.runWishes');
  const item = await getStoreItem(communityId, itemId);
  if (!item) throw itemNotFound();
  const at = isoNow();
  const changes = (Object.keys(input) as Array<keyof StoreItemInput>)
    .filter((field) => input[field] !== item[field])
    .map((field) => ({ field, before: String(item[field]), after: String(input[field]) }));
  await writeTogether({
    item: ({ StoreItem: items }) => items.patch({ communityId, itemId }).set({ ...input, updatedBy: session.userId, updatedAt: at }).commit(),
    audit: changes.length ? itemEvent(communityId, itemId, 'storeItem.update', await actorOf(session), at, changes) : undefined,
  });
  return itemView(communityId, itemId);
}

/** More stock (or less, counted wrong) with a reason; stock never goes below zero. */
export async function restock(session: Session, communityId: string, itemId: string, input: RestockInput): Promise<StoreItemView> {
  await assertCommunityAccess(session, communityId, 'community.runWishes');
  if (!(await getStoreItem(communityId, itemId))) throw itemNotFound();
  const claim = callerClaim(session.userId, input.idempotencyKey, ['points.restock', communityId, itemId, input.count, input.reason]);
  if (await earlierResult(claim)) return itemView(communityId, itemId);
  const entryId = ulid();
  const at = isoNow();
  const stock = move({ account: stockAccount(itemId), entryId, amount: input.count, reason: input.reason, at });
  const outcome = await writeTogether({
    stockEntry: stock.entry,
    stockBalance: stock.balance,
    request: rememberRequest(claim, entryId, epochSeconds(clock.now())),
    audit: itemEvent(communityId, itemId, 'storeItem.restock', await actorOf(session), at, [{ field: 'stock', after: String(input.count) }, { field: 'reason', after: input.reason }]),
  });
  if (!outcome.written && !outcome.failed.includes('request')) {
    const left = await balanceOf(stockAccount(itemId));
    throw conflict('STOCK_TOO_LOW', `库存只有 ${left} 件，不能减去 ${-input.count} 件。`, { stock: left });
  }
  return itemView(communityId, itemId);
}

async function redemptionAnswer(redemptionId: string, replayed?: true): Promise<RedemptionResponse> {
  const redemption = await getRedemption(redemptionId);
  if (!redemption) throw redemptionNotFound();
  return { redemption: redemptionView(redemption), balance: await balanceOf(pointsAccount(redemption.holderId)), ...(replayed ? { replayed } : {}) };
}

/**
 * Redeeming: the points and one piece of stock are taken with the redemption and its event (who redeemed
 * what, for whom: a relative may redeem for the elder), in one transaction, only while the balance and the
 * stock cover them and the item is as the holder saw it. Outside a window, the next window's dates are given.
 */
export async function redeem(session: Session, holderId: string, input: RedeemInput): Promise<RedemptionResponse> {
  const holder = await loadHolderFor(session, holderId, 'points.spend');
  const claim = callerClaim(session.userId, input.idempotencyKey, ['points.redeem', holderId, input.itemId]);
  const earlier = await earlierResult(claim);
  if (earlier) return redemptionAnswer(earlier, true);
  const [item, settings] = await Promise.all([getStoreItem(holder.communityId, input.itemId), wishSettingsOf(holder.communityId)]);
  if (!item) throw itemNotFound();
  if (!item.active) throw conflict('STORE_ITEM_OFF_SHELF', `“${item.name}”已经下架了，请换一件。`);
  if (holder.kind === 'elder' && !settings.eldersRedeem) throw conflict('ELDERS_CANNOT_REDEEM', '本社区的积分超市现在只给志愿者兑换。长辈的积分请问问社区工作者怎么用。');
  const window = redemptionWindowOn(businessDate(), settings.redemptionWindows);
  if (!window.open) throw conflict('STORE_CLOSED', window.text, window.window ? { next: window.window } : undefined);
  const at = isoNow();
  const by = await actorOf(session, holder.binding?.relation);
  const redemption: RedemptionItem = {
    redemptionId: ulid(),
    communityId: holder.communityId,
    holderId,
    holderName: holder.name,
    itemId: item.itemId,
    itemName: item.name,
    pricePoints: item.pricePoints,
    status: 'waiting',
    createdAt: at,
    updatedAt: at,
  };
  const spent = move({ account: pointsAccount(holderId), entryId: ulid(), amount: -item.pricePoints, reason: `兑换“${item.name}”`, ref: redemptionRef(redemption.redemptionId), at });
  const taken = move({ account: stockAccount(item.itemId), entryId: ulid(), amount: -1, reason: `${holder.name}兑换`, ref: redemptionRef(redemption.redemptionId), at });
  const outcome = await writeTogether({
    item: ({ StoreItem: items }) =>
      items
        .check({ communityId: item.communityId, itemId: item.itemId })
        .where((attr, op) => `${op.eq(attr.active, true)} AND ${op.eq(attr.pricePoints, item.pricePoints)}`)
        .commit(),
    volunteer: holder.kind === 'volunteer' ? volunteerNotClosing(holderId, clock.now()) : undefined,
    pointsEntry: spent.entry,
    points: spent.balance,
    stockEntry: taken.entry,
    stock: taken.balance,
    redemption: ({ Redemption: redemptions }) => redemptions.create(redemption).commit(),
    request: rememberRequest(claim, redemption.redemptionId, epochSeconds(clock.now())),
    audit: recordAudit({
      subject: subjectOf('redemption', redemption.redemptionId),
      concerns: holderId,
      action: 'redemption.redeemed',
      by,
      at,
      changes: [{ field: 'status', after: 'waiting' }, { field: 'item', after: item.name }, { field: 'pricePoints', after: String(item.pricePoints) }],
    }),
  });
  if (!outcome.written) {
    if (outcome.failed.includes('request')) return redemptionAnswer((await earlierResult(claim))!, true);
    if (outcome.failed.includes('volunteer')) throw accountClosing();
    if (outcome.failed.includes('item')) throw conflict('STORE_ITEM_OFF_SHELF', `“${item.name}”刚刚有变动（下架或改了积分），请刷新后再看。`);
    if (outcome.failed.includes('points')) {
      const balance = await balanceOf(pointsAccount(holderId));
      throw conflict('POINTS_NOT_ENOUGH', `积分不够：“${item.name}”要 ${item.pricePoints} 分，现在有 ${balance} 分。`, { balance });
    }
    throw conflict('OUT_OF_STOCK', `“${item.name}”刚刚换完了，请换一件，或等社区补货。`);
  }
  return redemptionAnswer(redemption.redemptionId);
}

export async function communityRedemptions(session: Session, communityId: string, status: RedemptionStatus | undefined, cursor: string | undefined): Promise<RedemptionsPage> {
  await assertCommunityAccess(session, communityId, 'community.readWishes');
  const page = await redemptionsOfCommunity(communityId, status, cursor, 50);
  return { items: page.items.map(redemptionView), cursor: page.cursor };
}

/** A worker of the redemption's community, or (for cancelling) its holder's side; anyone else is told it does not exist. */
async function loadRedemptionFor(session: Session, redemptionId: string, holderMay: boolean): Promise<RedemptionItem> {
  const redemption = await getRedemption(redemptionId);
  if (!redemption) throw redemptionNotFound();
  const community = await communityInfo(redemption.communityId);
  const worker = may('redemption.handle', relationTo(session, { communityId: redemption.communityId, centreId: community?.centreId, countyId: community?.countyId }, false));
  if (worker) return redemption;
  if (holderMay && session.role !== 'worker') {
    await loadHolderFor(session, redemption.holderId, 'points.spend').catch(() => {
      throw redemptionNotFound();
    });
    return redemption;
  }
  throw redemptionNotFound();
}

/** After a write that found the redemption no longer waiting: done by someone else at the same moment, or refused. */
async function settledAs(redemptionId: string, status: RedemptionItem['status']): Promise<void> {
  const now = await getRedemption(redemptionId);
  if (now?.status === status) return;
  throw conflict('TRANSITION_NOT_ALLOWED', now?.status === 'handed' ? '东西已经领走了，不能取消。' : '这次兑换已经取消了，不能再领取。');
}

export async function handOver(session: Session, redemptionId: string): Promise<RedemptionResponse> {
  const redemption = await loadRedemptionFor(session, redemptionId, false);
  if (redemption.status === 'handed') return redemptionAnswer(redemptionId);
  if (redemption.status !== 'waiting') throw conflict('TRANSITION_NOT_ALLOWED', '这次兑换已经取消了，不能再领取。');
  const by = await actorOf(session);
  const at = isoNow();
  const outcome = await writeTogether({
    redemption: settleRedemption(redemption, { status: 'handed', handedAt: at, handedByName: by.name, updatedAt: at }),
    audit: recordAudit({ subject: subjectOf('redemption', redemptionId), concerns: redemption.holderId, action: 'redemption.handed', by, at, changes: [{ field: 'status', before: 'waiting', after: 'handed' }] }),
  });
  if (!outcome.written) await settledAs(redemptionId, 'handed');
  return redemptionAnswer(redemptionId);
}

/** Cancelled while waiting: the points go back to the holder and the piece back to the stock. */
export async function cancelRedemption(session: Session, redemptionId: string): Promise<RedemptionResponse> {
  const redemption = await loadRedemptionFor(session, redemptionId, true);
  if (redemption.status === 'cancelled') return redemptionAnswer(redemptionId);
  if (redemption.status !== 'waiting') throw conflict('TRANSITION_NOT_ALLOWED', '东西已经领走了，不能取消。');
  const by = await actorOf(session);
  const at = isoNow();
  const reason = session.role === 'worker' ? `社区取消（${by.name}）` : '自己取消';
  const refund = move({ account: pointsAccount(redemption.holderId), entryId: ulid(), amount: redemption.pricePoints, reason: `取消兑换“${redemption.itemName}”`, ref: `refund#${redemptionId}`, at });
  const back = move({ account: stockAccount(redemption.itemId), entryId: ulid(), amount: 1, reason: '兑换取消，放回', ref: `refund#${redemptionId}`, at });
  const outcome = await writeTogether({
    redemption: settleRedemption(redemption, { status: 'cancelled', cancelledAt: at, cancelReason: reason, updatedAt: at }),
    pointsEntry: refund.entry,
    points: refund.balance,
    stockEntry: back.entry,
    stock: back.balance,
    audit: recordAudit({ subject: subjectOf('redemption', redemptionId), concerns: redemption.holderId, action: 'redemption.cancelled', by, at, changes: [{ field: 'status', before: 'waiting', after: 'cancelled' }] }),
  });
  if (!outcome.written) await settledAs(redemptionId, 'cancelled');
  return redemptionAnswer(redemptionId);
}
