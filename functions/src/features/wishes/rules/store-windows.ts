import { monthDayText, type RedemptionWindow, type RedemptionWindowState } from '@yilin/contract';

/**
 * When the points store is open. A community sets its own windows; without any, the store opens for the
 * last two weeks of each quarter (积分季度兑换), the way the village stores in the field do.
 */
export function quarterWindows(year: number): RedemptionWindow[] {
  return [
    { from: `${year}-03-18`, to: `${year}-03-31` },
    { from: `${year}-06-17`, to: `${year}-06-30` },
    { from: `${year}-09-17`, to: `${year}-09-30` },
    { from: `${year}-12-18`, to: `${year}-12-31` },
  ];
}

export const windowText = (window: RedemptionWindow) => `${monthDayText(window.from)} 至 ${monthDayText(window.to)}`;

/** The window open on `today`, or the next one; a community's own windows replace the quarters. */
export function redemptionWindowOn(today: string, own: readonly RedemptionWindow[]): RedemptionWindowState {
  const year = Number(today.slice(0, 4));
  const windows = (own.length ? [...own] : [...quarterWindows(year), ...quarterWindows(year + 1)]).sort((a, b) => a.from.localeCompare(b.from));
  const current = windows.find((window) => window.from <= today && today <= window.to);
  if (current) return { open: true, window: current, text: `兑换期 ${windowText(current)}，现在可以兑换` };
  const next = windows.find((window) => window.from > today);
  if (next) return { open: false, window: next, text: `现在不是兑换期。下次兑换：${windowText(next)}` };
  return { open: false, text: '现在不是兑换期，社区还没有定下次兑换的时间' };
}
