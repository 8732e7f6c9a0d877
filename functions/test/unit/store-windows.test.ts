import type { RedemptionWindow } from '@yilin/contract';
import { redemptionWindowOn } from '../../src/features/wishes/rules/store-windows';

/** Without windows of its own, a community's store opens for the last two weeks of each quarter. */
describe('the default quarter windows', () => {
  test.each([
    ['2026-03-18', { from: '2026-03-18', to: '2026-03-31' }],
    ['2026-03-31', { from: '2026-03-18', to: '2026-03-31' }],
    ['2026-06-20', { from: '2026-06-17', to: '2026-06-30' }],
    ['2026-09-17', { from: '2026-09-17', to: '2026-09-30' }],
    ['2026-12-20', { from: '2026-12-18', to: '2026-12-31' }],
    ['2026-12-31', { from: '2026-12-18', to: '2026-12-31' }],
  ])('on %s the store is open in the window %j', (today, window) => {
    const state = redemptionWindowOn(today, []);
    expect(state).toEqual({ open: true, window, text: expect.stringContaining('现在可以兑换') });
  });

  test('the text names the window open now in Chinese dates', () => {
    expect(redemptionWindowOn('2026-12-20', []).text).toBe('兑换期 12月18日 至 12月31日，现在可以兑换');
  });

  test('the day before a window is closed and names that window as the next one', () => {
    expect(redemptionWindowOn('2026-12-17', [])).toEqual({
      open: false,
      window: { from: '2026-12-18', to: '2026-12-31' },
      text: '现在不是兑换期。下次兑换：12月18日 至 12月31日',
    });
  });

  test('the day after a window is closed and names the next quarter’s window', () => {
    expect(redemptionWindowOn('2026-04-01', [])).toEqual({
      open: false,
      window: { from: '2026-06-17', to: '2026-06-30' },
      text: '现在不是兑换期。下次兑换：6月17日 至 6月30日',
    });
  });

  test('after the year’s last window the next one is in March of the next year', () => {
    expect(redemptionWindowOn('2027-01-01', []).window).toEqual({ from: '2027-03-18', to: '2027-03-31' });
    expect(redemptionWindowOn('2026-01-01', []).window).toEqual({ from: '2026-03-18', to: '2026-03-31' });
  });
});

describe('a community’s own windows', () => {
  const own: RedemptionWindow[] = [
    { from: '2026-11-01', to: '2026-11-07' },
    { from: '2026-05-01', to: '2026-05-05' },
    { from: '2026-12-25', to: '2027-01-05' },
  ];

  test('replace the quarters: a day inside a quarter window but outside its own is closed', () => {
    const state = redemptionWindowOn('2026-12-20', own);
    expect(state).toMatchObject({ open: false, window: { from: '2026-12-25', to: '2027-01-05' } });
  });

  test('are taken in date order whatever order they were set in, and the list given is left as it was', () => {
    const given = own.map((window) => ({ ...window }));
    expect(redemptionWindowOn('2026-04-10', given).window).toEqual({ from: '2026-05-01', to: '2026-05-05' });
    expect(redemptionWindowOn('2026-06-01', given).window).toEqual({ from: '2026-11-01', to: '2026-11-07' });
    expect(given).toEqual(own);
  });

  test('a window over the new year is open on both sides of it, first and last days included', () => {
    for (const today of ['2026-12-25', '2026-12-31', '2027-01-01', '2027-01-05']) {
      expect(redemptionWindowOn(today, own)).toMatchObject({ open: true, window: { from: '2026-12-25', to: '2027-01-05' } });
    }
    expect(redemptionWindowOn('2026-11-03', own).text).toBe('兑换期 11月1日 至 11月7日，现在可以兑换');
  });

  test('with none to come, the store is closed with no next window, and says the community has not set one', () => {
    expect(redemptionWindowOn('2027-01-06', own)).toEqual({ open: false, text: '现在不是兑换期，社区还没有定下次兑换的时间' });
  });
});
