import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Business dates, cutoffs and ages are reckoned in China Standard Time. */
export const BUSINESS_TIME_ZONE = 'Asia/Shanghai';

export interface Clock {
  now(): Date;
}

const systemClock: Clock = { now: () => new Date() };
let current: Clock = systemClock;

/** The one clock of the application; tests replace it with {@link setClock}. */
export const clock: Clock = { now: () => current.now() };

export function setClock(replacement: Clock | Date | string): void {
  if (replacement instanceof Date || typeof replacement === 'string') {
    const fixed = new Date(replacement);
    current = { now: () => new Date(fixed) };
  } else {
    current = replacement;
  }
}

export function resetClock(): void {
  current = systemClock;
}

/** `YYYY-MM-DD` of an instant in Asia/Shanghai. */
export function businessDate(instant: Date = clock.now()): string {
  return dayjs(instant).tz(BUSINESS_TIME_ZONE).format('YYYY-MM-DD');
}

/** `HH:mm` of an instant in Asia/Shanghai. */
export function businessTime(instant: Date = clock.now()): string {
  return dayjs(instant).tz(BUSINESS_TIME_ZONE).format('HH:mm');
}

export function isoNow(): string {
  return clock.now().toISOString();
}

export function epochSeconds(instant: Date): number {
  return Math.floor(instant.getTime() / 1000);
}

/** The instant of a local `HH:mm` on a business date. */
export function instantOf(date: string, time: string): Date {
  return dayjs.tz(`${date} ${time}`, 'YYYY-MM-DD HH:mm', BUSINESS_TIME_ZONE).toDate();
}
