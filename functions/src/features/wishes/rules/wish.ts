import type { Sex, WishStatus } from '@yilin/contract';

/**
 * The life of a wish, as one table: which event moves it from which state to which. Anything else is
 * refused (409 TRANSITION_NOT_ALLOWED), whoever asks.
 */
export const wishEvents = ['publish', 'reject', 'withdraw', 'claim', 'release', 'expire', 'deliver', 'confirm'] as const;
export type WishEvent = (typeof wishEvents)[number];

const moves: Record<WishEvent, Partial<Record<WishStatus, WishStatus>>> = {
  publish: { pending: 'published' },
  reject: { pending: 'rejected' },
  withdraw: { pending: 'withdrawn', published: 'withdrawn' },
  claim: { published: 'claimed' },
  // Also after 我已办好, when it did not come: the claimer or a worker puts it back.
  release: { claimed: 'published', delivered: 'published' },
  expire: { claimed: 'published' },
  deliver: { claimed: 'delivered' },
  confirm: { delivered: 'realised' },
};

export function nextWishStatus(status: WishStatus, event: WishEvent): WishStatus | undefined {
  return moves[event][status];
}

/**
 * The wall's counts, as the community's poster shows them (收集 381 · 已实现 218 · 进行中 · 等认领).
 *
 * 收集 (collected) is every wish the community received: counted when it is posted, and kept whatever becomes
 * of it — waiting for review, rejected, on the wall, realised, withdrawn after it was on the wall — so the
 * figure only grows, as a neighbour reads 征集. The one wish that leaves it is one its poster took back before
 * the community reviewed it: a slip or a duplicate nobody acted on. 已实现 is realised; 进行中 claimed or
 * delivered; 等认领 on the wall now (the two together: published, claimed or delivered).
 */
export interface TallyChange {
  collected?: number;
  waiting?: number;
  inProgress?: number;
  realised?: number;
}

/** Whether a wish counts as collected, by its status and whether it was ever published (the rule above). */
export const isCollected = (status: WishStatus, everPublished: boolean) => status !== 'withdrawn' || everPublished;

const stage = (status: WishStatus): keyof TallyChange | undefined =>
  status === 'published' ? 'waiting' : status === 'claimed' || status === 'delivered' ? 'inProgress' : status === 'realised' ? 'realised' : undefined;

/** How posting a wish (`from` undefined) or a move changes the wall's counts: the stage it leaves and enters, and 收集. */
export function tallyChange(from: WishStatus | undefined, to: WishStatus): TallyChange {
  const change: TallyChange = {};
  const left = from && stage(from);
  const entered = stage(to);
  if (left !== entered) {
    if (left) change[left] = -1;
    if (entered) change[entered] = (change[entered] ?? 0) + 1;
  }
  if (from === undefined) change.collected = 1;
  else if (from === 'pending' && to === 'withdrawn') change.collected = -1;
  return change;
}

/** Statuses a volunteer who did not claim the wish may see it in: on the wall. */
export const onTheWall = (status: WishStatus) => status === 'published';

/** A wish is in someone's hands: claimed, or delivered and waiting for the elder's side. */
export const inHand = (status: WishStatus) => status === 'claimed' || status === 'delivered';

const compoundSurnames = ['欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '令狐', '慕容', '司徒', '夏侯', '尉迟', '长孙', '宇文', '公孙'];

/** What the wall calls an elder: the surname and 爷爷 or 奶奶 (老人家 when the register has no sex), never the name. */
export function elderDisplayOf(name: string, sex: Sex | undefined | null): string {
  const trimmed = name.trim();
  const surname = compoundSurnames.find((candidate) => trimmed.startsWith(candidate) && trimmed.length > candidate.length) ?? Array.from(trimmed)[0] ?? '';
  return `${surname}${sex === 'male' ? '爷爷' : sex === 'female' ? '奶奶' : '老人家'}`;
}
