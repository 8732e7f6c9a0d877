import { addDays, weekdayOf, type ServiceInput } from '@yilin/contract';
import { businessDate, clock, epochSeconds, instantOf, isoNow } from '../platform/clock';
import { AuditEvent, newEventId } from '../store/audit';
import { filesConfigured, storeFile } from '../store/files';
import { getStaffPost, StaffPost } from '../features/people/data/staff';
import { User } from '../features/people/entities';
import { getElder } from '../features/people/data/elders';
import { bookingsOfElder, changeBooking, holdStaffTime, placeBooking, saveService, servicesOfCentre, bookingSubject } from '../features/care/data';
import { Booking, HealthReading, type BookingItem } from '../features/care/entities';
import { servicePriceFor, defaultCareSubsidies } from '../features/care/rules/pricing';
import { newDoorCode } from '../features/care/rules/visit';
import { portraitPng } from './avatar';
import { demoServiceStaff } from './demo-data';

/**
 * The demo's home and medical services: the 学院路 centre's catalogue, its four service staff with their
 * photos, and visits around today, so every page has something true to show whenever `npm start` runs:
 * 王秀英 has a cleaning this morning (张丽 is assigned; the door code shows), a month of blood-pressure
 * and glucose readings from earlier visits, and 李建国 a request waiting in the dispatch queue.
 */

const everyDay = [1, 2, 3, 4, 5, 6, 7];
const every = (days: number[], start: string, end: string, capacity: number) => days.map((weekday) => ({ weekday, start, end, capacity }));

export const demoServices: Array<ServiceInput & { serviceId: string }> = [
  { serviceId: 'demo-svc-cleaning', category: 'housework', name: '全屋保洁', description: '客厅、厨房、卫生间、卧室打扫，倒垃圾，约两小时', durationMinutes: 120, priceFen: 10_000, skill: 'cleaning', windows: [...every(everyDay, '09:00', '11:00', 3), ...every(everyDay, '14:00', '16:00', 2)], checklist: ['客厅', '厨房', '卫生间', '卧室', '倒垃圾'], active: true },
  { serviceId: 'demo-svc-bathing', category: 'housework', name: '助浴', description: '两位助浴员上门，帮长辈安全洗澡，备防滑垫', durationMinutes: 90, priceFen: 6000, skill: 'bathing', windows: every([2, 4, 6], '15:00', '16:30', 2), checklist: ['调好水温', '防滑垫', '擦干换衣'], active: true },
  { serviceId: 'demo-svc-haircut', category: 'housework', name: '上门理发', description: '理发、修面，自带工具，打扫干净', durationMinutes: 30, priceFen: 1500, skill: 'haircut', windows: every([3], '09:00', '10:00', 4), checklist: ['理发', '修面', '清扫碎发'], active: true },
  { serviceId: 'demo-svc-repair', category: 'housework', name: '家电小修', description: '换灯泡、修水龙头、通下水道等小修小补（材料另算）', durationMinutes: 60, priceFen: 3000, skill: 'repair', windows: every([2, 5], '14:00', '15:00', 2), checklist: ['检查', '维修', '试用'], active: true },
  { serviceId: 'demo-svc-doctor', category: 'medical', name: '家庭医生巡诊', description: '签约家庭医生上门问诊，量血压、看用药', durationMinutes: 30, priceFen: 0, skill: 'doctor', windows: every([1, 3, 5], '09:00', '10:00', 4), checklist: [], active: true },
  { serviceId: 'demo-svc-checkup', category: 'medical', name: '上门健康检查', description: '护士上门量血压、测血糖、测体温、称体重', durationMinutes: 30, priceFen: 3000, skill: 'nursing', windows: [...every(everyDay, '09:00', '10:00', 3), ...every(everyDay, '15:00', '16:00', 3)], checklist: [], active: true },
  { serviceId: 'demo-svc-medicine', category: 'medical', name: '慢病送药', description: '按医嘱把降压药、降糖药送到家，讲清楚怎么吃', durationMinutes: 30, priceFen: 1000, skill: 'nursing', windows: every([2, 4], '10:00', '11:00', 4), checklist: [], active: true },
  { serviceId: 'demo-svc-rehab', category: 'medical', name: '康复训练', description: '康复师上门指导训练，帮助恢复行走和手部力量', durationMinutes: 60, priceFen: 8000, skill: 'rehab', windows: every([1, 3, 5], '15:00', '16:00', 2), checklist: [], active: true },
  { serviceId: 'demo-svc-company', category: 'companionship', name: '陪伴聊天', description: '陪长辈聊聊天、读读报、散散步', durationMinutes: 120, priceFen: 2000, skill: 'companion', windows: every(everyDay, '14:00', '16:00', 3), checklist: ['聊天', '读报', '散步'], active: true },
  { serviceId: 'demo-svc-errand', category: 'companionship', name: '代办跑腿', description: '代买日用品、代缴水电费、代取快递', durationMinutes: 60, priceFen: 1000, skill: 'companion', windows: every(everyDay, '10:00', '11:00', 3), checklist: ['代买', '代缴', '代取'], active: true },
];

