import { isUndoable, judgeUndo, undoDeadline, undoOffer, UNDO_WINDOW_MINUTES, type Mark } from '../../src/features/canteen/rules/undo';

const at = '2026-11-17T03:40:00.000Z';
const served: Mark = { markId: '01KAAAAAAAAAAAAAAAAAAAAAAA', from: 'confirmed', to: 'served', at };
const minutesAfter = (minutes: number) => new Date(Date.parse(at) + minutes * 60_000);

describe('undoing a mark on the board', () => {
  test('a mark can be undone for 5 minutes', () => {
    expect(UNDO_WINDOW_MINUTES).toBe(5);
    expect(undoDeadline(served).toISOString()).toBe('2026-11-17T03:45:00.000Z');
  });

  test('within the window the order goes back to exactly the status before the mark', () => {
    expect(judgeUndo('served', served, served.markId, minutesAfter(4.9))).toEqual({ outcome: 'undo', back: 'confirmed' });
    const noShow: Mark = { markId: served.markId, from: 'out_for_delivery', to: 'no_show', at };
    expect(judgeUndo('no_show', noShow, served.markId, minutesAfter(1))).toEqual({ outcome: 'undo', back: 'out_for_delivery' });
  });

  test('at 5 minutes and after, it is too late', () => {
    expect(judgeUndo('served', served, served.markId, minutesAfter(5))).toEqual({ outcome: 'refused', reason: 'too-late' });
    expect(judgeUndo('served', served, served.markId, minutesAfter(60))).toEqual({ outcome: 'refused', reason: 'too-late' });
  });

  test('an order that moved on since the mark (cancelled, or marked again) cannot be undone', () => {
    const outForDelivery: Mark = { markId: served.markId, from: 'confirmed', to: 'out_for_delivery', at };
    expect(judgeUndo('delivered', outForDelivery, served.markId, minutesAfter(1))).toEqual({ outcome: 'refused', reason: 'moved-on' });
    expect(judgeUndo('served', served, '01KBBBBBBBBBBBBBBBBBBBBBBB', minutesAfter(1))).toEqual({ outcome: 'refused', reason: 'moved-on' });
  });

  test('the same undo again is answered as done, not undone twice, also after the order changed since', () => {
    const undone = { ...served, undoneAt: minutesAfter(1).toISOString() };
    expect(judgeUndo('confirmed', undone, served.markId, minutesAfter(2))).toEqual({ outcome: 'already-undone' });
    expect(judgeUndo('confirmed', undone, served.markId, minutesAfter(20))).toEqual({ outcome: 'already-undone' });
    expect(judgeUndo('cancelled', undone, served.markId, minutesAfter(2))).toEqual({ outcome: 'already-undone' });
  });

  test('an order no worker has marked has nothing to undo; cancelling is never undone', () => {
    expect(judgeUndo('placed', undefined, served.markId, minutesAfter(1))).toEqual({ outcome: 'refused', reason: 'nothing-to-undo' });
    expect(isUndoable('cancelled')).toBe(false);
    expect(['confirmed', 'served', 'out_for_delivery', 'delivered', 'no_show'].every((status) => isUndoable(status as Mark['to']))).toBe(true);
  });

  test('the board offers the undo with what the order goes back to, only while it can be done', () => {
    expect(undoOffer('served', served, minutesAfter(2))).toEqual({ markId: served.markId, back: 'confirmed', until: new Date('2026-11-17T03:45:00.000Z') });
    expect(undoOffer('served', served, minutesAfter(5))).toBeUndefined();
    expect(undoOffer('cancelled', served, minutesAfter(1))).toBeUndefined();
    expect(undoOffer('confirmed', { ...served, undoneAt: at }, minutesAfter(1))).toBeUndefined();
    expect(undoOffer('placed', undefined, minutesAfter(1))).toBeUndefined();
  });
});
