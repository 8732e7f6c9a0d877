import { tokenFor } from './backend';

/**
 * Bench-only home and medical services beside the canteen's bench world: one service of the bench centre
 * with a place for every booking the bench makes, and a staff member with a full day of visits. Each
 * booking the bench places is a real one: its own (elder, day, window), so the elder's slot never refuses
 * it and the window always has room.
 */
export const BENCH_SERVICE = 'bench-svc-visit';
export const BENCH_STAFF = 'bench-staff';
/** Five one-hour windows every day: 35, the most a service may have (ServiceBody). */
const starts = ['08:00', '09:00', '10:00', '14:00', '15:00'];
const endOf = (start: string) => `${String(Number(start.slice(0, 2)) + 1).padStart(2, '0')}:00`;

export interface Visit {
  elderId: string;
  date: string;
  windowStart: string;
}

export interface CareWorld {
  staffToken: string;
  /** The day of the staff member's visits (today: the day `GET /me/visits` shows by default). */
  visitDay: string;
  /** How many visits the staff member has that day, each at its own window. */
  visitCount: number;
  /** Hands out (elder, day, window) triples not booked yet, from tomorrow to the last bookable day. */
  nextBooking(): Visit;
}

export interface CareWorldInput {
  centreId: string;
  countyId: string;
  elders: string[];
}

export async function createCareWorld({ centreId, countyId, elders }: CareWorldInput): Promise<CareWorld> {
  const { addDays } = await import('@yilin/contract');
  const { User } = await import('../../functions/src/features/people/entities');
  const { StaffPost } = await import('../../functions/src/features/people/data/staff');
  const { getElder } = await import('../../functions/src/features/people/data/elders');
  const { changeBooking, holdStaffTime, placeBooking, saveService } = await import('../../functions/src/features/care/data');
  const { BOOKING_DAYS } = await import('../../functions/src/features/care/booking');
  const { newDoorCode } = await import('../../functions/src/features/care/rules/visit');
  const { businessDate, epochSeconds, isoNow } = await import('../../functions/src/platform/clock');
  const now = isoNow();
  const windows = [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => starts.map((start) => ({ weekday, start, end: endOf(start), capacity: 100_000 })));
  await saveService({
    centreId, serviceId: BENCH_SERVICE, category: 'housework', name: '基准测试保洁', description: '基准测试用的上门服务', durationMinutes: 60, priceFen: 5000,
    skill: 'cleaning', windows, checklist: ['客厅', '厨房', '卫生间'], active: true, updatedBy: 'bench', updatedAt: now,
  });
  await User.put({ userId: BENCH_STAFF, role: 'staff', name: '测试服务员', centreId, countyId, status: 'active', createdAt: now }).go();
  await StaffPost.put({
    userId: BENCH_STAFF, countyId, role: 'staff', name: '测试服务员', phone: '13900000000', centreId, status: 'active', staffNumber: 'B001', skills: ['cleaning'], createdAt: now, updatedAt: now,
  }).go();

  // The staff member's day: one visit at each window of today, each to another elder, booked and assigned
  // through the same transactions as the app (demo-care.ts does the same for the demo).
  const visitDay = businessDate();
  const by = { userId: 'bench', name: '基准测试', role: 'worker' };
  for (const [i, start] of starts.entries()) {
    const elder = (await getElder(elders[i]))!;
    const booking = {
      bookingId: `bench-visit-${i}`, elderId: elder.elderId, centreId, communityId: elder.communityId, serviceId: BENCH_SERVICE, serviceName: '基准测试保洁',
      category: 'housework' as const, skill: 'cleaning' as const, date: visitDay, windowStart: start, windowEnd: endOf(start), status: 'requested' as const,
      elderName: elder.name, elderPhone: elder.phone, address: elder.address, note: '', priceFen: 5000, subsidyFen: 0, priceRule: 'standard' as const,
      priceReason: '标准价', bookedBy: elder.elderId, bookedAt: now, updatedAt: now,
    };
    const claim = { scope: 'bench', key: booking.bookingId, fingerprint: booking.bookingId };
    const placed = await placeBooking(booking, 100_000, claim, epochSeconds(new Date()), { action: 'booking.requested', by, at: now, changes: [] });
    if (!placed.written) throw new Error(`bench visit ${booking.bookingId} not placed: ${placed.failed.join(', ')}`);
    const assigned = await changeBooking(booking, { set: { status: 'confirmed', staffId: BENCH_STAFF, doorCode: newDoorCode() } }, { action: 'booking.assigned', by, at: now, changes: [] }, { staff: holdStaffTime(BENCH_STAFF, booking) });
    if (!assigned.written) throw new Error(`bench visit ${booking.bookingId} not assigned: ${assigned.failed.join(', ')}`);
  }

  // Neighbouring bookings go to different elders and different windows (no two concurrent bookings take
  // places of the same window counter); the pair (elder, window) never repeats, as in nextPlacement.
  const windowsAhead = Array.from({ length: BOOKING_DAYS - 1 }, (_, i) => addDays(visitDay, i + 1)).flatMap((date) => starts.map((windowStart) => ({ date, windowStart })));
  let next = 0;
  return {
    staffToken: await tokenFor({ userId: BENCH_STAFF, role: 'staff', centreId }),
    visitDay,
    visitCount: starts.length,
    nextBooking() {
      const index = next++;
      const elder = index % elders.length;
      const round = Math.floor(index / elders.length);
      if (round >= windowsAhead.length) throw new Error('The bench world ran out of unbooked (elder, window) pairs');
      return { elderId: elders[elder], ...windowsAhead[(elder + round) % windowsAhead.length] };
    },
  };
}