const CENTRE = 'demo-centre-xueyuan';

export async function ensureDemoCare(): Promise<void> {
  await ensureDemoServiceStaff();
  if ((await servicesOfCentre(CENTRE)).length === 0) {
    const now = isoNow();
    for (const { serviceId, ...service } of demoServices) await saveService({ centreId: CENTRE, serviceId, ...service, updatedBy: 'demo-worker-xueyuan', updatedAt: now });
  }
  await ensureDemoReadings();
  await ensureDemoVisits();
}

async function ensureDemoServiceStaff(): Promise<void> {
  const now = isoNow();
  for (const staff of demoServiceStaff) {
    if (await getStaffPost(staff.userId)) continue;
    const photoKey = filesConfigured() ? `photo/${staff.userId}/demo.png` : undefined;
    if (photoKey) await storeFile(photoKey, portraitPng(...(staff.portrait as [never, never, never])), 'image/png');
    await User.put({ userId: staff.userId, role: 'staff', name: staff.name, centreId: staff.centreId, countyId: 'demo-county', status: 'active', createdAt: now }).go();
    await StaffPost.put({
      userId: staff.userId, countyId: 'demo-county', role: 'staff', name: staff.name, phone: staff.phone, centreId: staff.centreId, status: 'active',
      staffNumber: staff.staffNumber, skills: staff.skills, ...(photoKey ? { photoKey } : {}), createdAt: now, updatedAt: now,
    }).go();
  }
}

const demoBy = { userId: 'demo-worker-xueyuan', name: '刘晓燕', role: 'worker' };

/** Books `serviceId` for the elder through the same transaction as the app, and assigns `staffId` if given. */
async function demoVisit(elderId: string, serviceId: string, date: string, start: string, staffId?: string): Promise<BookingItem | undefined> {
  const elder = (await getElder(elderId))!;
  const service = demoServices.find((one) => one.serviceId === serviceId)!;
  const window = service.windows.find((one) => one.weekday === weekdayOf(date) && one.start === start);
  if (!window) return undefined;
  const price = servicePriceFor({ birthDate: elder.birthDate, verifiedCategory: elder.subsidyCategoryVerified ?? null, visitDate: date, standardPriceFen: service.priceFen, subsidies: defaultCareSubsidies[service.category] });
  const at = isoNow();
  const booking: BookingItem = {
    bookingId: `demo-booking-${elderId.replace('demo-elder-', '')}-${date}-${start.replace(':', '')}`, elderId, centreId: elder.centreId, communityId: elder.communityId,
    serviceId, serviceName: service.name, category: service.category, skill: service.skill, date, windowStart: window.start, windowEnd: window.end, status: 'requested',
    elderName: elder.name, elderPhone: elder.phone, address: elder.address, note: '', priceFen: price.priceFen, subsidyFen: price.subsidyFen, priceRule: price.rule,
    priceReason: price.reason, bookedBy: 'demo-family-wanglei', bookedAt: at, updatedAt: at,
  };
  const claim = { scope: 'demo', key: booking.bookingId, fingerprint: booking.bookingId };
  const by = { userId: 'demo-family-wanglei', name: '王磊（儿子）', role: 'family' };
  const placed = await placeBooking(booking, window.capacity, claim, epochSeconds(clock.now()), { action: 'booking.requested', by, at, changes: [{ field: 'status', after: 'requested' }] });
  if (!placed.written || !staffId) return placed.written ? booking : undefined;
  const post = (await getStaffPost(staffId))!;
  await changeBooking(
    booking,
    { set: { status: 'confirmed', staffId, doorCode: newDoorCode() } },
    { action: 'booking.assigned', by: demoBy, at, changes: [{ field: 'status', before: 'requested', after: 'confirmed' }, { field: 'staff', after: `${post.name}（工号 ${post.staffNumber}）` }] },
    { staff: holdStaffTime(staffId, booking) },
  );
  return booking;
}

