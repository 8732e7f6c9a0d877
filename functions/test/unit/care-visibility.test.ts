import type { BookingStatus } from '@yilin/contract';
import type { BookingItem } from '../../src/features/care/entities';
import { listed, onVisitToday, shownTo, wayInShown } from '../../src/features/care/rules/visibility';

const TODAY = '2026-11-17';
const statuses: BookingStatus[] = ['requested', 'confirmed', 'in_service', 'completed', 'cancelled', 'rejected', 'no_show'];

const booking = (overrides: Partial<BookingItem> = {}) =>
  ({
    bookingId: 'b1', elderId: 'e1', date: TODAY, status: 'confirmed', address: '学院路 12 号', elderPhone: '13807340001', staffId: 's1',
    record: { notes: '', checklistDone: [], measurements: { systolic: 150, diastolic: 95 }, writtenAt: '', writtenBy: 's1', writtenByName: '李芳' },
    ...overrides,
  }) as BookingItem;

describe('the way into an elder’s home', () => {
  test.each(statuses)('on the day, %s: shown only while the visit is assigned or under way', (status) => {
    expect(wayInShown({ date: TODAY, status }, TODAY)).toBe(status === 'confirmed' || status === 'in_service');
  });

  test('the day before or after, never', () => {
    expect(wayInShown({ date: '2026-11-18', status: 'confirmed' }, TODAY)).toBe(false);
    expect(wayInShown({ date: '2026-11-16', status: 'in_service' }, TODAY)).toBe(false);
  });

  test('the assigned staff member sees a visit of another day without the address and phone; the family sees them', () => {
    expect(shownTo('assigned-staff', booking({ date: '2026-11-18' }), TODAY)).toMatchObject({ address: '', elderPhone: '' });
    expect(shownTo('assigned-staff', booking({ status: 'cancelled' }), TODAY)).toMatchObject({ address: '', elderPhone: '' });
    expect(shownTo('assigned-staff', booking(), TODAY)).toMatchObject({ address: '学院路 12 号' });
    expect(shownTo('family', booking({ date: '2026-11-18' }), TODAY)).toMatchObject({ address: '学院路 12 号' });
  });
});

describe('readings', () => {
  test('the county sees a visit without its readings; a worker sees them on the visit itself', () => {
    expect(shownTo('county-admin', booking(), TODAY).record?.measurements).toBeUndefined();
    expect(shownTo('centre-worker', booking(), TODAY).record?.measurements).toEqual({ systolic: 150, diastolic: 95 });
  });

  test('a list never carries readings, whoever reads it; the notes stay', () => {
    for (const access of ['self', 'family', 'centre-worker', 'assigned-staff'] as const) {
      const shown = listed(access, booking({ record: { notes: '血压偏高', checklistDone: [], measurements: { systolic: 150, diastolic: 95 }, writtenAt: '', writtenBy: 's1', writtenByName: '李芳' } }), TODAY);
      expect(shown.record).toMatchObject({ notes: '血压偏高' });
      expect(shown.record?.measurements).toBeUndefined();
    }
  });
});

describe('a staff member reaches an elder’s health record through a visit of the day only', () => {
  test.each(statuses)('a visit today that is %s', (status) => {
    expect(onVisitToday([{ staffId: 's1', date: TODAY, status }], 's1', TODAY)).toBe(['confirmed', 'in_service', 'completed'].includes(status));
  });

  test('not through a visit of another day, nor through someone else’s', () => {
    expect(onVisitToday([{ staffId: 's1', date: '2026-11-18', status: 'confirmed' }], 's1', TODAY)).toBe(false);
    expect(onVisitToday([{ staffId: 's1', date: '2026-11-16', status: 'in_service' }], 's1', TODAY)).toBe(false);
    expect(onVisitToday([{ staffId: 's2', date: TODAY, status: 'confirmed' }], 's1', TODAY)).toBe(false);
  });
});
