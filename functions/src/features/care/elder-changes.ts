import { businessDate } from '../../platform/clock';
import type { Change } from '../../platform/stream';
import { registerChangeOf } from '../people/elder-changes';
import { bookingsOfElder, cancellationParts, changeBooking, setBookingCommunity } from './data';
import { nextBookingStatus } from './rules/visit';

/** Who the timelines name for what dispatch does when it hears of a change to an elder. */
const register = { userId: 'elder-register', name: '社区登记变更', role: 'job' };

/**
 * Home visits follow changes to an elder's register entry, as the canteen does (canteen/elder-changes.ts):
 *  - moved to another community: the elder's visits belong to the new community (its workers see them, the
 *    old community's no longer do); the centre that booked them still runs them;
 *  - died or moved away: visits still to come are cancelled, their places, slots and staff time given back.
 * The elder is read again, so a record delivered twice, late or out of order changes nothing it should not.
 */
export async function followElderChange(change: Change): Promise<void> {
  const changed = await registerChangeOf(change);
  if (!changed) return;
  const { elder, moved, left } = changed;
  if (moved) {
    for (const booking of await bookingsOfElder(elder.elderId, '0000-01-01', '9999-12-31')) {
      if (booking.communityId !== elder.communityId) await setBookingCommunity(booking.bookingId, elder.communityId);
    }
  }
  if (left) {
    for (const booking of await bookingsOfElder(elder.elderId, businessDate(), '9999-12-31')) {
      if (!nextBookingStatus(booking.status, 'cancel')) continue;
      // Refused only if the booking changed meanwhile: then someone is already handling it.
      await changeBooking(
        booking,
        { set: { status: 'cancelled', reason: '长辈已不在社区名册上' } },
        { action: 'booking.cancelled', by: register, at: change.at.toISOString(), changes: [{ field: 'status', before: booking.status, after: 'cancelled' }] },
        cancellationParts(booking),
      );
    }
  }
}
