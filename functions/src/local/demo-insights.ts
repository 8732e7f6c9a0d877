import { addDays, weekdayOf } from '@yilin/contract';
import { businessDate, instantOf } from '../platform/clock';
import { Order } from '../features/canteen/entities';
import { mealPriceFor } from '../features/canteen/rules/pricing';
import { Booking } from '../features/care/entities';
import { defaultCareSubsidies, servicePriceFor } from '../features/care/rules/pricing';
import { Elder, type ElderItem } from '../features/people/entities';

/**
 * Half a year of the county's work, so the dashboards and the settlement report have something to show:
 * lunches eaten at the canteens on weekdays, a cleaning visit a month for some elders, rated. Written as
 * they stand (past days, nothing to reserve), with ids of their own, so a restart writes them again
 * unchanged. Nothing is written for today or later: today's board stays the demo's own.
 *
 * Two elders living alone have not been seen lately, so a worker has someone to knock on: 张桂兰 for ten days,
 * 周淑芬 for three weeks.
 */
const HISTORY_DAYS = 180;
const lastSeen: Record<string, number> = { 'demo-elder-zhang': 10, 'demo-elder-zhou': 21 };

/** A stable choice per elder and day (so a restart writes the same history): about three lunches in five. */
const eatsOn = (elderId: string, date: string) => {
  let hash = 0;
  for (const char of `${elderId}${date}`) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % 5 < 3;
};

function lunchOf(elder: ElderItem, date: string) {
  const price = mealPriceFor({ birthDate: elder.birthDate, verifiedCategory: elder.subsidyCategoryVerified ?? null, mealDate: date, standardPriceFen: 1500 });
  const placedAt = instantOf(addDays(date, -1), '18:00').toISOString();
  return {
    orderId: `demo-history-${elder.elderId}-${date}`, elderId: elder.elderId, centreId: elder.centreId, communityId: elder.communityId, date, meal: 'lunch' as const,
    fulfilment: 'eat_in' as const, note: '', status: 'served' as const, standardPriceFen: 1500, priceFen: price.priceFen, subsidyFen: price.subsidyFen,
    priceRule: price.rule, priceReason: price.reason, ...(elder.subsidyCategoryVerified ? { subsidyCategory: elder.subsidyCategoryVerified } : {}),
    elderName: elder.name, elderPhone: elder.phone, elderAddress: elder.address, dietary: elder.dietary,
    cutoffAt: instantOf(date, '09:30').toISOString(), placedBy: elder.elderId, placedAt, updatedAt: instantOf(date, '11:50').toISOString(),
  };
}

function cleaningOf(elder: ElderItem, date: string, stars: number) {
  const price = servicePriceFor({ birthDate: elder.birthDate, verifiedCategory: elder.subsidyCategoryVerified ?? null, visitDate: date, standardPriceFen: 4000, subsidies: defaultCareSubsidies.housework });
  const checkIn = instantOf(date, '09:05').toISOString();
  const checkOut = instantOf(date, '10:50').toISOString();
  return {
    bookingId: `demo-history-clean-${elder.elderId}-${date}`, elderId: elder.elderId, centreId: elder.centreId, communityId: elder.communityId, serviceId: 'demo-svc-cleaning',
    serviceName: '上门保洁', category: 'housework' as const, skill: 'cleaning' as const, date, windowStart: '09:00', windowEnd: '11:00', status: 'completed' as const,
    elderName: elder.name, elderPhone: elder.phone, address: elder.address, note: '', priceFen: price.priceFen, subsidyFen: price.subsidyFen, priceRule: price.rule,
    priceReason: price.reason, staffId: 'demo-staff-zhangli', checkInAt: checkIn, checkInOutsideWindow: false, checkOutAt: checkOut,
    record: { notes: '厨房、卫生间打扫干净', checklistDone: [], writtenAt: checkOut, writtenBy: 'demo-staff-zhangli', writtenByName: '张丽' },
    rating: { stars, comment: stars >= 4 ? '打扫得很干净' : '来晚了一点', at: checkOut, byId: elder.elderId, byName: elder.name },
    bookedBy: elder.elderId, bookedAt: instantOf(addDays(date, -2), '10:00').toISOString(), updatedAt: checkOut,
  };
}

export async function ensureDemoHistory(): Promise<void> {
  const today = businessDate();
  const { data: elders } = await Elder.scan.go({ pages: 'all' });
  const demoElders = elders.filter((elder) => elder.elderId.startsWith('demo-elder-') && elder.status === 'active');
  const lunches = [];
  const visits = [];
  for (let back = HISTORY_DAYS; back >= 1; back--) {
    const date = addDays(today, -back);
    if (weekdayOf(date) > 5) continue;
    for (const elder of demoElders) {
      if (back < (lastSeen[elder.elderId] ?? 1)) continue;
      if (eatsOn(elder.elderId, date)) lunches.push(lunchOf(elder, date));
    }
    // The cleaning visit of the month, on the first Tuesday, for those who use the service.
    if (weekdayOf(date) === 2 && Number(date.slice(8)) <= 7) {
      for (const elder of demoElders.filter((one) => one.mobilityLimited || one.livingSituation === 'alone')) {
        if (back >= (lastSeen[elder.elderId] ?? 1)) visits.push(cleaningOf(elder, date, eatsOn(elder.elderId, date) ? 5 : 3));
      }
    }
  }
  if (lunches.length) await Order.put(lunches).go();
  if (visits.length) await Booking.put(visits).go();
}