/** A cleaning for 王秀英 today (assigned), and a request for 李建国 tomorrow, unless they have visits then. */
async function ensureDemoVisits(): Promise<void> {
  const today = businessDate();
  const tomorrow = addDays(today, 1);
  if ((await bookingsOfElder('demo-elder-wang', today, today)).length === 0) {
    await demoVisit('demo-elder-wang', 'demo-svc-cleaning', today, '09:00', 'demo-staff-zhangli');
  }
  if ((await bookingsOfElder('demo-elder-li', tomorrow, tomorrow)).length === 0) {
    await demoVisit('demo-elder-li', 'demo-svc-checkup', tomorrow, '09:00');
  }
}

/** Blood pressure, glucose and pulse from six weekly checkups of 王秀英 (two readings high). */
const demoReadings = [
  { weeksAgo: 6, systolic: 138, diastolic: 86, glucose: 6.0, pulse: 76 },
  { weeksAgo: 5, systolic: 145, diastolic: 92, glucose: 6.4, pulse: 80 },
  { weeksAgo: 4, systolic: 136, diastolic: 84, glucose: 5.8, pulse: 74 },
  { weeksAgo: 3, systolic: 132, diastolic: 82, glucose: 7.3, pulse: 78 },
  { weeksAgo: 2, systolic: 128, diastolic: 80, glucose: 5.9, pulse: 72 },
  { weeksAgo: 1, systolic: 130, diastolic: 78, glucose: 6.1, pulse: 75 },
];

/** Past checkups, completed with their records, written as they stand (no windows to take in the past). */
async function ensureDemoReadings(): Promise<void> {
  const { data: existing } = await HealthReading.query.byElder({ elderId: 'demo-elder-wang' }).go({ limit: 1 });
  if (existing.length) return;
  const elder = (await getElder('demo-elder-wang'))!;
  const nurse = (await getStaffPost('demo-staff-lifang'))!;
  for (const reading of demoReadings) {
    const date = addDays(businessDate(), -7 * reading.weeksAgo);
    const checkIn = instantOf(date, '09:10').toISOString();
    const checkOut = instantOf(date, '09:40').toISOString();
    const measurements = { systolic: reading.systolic, diastolic: reading.diastolic, glucose: reading.glucose, glucoseFasting: true, pulse: reading.pulse };
    const bookingId = `demo-booking-wang-checkup-${date}`;
    const price = servicePriceFor({ birthDate: elder.birthDate, verifiedCategory: elder.subsidyCategoryVerified ?? null, visitDate: date, standardPriceFen: 3000, subsidies: defaultCareSubsidies.medical });
    await Booking.put({
      bookingId, elderId: elder.elderId, centreId: elder.centreId, communityId: elder.communityId, serviceId: 'demo-svc-checkup', serviceName: '上门健康检查',
      category: 'medical', skill: 'nursing', date, windowStart: '09:00', windowEnd: '10:00', status: 'completed', elderName: elder.name, elderPhone: elder.phone,
      address: elder.address, note: '', priceFen: price.priceFen, subsidyFen: price.subsidyFen, priceRule: price.rule, priceReason: price.reason,
      staffId: nurse.userId, doorCode: '0000', checkInAt: checkIn, checkInOutsideWindow: false, checkOutAt: checkOut,
      record: { notes: '血压、血糖已测，叮嘱按时服药', checklistDone: [], measurements, writtenAt: checkOut, writtenBy: nurse.userId, writtenByName: nurse.name },
      bookedBy: 'demo-family-wanglei', bookedAt: checkIn, updatedAt: checkOut,
    }).go();
    await HealthReading.put({ elderId: elder.elderId, date, bookingId, takenAt: checkOut, centreId: elder.centreId, staffId: nurse.userId, measurements }).go();
    const events = [
      { action: 'booking.requested', at: instantOf(addDays(date, -1), '20:00').toISOString(), actorId: 'demo-family-wanglei', actorName: '王磊（儿子）', actorRole: 'family', changes: [{ field: 'status', after: 'requested' }] },
      { action: 'booking.assigned', at: instantOf(date, '08:00').toISOString(), ...actor(demoBy), changes: [{ field: 'staff', after: `${nurse.name}（工号 ${nurse.staffNumber}）` }] },
      { action: 'booking.checkedIn', at: checkIn, ...actor(nurse), changes: [{ field: 'outsideWindow', after: 'false' }] },
      { action: 'booking.recorded', at: checkOut, ...actor(nurse), changes: [] },
      { action: 'booking.checkedOut', at: checkOut, ...actor(nurse), changes: [] },
    ];
    for (const event of events) await AuditEvent.put({ subject: bookingSubject(bookingId), eventId: newEventId(event.at), concerns: elder.elderId, ...event }).go();
  }
}

const actor = (who: { userId: string; name: string; role?: string }) => ({ actorId: who.userId, actorName: who.name, actorRole: who.role ?? 'staff' });
