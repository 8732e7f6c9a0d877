import { CLOSED_ACCOUNT_NAME } from '@yilin/contract';
import { deleteEvery, eachOf } from '../../store/forget';
import { allBookingsOfElder } from './data';
import { Booking, HealthReading } from './entities';

/** What home visits forget of a closed account, and of an elder who left or withdrew health consent. */

/**
 * The elder's health readings: the record's points and the readings on each visit's record. The visits stay
 * (what was done, notes, checklist): they are the centre's record of service and the county's settlement.
 */
export async function forgetReadings(elderId: string): Promise<number> {
  const { data: readings } = await HealthReading.query.byElder({ elderId }).go({ pages: 'all', attributes: ['elderId', 'date', 'bookingId'] });
  await deleteEvery(HealthReading, readings.map(({ date, bookingId }) => ({ elderId, date, bookingId })));
  const measured = (await allBookingsOfElder(elderId)).filter((booking) => booking.record?.measurements !== undefined);
  // Only the readings are removed, so notes written to the record at this moment stay.
  await eachOf(measured, (booking) => Booking.patch({ bookingId: booking.bookingId }).data((attr, op) => op.remove(attr.record.measurements)).go());
  return readings.length + measured.length;
}

/** Visits keep service, day, price and subsidy; the phone, address and door code go. */
export async function forgetBookingContacts(elderId: string): Promise<void> {
  const bookings = (await allBookingsOfElder(elderId)).filter((booking) => booking.elderPhone !== '' || booking.address !== '' || booking.doorCode);
  await eachOf(bookings, (booking) => Booking.patch({ bookingId: booking.bookingId }).set({ elderPhone: '', address: '' }).remove(['doorCode']).go());
}

/** A relative's rating stays with the visit (the centre's satisfaction counts it), from a closed account. */
export async function forgetRater(elderIds: readonly string[], userId: string): Promise<void> {
  const rated = (await Promise.all(elderIds.map(allBookingsOfElder))).flat().filter((booking) => booking.rating?.byId === userId && booking.rating.byName !== CLOSED_ACCOUNT_NAME);
  await eachOf(rated, (booking) => Booking.patch({ bookingId: booking.bookingId }).set({ rating: { ...booking.rating!, byName: CLOSED_ACCOUNT_NAME } }).go());
}
