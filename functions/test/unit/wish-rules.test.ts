import fc from 'fast-check';
import { wishStatuses, type WishStatus } from '@yilin/contract';
import { elderDisplayOf, isCollected, nextWishStatus, tallyChange, wishEvents, type TallyChange, type WishEvent } from '../../src/features/wishes/rules/wish';

/**
 * The life of a wish, as the product describes it: the community reviews a new wish (publishes or rejects
 * it); the elder's side withdraws it while nobody has claimed it; a volunteer claims a published wish,
 * gives it up or runs past the deadline (back on the wall), or delivers it; the elder's side confirms a
 * delivered wish, or it goes back to the wall when it did not come. A realised, rejected or withdrawn wish
 * does not move again.
 */
const allowed: Record<WishStatus, Partial<Record<WishEvent, WishStatus>>> = {
  pending: { publish: 'published', reject: 'rejected', withdraw: 'withdrawn' },
  published: { withdraw: 'withdrawn', claim: 'claimed' },
  claimed: { release: 'published', expire: 'published', deliver: 'delivered' },
  delivered: { confirm: 'realised', release: 'published' },
  realised: {},
  rejected: {},
  withdrawn: {},
};

const everyPair = wishStatuses.flatMap((status) => wishEvents.map((event) => [status, event, allowed[status][event]] as const));

describe('which event moves a wish from which state', () => {
  test('the table covers every state and every event', () => {
    expect(everyPair).toHaveLength(7 * 8);
  });

  test.each(everyPair)('a %s wish on %s goes to %s', (status, event, to) => {
    expect(nextWishStatus(status, event)).toBe(to);
  });
});

describe('how posting and each move change the counts on the community wall', () => {
  const expected: Array<[WishStatus | undefined, WishStatus, TallyChange]> = [
    [undefined, 'pending', { collected: 1 }],
    ['pending', 'published', { waiting: 1 }],
    ['pending', 'rejected', {}],
    ['pending', 'withdrawn', { collected: -1 }],
    ['published', 'withdrawn', { waiting: -1 }],
    ['published', 'claimed', { waiting: -1, inProgress: 1 }],
    ['claimed', 'published', { inProgress: -1, waiting: 1 }],
    ['claimed', 'delivered', {}],
    ['delivered', 'realised', { inProgress: -1, realised: 1 }],
    ['delivered', 'published', { inProgress: -1, waiting: 1 }],
  ];

  test('every allowed move is listed here, and posting', () => {
    const moves = new Set(everyPair.filter(([, , to]) => to !== undefined).map(([from, , to]) => `${from}>${to}`));
    expect(new Set(expected.map(([from, to]) => `${from}>${to}`))).toEqual(new Set(['undefined>pending', ...moves]));
  });

  test.each(expected)('%s to %s changes the counts by %j', (from, to, change) => {
    expect(tallyChange(from, to)).toEqual(change);
  });

  test('a wish is collected once posted, rejected too, and after it was on the wall even if withdrawn; not when taken back before review', () => {
    for (const status of wishStatuses.filter((one) => one !== 'withdrawn')) expect([status, isCollected(status, false)]).toEqual([status, true]);
    expect(isCollected('withdrawn', true)).toBe(true);
    expect(isCollected('withdrawn', false)).toBe(false);
  });

  const countsOf = (status: WishStatus, everPublished: boolean): Required<TallyChange> => ({
    collected: isCollected(status, everPublished) ? 1 : 0,
    waiting: status === 'published' ? 1 : 0,
    inProgress: status === 'claimed' || status === 'delivered' ? 1 : 0,
    realised: status === 'realised' ? 1 : 0,
  });

  test('summing posting and the changes along any path of allowed events gives the counts of the state the wish ends in; collected never falls once the wish was reviewed', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...wishEvents), { maxLength: 40 }), (events) => {
        let status: WishStatus = 'pending';
        let everPublished = false;
        const sum: Required<TallyChange> = { collected: 0, waiting: 0, inProgress: 0, realised: 0, ...tallyChange(undefined, 'pending') };
        for (const event of events) {
          const to = nextWishStatus(status, event);
          if (!to) continue;
          const change = tallyChange(status, to);
          if (status !== 'pending') expect(change.collected ?? 0).toBe(0);
          for (const key of Object.keys(sum) as Array<keyof TallyChange>) sum[key] += change[key] ?? 0;
          everPublished ||= to === 'published';
          status = to;
        }
        expect(sum).toEqual(countsOf(status, everPublished));
      }),
    );
  });
});

describe('what the wall calls an elder', () => {
  test.each([
    ['王秀英', 'female', '王奶奶'],
    ['王建国', 'male', '王爷爷'],
    ['王秀英', undefined, '王老人家'],
    ['王秀英', null, '王老人家'],
    ['欧阳秀英', 'female', '欧阳奶奶'],
    ['欧阳修', 'male', '欧阳爷爷'],
    ['诸葛明', undefined, '诸葛老人家'],
    [' 李桂兰 ', 'female', '李奶奶'],
  ] as const)('%s (%s) is shown as %s', (name, sex, shown) => {
    expect(elderDisplayOf(name, sex)).toBe(shown);
  });

  test('a two-character name that is only a compound surname is read as a surname and a given name', () => {
    expect(elderDisplayOf('欧阳', 'male')).toBe('欧爷爷');
  });

  test('the display never holds the given name', () => {
    expect(elderDisplayOf('王秀英', 'female')).not.toMatch(/秀|英/);
  });
});
