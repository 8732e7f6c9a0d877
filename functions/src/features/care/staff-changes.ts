import { businessDate } from '../../platform/clock';
import type { Change } from '../../platform/stream';
import type { StaffPostItem } from '../people/data/staff';
import { getStaffPost } from '../people/data/staff';
import { changeBooking, getBookings, releaseStaffTime, staffBookingIdsFrom } from './data';
import { nextBookingStatus } from './rules/visit';

/** Who the timelines name for what dispatch does when it hears a staff member left. */
const register = { userId: 'staff-register', name: '人员变动', role: 'job' };

const gone = (post: Partial<StaffPostItem>) => post.status === 'retired';

/**
 * Dispatch follows a staff member who left the centre (retired, or moved to another centre): their visits
 * still to come go back to the queue, their time given back, and the elder and family see why; a worker
 * assigns someone else. The record only says that something changed: the staff member is read again, so
 * a record delivered twice or late changes nothing it should not, and a visit already under way, done or
 * reassigned meanwhile is left as it is.
 */
export async function followStaffChange(change: Change): Promise<void> {
  if (change.kind !== 'MODIFY' || !change.before || !change.after) return;
  const before = change.before as Partial<StaffPostItem>;
  const after = change.after as StaffPostItem;
  if (after.role !== 'staff') return;
  const left = (!gone(before) && gone(after)) || before.centreId !== after.centreId;
  if (!left) return;
  const post = await getStaffPost(after.userId);
  if (!post) return;
  const bookings = await getBookings(await staffBookingIdsFrom(post.userId, businessDate()));
  for (const booking of bookings) {
    const stillTheirs = booking.centreId === post.centreId && !gone(post);
    if (booking.staffId !== post.userId || stillTheirs) continue;
    if (!nextBookingStatus(booking.status, 'release')) continue;
    // Refused only if the booking changed meanwhile: then someone is already handling it.
    await changeBooking(
      booking,
      { set: { status: 'requested' }, remove: ['staffId', 'doorCode'] },
      { action: 'booking.released', by: register, at: change.at.toISOString(), changes: [{ field: 'status', before: booking.status, after: 'requested' }, { field: 'staff', after: post.name }] },
      { staff: releaseStaffTime(post.userId, booking) },
    );
  }
}
