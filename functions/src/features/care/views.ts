import {
  bookingStatusNames,
  serviceCategoryNames,
  skillNames,
  type BookingTimelineEntry,
  type BookingView,
  type ServiceView,
  type Skill,
  type VisitorView,
  weekdayNameOf,
} from '@yilin/contract';
import { readUrl } from '../../store/files';
import type { AuditEventItem } from '../../store/audit';
import type { StaffPostItem } from '../people/data/staff';
import type { BookingItem, CareServiceItem } from './entities';
import { measurementViews } from './rules/health';

export function serviceView(item: CareServiceItem): ServiceView {
  return {
    serviceId: item.serviceId,
    centreId: item.centreId,
    category: item.category,
    categoryName: serviceCategoryNames[item.category],
    name: item.name,
    description: item.description,
    durationMinutes: item.durationMinutes,
    priceFen: item.priceFen,
    skill: item.skill,
    skillName: skillNames[item.skill],
    windows: item.windows.map((window) => ({ ...window })),
    checklist: [...item.checklist],
    active: item.active,
  };
}

/** Who comes to the door: the centre's photo of them (a link for ten minutes), name, number and skills. */
export async function visitorView(post: StaffPostItem): Promise<VisitorView> {
  return {
    staffId: post.userId,
    name: post.name,
    staffNumber: post.staffNumber ?? '',
    ...(post.photoKey ? { photoUrl: await readUrl(post.photoKey) } : {}),
    skillNames: ((post.skills ?? []) as Skill[]).map((skill) => skillNames[skill]),
  };
}

const valueOf = (event: AuditEventItem, field: string) => event.changes.find((change) => change.field === field)?.after ?? '';

/** What each event of a booking says on its timeline. */
const eventTexts: Record<string, (event: AuditEventItem) => string> = {
  'booking.requested': () => '提交预约',
  'booking.assigned': (event) => `安排 ${valueOf(event, 'staff')} 上门`,
  'booking.rescheduled': (event) => `改到 ${valueOf(event, 'when')}，原因：${valueOf(event, 'reason')}`,
  'booking.rejected': (event) => `未能安排，原因：${valueOf(event, 'reason')}`,
  'booking.cancelled': () => '取消预约',
  'booking.checkedIn': (event) => (valueOf(event, 'outsideWindow') === 'true' ? '到达签到（不在预约时段内）' : '到达签到'),
  'booking.recorded': () => '填写服务记录',
  'booking.checkedOut': () => '服务完成签退',
  'booking.noShow': () => '上门未遇到长辈',
  'booking.released': (event) => `${valueOf(event, 'staff')}不再上门了，等待重新安排`,
  'booking.rated': (event) => `评价 ${valueOf(event, 'stars')} 星`,
};

export function timelineView(events: AuditEventItem[]): BookingTimelineEntry[] {
  return events.map((event) => ({ action: event.action, text: (eventTexts[event.action] ?? (() => event.action))(event), at: event.at, byName: event.actorName }));
}

export interface BookingViewContext {
  visitor?: VisitorView;
  events?: AuditEventItem[];
  cancellable: boolean;
  today: string;
}

export function bookingView(booking: BookingItem, context: BookingViewContext): BookingView {
  const record = booking.record;
  return {
    bookingId: booking.bookingId,
    elderId: booking.elderId,
    elderName: booking.elderName,
    centreId: booking.centreId,
    communityId: booking.communityId,
    serviceId: booking.serviceId,
    serviceName: booking.serviceName,
    category: booking.category,
    categoryName: serviceCategoryNames[booking.category],
    date: booking.date,
    weekdayName: weekdayNameOf(booking.date),
    windowStart: booking.windowStart,
    windowEnd: booking.windowEnd,
    address: booking.address,
    note: booking.note,
    status: booking.status,
    statusName: bookingStatusNames[booking.status],
    priceFen: booking.priceFen,
    subsidyFen: booking.subsidyFen,
    priceReason: booking.priceReason,
    ...(booking.reason ? { reason: booking.reason } : {}),
    ...(context.visitor ? { visitor: context.visitor } : {}),
    ...(booking.checkInAt ? { checkInAt: booking.checkInAt, checkInOutsideWindow: booking.checkInOutsideWindow ?? false } : {}),
    ...(booking.checkOutAt ? { checkOutAt: booking.checkOutAt } : {}),
    ...(record
      ? {
          record: {
            notes: record.notes,
            checklistDone: [...record.checklistDone],
            measurements: record.measurements ? measurementViews(record.measurements) : [],
            writtenAt: record.writtenAt,
            writtenByName: record.writtenByName,
          },
        }
      : {}),
    ...(booking.rating ? { rating: { stars: booking.rating.stars, comment: booking.rating.comment, at: booking.rating.at, byName: booking.rating.byName } } : {}),
    cancellable: context.cancellable,
    doorCodeToday: booking.date === context.today && !!booking.staffId && (booking.status === 'confirmed' || booking.status === 'in_service'),
    rateable: booking.status === 'completed' && !booking.rating,
    ...(context.events ? { timeline: timelineView(context.events) } : {}),
  };
}
