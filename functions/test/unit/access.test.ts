import fc from 'fast-check';
import { may, policy, relationTo, type Action, type Actor, type Relation } from '../../src/access/policy';
import { roles } from '../../src/routes';

/** 王秀英 lives in 学院路社区, under the 学院路 centre, in the 示范县 county. */
const elder = { elderId: 'elder-wang', communityId: 'comm-xueyuan', centreId: 'centre-xueyuan', countyId: 'county-1' };
const centre = { centreId: 'centre-xueyuan', countyId: 'county-1' };

describe('relationTo: how a caller stands to an elder', () => {
  test.each`
    who                                                  | actor                                                                                          | bound    | relation
    ${'the elder themself'}                              | ${{ userId: 'elder-wang', role: 'elder' }}                                                     | ${false} | ${'self'}
    ${'another elder'}                                   | ${{ userId: 'elder-li', role: 'elder', communityId: 'comm-xueyuan' }}                          | ${false} | ${'none'}
    ${'a bound relative'}                                | ${{ userId: 'family-wang', role: 'family' }}                                                   | ${true}  | ${'family'}
    ${'an unbound relative'}                             | ${{ userId: 'family-chen', role: 'family' }}                                                    | ${false} | ${'none'}
    ${'a worker of the same community'}                  | ${{ userId: 'w1', role: 'worker', communityId: 'comm-xueyuan', centreId: 'centre-xueyuan' }}   | ${false} | ${'community-worker'}
    ${'a worker of another community of the same centre'} | ${{ userId: 'w2', role: 'worker', communityId: 'comm-dongfeng', centreId: 'centre-xueyuan' }}  | ${false} | ${'centre-worker'}
    ${'a worker of another centre'}                      | ${{ userId: 'w3', role: 'worker', communityId: 'comm-gzp', centreId: 'centre-gzp' }}           | ${false} | ${'none'}
    ${'a worker with no community'}                      | ${{ userId: 'w4', role: 'worker' }}                                                            | ${false} | ${'none'}
    ${'the admin of the county'}                         | ${{ userId: 'admin', role: 'admin', countyId: 'county-1' }}                                    | ${false} | ${'county-admin'}
    ${'the admin of another county'}                     | ${{ userId: 'admin-2', role: 'admin', countyId: 'county-2' }}                                  | ${false} | ${'none'}
    ${'an admin without a county'}                       | ${{ userId: 'admin-3', role: 'admin' }}                                                        | ${false} | ${'none'}
    ${'a volunteer of the same community'}               | ${{ userId: 'v1', role: 'volunteer', communityId: 'comm-xueyuan', centreId: 'centre-xueyuan' }} | ${false} | ${'community-volunteer'}
  `('$who: "$relation"', ({ actor, bound, relation }: { actor: Actor; bound: boolean; relation: Relation }) => {
    expect(relationTo(actor, elder, bound)).toBe(relation);
  });

  test('a binding makes only a relative family: an elder, worker or volunteer gains nothing from it', () => {
    expect(relationTo({ userId: 'elder-li', role: 'elder' }, elder, true)).toBe('none');
    expect(relationTo({ userId: 'w3', role: 'worker', communityId: 'comm-gzp', centreId: 'centre-gzp' }, elder, true)).toBe('none');
    expect(relationTo({ userId: 'v1', role: 'volunteer' }, elder, true)).toBe('none');
  });

  test('of a centre’s own things, every worker of the centre is a centre worker; the admin needs the county to match', () => {
    expect(relationTo({ userId: 'w1', role: 'worker', communityId: 'comm-xueyuan', centreId: 'centre-xueyuan' }, centre, false)).toBe('centre-worker');
    expect(relationTo({ userId: 'w2', role: 'worker', communityId: 'comm-dongfeng', centreId: 'centre-xueyuan' }, centre, false)).toBe('centre-worker');
    expect(relationTo({ userId: 'admin', role: 'admin', countyId: 'county-1' }, centre, false)).toBe('county-admin');
    expect(relationTo({ userId: 'admin-2', role: 'admin', countyId: 'county-2' }, centre, false)).toBe('none');
  });

  test('a volunteer of the elder’s community or county may do nothing with the elder: no profile, order, visit or health record', () => {
    const elderActions = (Object.keys(policy) as Action[]).filter((action) => /^(elder|order|booking)\./.test(action));
    for (const relation of ['community-volunteer', 'county-volunteer', 'claimer'] as const) {
      expect(elderActions.filter((action) => may(action, relation))).toEqual([]);
    }
  });

  test('whatever the ids: an admin reaches exactly their own county, a volunteer only as a volunteer of the place, and nobody reaches a thing with no owner', () => {
    const id = fc.stringMatching(/^[a-z0-9-]{1,8}$/);
    const maybe = fc.option(id, { nil: undefined });
    fc.assert(
      fc.property(id, maybe, maybe, id, id, fc.boolean(), (userId, actorCounty, actorCommunity, subjectCounty, elderId, bound) => {
        const subject = { elderId, communityId: 'c', centreId: 'x', countyId: subjectCounty };
        expect(relationTo({ userId, role: 'admin', countyId: actorCounty }, subject, bound)).toBe(actorCounty === subjectCounty ? 'county-admin' : 'none');
        expect(relationTo({ userId, role: 'volunteer', communityId: actorCommunity }, subject, bound)).toBe(actorCommunity === 'c' ? 'community-volunteer' : 'none');
        for (const role of roles) expect(relationTo({ userId, role, communityId: actorCommunity, countyId: actorCounty }, {}, bound)).toBe('none');
      }),
    );
  });
});

test('service staff reach only what they are assigned to: never a profile, the canteen or a centre by place', () => {
  const id = fc.stringMatching(/^[a-z0-9-]{1,8}$/);
  fc.assert(
    fc.property(id, id, id, id, fc.boolean(), (userId, elderId, communityId, centreId, bound) => {
      const staff = { userId, role: 'staff' as const, communityId, centreId, countyId: 'county' };
      const place = { elderId, communityId, centreId, countyId: 'county' };
      expect(relationTo(staff, place, bound)).toBe('none');
      expect(relationTo(staff, { ...place, staffId: `${userId}-other` }, bound)).toBe('none');
      expect(relationTo(staff, { ...place, staffId: userId }, bound)).toBe('assigned-staff');
    }),
  );
});

test('being named as a visit’s staff member gives nothing to anyone but a staff member', () => {
  for (const role of roles.filter((one) => one !== 'staff')) {
    expect(relationTo({ userId: 'u1', role }, { staffId: 'u1' }, false)).toBe('none');
  }
});

describe('the policy table: what each relation may do', () => {
  // One row per action, one column per relation, written out from the product rules.
  const expected: Record<Action, Record<Exclude<Relation, 'none'>, boolean>> = {
    //                       self   family  community-worker centre-worker county-admin
    'elder.read':           { self: true, family: true, 'community-worker': true, 'centre-worker': false, 'county-admin': true, 'assigned-staff': false, claimer: false, 'community-volunteer': false, 'county-volunteer': false },
    'elder.editContact':    { self: true, family: true, 'community-worker': true, 'centre-worker': false, 'county-admin': false, 'assigned-staff': false, claimer: false, 'community-volunteer': false, 'county-volunteer': false },
    'elder.verify':         { self: false, family: false, 'community-worker': true, 'centre-worker': false, 'county-admin': false, 'assigned-staff': false, claimer: false, 'community-volunteer': false, 'county-volunteer': false },
    'elder.move':           { self: false, family: false, 'community-worker': true, 'centre-worker': false, 'county-admin': true, 'assigned-staff': false, claimer: false, 'community-volunteer': false, 'county-volunteer': false },
    'elder.setStatus':      { self: false, family: false, 'community-worker': true, 'centre-worker': false, 'county-admin': false, 'assigned-staff': false, claimer: false, 'community-volunteer': false, 'county-volunteer': false },
    'elder.close':          { self: false, family: false, 'community-worker': true, 'centre-worker': false, 'county-admin': false, 'assigned-staff': false, claimer: false, 'community-volunteer': false, 'county-volunteer': false },
    'elder.manageBindings': { self: true, family: false, 'community-worker': true, 'centre-worker': false, 'county-admin': false, 'assigned-staff': false, claimer: false, 'community-volunteer': false, 'county-volunteer': false },
    'elder.order':          { self: true, family: true, 'community-worker': true, 'centre-worker': false, 'county-admin': false, 'assigned-staff': false, claimer: false, 'community-volunteer': false, 'county-volunteer': false },
    'order.read':           { self: true, family: true, 'community-worker': true, 'centre-worker': true, 'county-admin': true, 'assigned-staff': false, claimer: false, 'community-volunteer': false, 'county-volunteer': false },
    'order.cancel':         { self: true, family: true, 'community-worker': true, 'centre-worker': true, 'county-admin': false, 'assigned-staff': false, claimer: false, 'community-volunteer': false, 'county-volunteer': false },
    'order.move':           { self: false, family: false, 'community-worker': true, 'centre-worker': true, 'county-admin': false, 'assigned-staff': false, claimer: false, 'community-volunteer': false, 'county-volunteer': false },
    'centre.read':          { self: false, family: false, 'community-worker': false, 'centre-worker': true, 'county-admin': true, 'assigned-staff': false, claimer: false, 'community-volunteer': false, 'county-volunteer': false },
    'centre.run':           { self: false, family: false, 'community-worker': false, 'centre-worker': true, 'county-admin': false, 'assigned-staff': false, claimer: false, 'community-volunteer': false, 'county-volunteer': false },
    'centre.setPricing':    { self: false, family: false, 'community-worker': false, 'centre-worker': false, 'county-admin': true, 'assigned-staff': false, claimer: false, 'community-volunteer': false, 'county-volunteer': false },
    'community.listElders': { self: false, family: false, 'community-worker': true, 'centre-worker': false, 'county-admin': true, 'assigned-staff': false, claimer: false, 'community-volunteer': false, 'county-volunteer': false },
    'community.listVolunteers': { self: false, family: false, 'community-worker': true, 'centre-worker': false, 'county-admin': true, 'assigned-staff': false, claimer: false, 'community-volunteer': false, 'county-volunteer': false },
    'community.confirmVolunteers': { self: false, family: false, 'community-worker': true, 'centre-worker': false, 'county-admin': false, 'assigned-staff': false, claimer: false, 'community-volunteer': false, 'county-volunteer': false },
    'community.registerElder': { self: false, family: false, 'community-worker': true, 'centre-worker': false, 'county-admin': false, 'assigned-staff': false, claimer: false, 'community-volunteer': false, 'county-volunteer': false },
    'org.manage':           { self: false, family: false, 'community-worker': false, 'centre-worker': false, 'county-admin': true, 'assigned-staff': false, claimer: false, 'community-volunteer': false, 'county-volunteer': false },
    'elder.book':           { self: true, family: true, 'community-worker': true, 'centre-worker': false, 'county-admin': false, 'assigned-staff': false, claimer: false, 'community-volunteer': false, 'county-volunteer': false },
    // Health data is not the county's to read; staff only through a visit to the elder.
    'elder.readHealth':     { self: true, family: true, 'community-worker': true, 'centre-worker': true, 'county-admin': false, 'assigned-staff': true, claimer: false, 'community-volunteer': false, 'county-volunteer': false },
    'elder.readHealthConsent': { self: true, family: true, 'community-worker': true, 'centre-worker': true, 'county-admin': false, 'assigned-staff': true, claimer: false, 'community-volunteer': false, 'county-volunteer': false },
    'elder.setHealthConsent': { self: true, family: true, 'community-worker': false, 'centre-worker': false, 'county-admin': false, 'assigned-staff': false, claimer: false, 'community-volunteer': false, 'county-volunteer': false },
    'elder.readHealthReads': { self: true, family: true, 'community-worker': false, 'centre-worker': false, 'county-admin': false, 'assigned-staff': false, claimer: false, 'community-volunteer': false, 'county-volunteer': false },
    'booking.read':         { self: true, family: true, 'community-worker': true, 'centre-worker': true, 'county-admin': true, 'assigned-staff': true, claimer: false, 'community-volunteer': false, 'county-volunteer': false },
    'booking.cancel':       { self: true, family: true, 'community-worker': true, 'centre-worker': true, 'county-admin': false, 'assigned-staff': false, claimer: false, 'community-volunteer': false, 'county-volunteer': false },
    'booking.dispatch':     { self: false, family: false, 'community-worker': true, 'centre-worker': true, 'county-admin': false, 'assigned-staff': false, claimer: false, 'community-volunteer': false, 'county-volunteer': false },
    'booking.noShow':       { self: false, family: false, 'community-worker': true, 'centre-worker': true, 'county-admin': false, 'assigned-staff': true, claimer: false, 'community-volunteer': false, 'county-volunteer': false },
    'booking.visit':        { self: false, family: false, 'community-worker': false, 'centre-worker': false, 'county-admin': false, 'assigned-staff': true, claimer: false, 'community-volunteer': false, 'county-volunteer': false },
    'booking.doorCode':     { self: true, family: true, 'community-worker': false, 'centre-worker': false, 'county-admin': false, 'assigned-staff': true, claimer: false, 'community-volunteer': false, 'county-volunteer': false },
    'booking.rate':         { self: true, family: true, 'community-worker': false, 'centre-worker': false, 'county-admin': false, 'assigned-staff': false, claimer: false, 'community-volunteer': false, 'county-volunteer': false },
    'centre.manageCare':    { self: false, family: false, 'community-worker': false, 'centre-worker': true, 'county-admin': false, 'assigned-staff': false, claimer: false, 'community-volunteer': false, 'county-volunteer': false },
    'elder.wish':          { self: true, family: true, 'community-worker': true, 'centre-worker': false, 'county-admin': false, 'assigned-staff': false, claimer: false, 'community-volunteer': false, 'county-volunteer': false },
    'wish.read':           { self: true, family: true, 'community-worker': true, 'centre-worker': false, 'county-admin': true, 'assigned-staff': false, claimer: true, 'community-volunteer': true, 'county-volunteer': true },
    'wish.review':         { self: false, family: false, 'community-worker': true, 'centre-worker': false, 'county-admin': false, 'assigned-staff': false, claimer: false, 'community-volunteer': false, 'county-volunteer': false },
    'wish.claim':          { self: false, family: false, 'community-worker': false, 'centre-worker': false, 'county-admin': false, 'assigned-staff': false, claimer: false, 'community-volunteer': true, 'county-volunteer': true },
    'wish.release':        { self: false, family: false, 'community-worker': true, 'centre-worker': false, 'county-admin': false, 'assigned-staff': false, claimer: true, 'community-volunteer': false, 'county-volunteer': false },
    'wish.deliver':        { self: false, family: false, 'community-worker': false, 'centre-worker': false, 'county-admin': false, 'assigned-staff': false, claimer: true, 'community-volunteer': false, 'county-volunteer': false },
    'wish.confirm':        { self: true, family: true, 'community-worker': true, 'centre-worker': false, 'county-admin': false, 'assigned-staff': false, claimer: false, 'community-volunteer': false, 'county-volunteer': false },
    'wish.thank':          { self: true, family: true, 'community-worker': false, 'centre-worker': false, 'county-admin': false, 'assigned-staff': false, claimer: false, 'community-volunteer': false, 'county-volunteer': false },
    'community.readWishes':  { self: false, family: false, 'community-worker': true, 'centre-worker': false, 'county-admin': true, 'assigned-staff': false, claimer: false, 'community-volunteer': false, 'county-volunteer': false },
    'community.runWishes':  { self: false, family: false, 'community-worker': true, 'centre-worker': false, 'county-admin': false, 'assigned-staff': false, claimer: false, 'community-volunteer': false, 'county-volunteer': false },
    'community.wall':      { self: false, family: false, 'community-worker': true, 'centre-worker': false, 'county-admin': true, 'assigned-staff': false, claimer: false, 'community-volunteer': true, 'county-volunteer': true },
    'community.store':     { self: true, family: true, 'community-worker': true, 'centre-worker': false, 'county-admin': true, 'assigned-staff': false, claimer: false, 'community-volunteer': true, 'county-volunteer': false },
    'points.read':         { self: true, family: true, 'community-worker': true, 'centre-worker': false, 'county-admin': true, 'assigned-staff': false, claimer: false, 'community-volunteer': false, 'county-volunteer': false },
    'points.spend':        { self: true, family: true, 'community-worker': false, 'centre-worker': false, 'county-admin': false, 'assigned-staff': false, claimer: false, 'community-volunteer': false, 'county-volunteer': false },
    'points.grant':        { self: false, family: false, 'community-worker': true, 'centre-worker': false, 'county-admin': false, 'assigned-staff': false, claimer: false, 'community-volunteer': false, 'county-volunteer': false },
    'redemption.handle':   { self: false, family: false, 'community-worker': true, 'centre-worker': false, 'county-admin': false, 'assigned-staff': false, claimer: false, 'community-volunteer': false, 'county-volunteer': false },
    'community.readFigures': { self: false, family: false, 'community-worker': true, 'centre-worker': true, 'county-admin': true, 'assigned-staff': false, claimer: false, 'community-volunteer': false, 'county-volunteer': false },
    'centre.readFigures': { self: false, family: false, 'community-worker': false, 'centre-worker': true, 'county-admin': true, 'assigned-staff': false, claimer: false, 'community-volunteer': false, 'county-volunteer': false },
    'county.readFigures': { self: false, family: false, 'community-worker': false, 'centre-worker': false, 'county-admin': true, 'assigned-staff': false, claimer: false, 'community-volunteer': false, 'county-volunteer': false },
    'county.settle':    { self: false, family: false, 'community-worker': false, 'centre-worker': false, 'county-admin': true, 'assigned-staff': false, claimer: false, 'community-volunteer': false, 'county-volunteer': false },
    'community.readAudit': { self: false, family: false, 'community-worker': true, 'centre-worker': true, 'county-admin': true, 'assigned-staff': false, claimer: false, 'community-volunteer': false, 'county-volunteer': false },
    'county.readAudit': { self: false, family: false, 'community-worker': false, 'centre-worker': false, 'county-admin': true, 'assigned-staff': false, claimer: false, 'community-volunteer': false, 'county-volunteer': false },
    'elder.readAccessLog': { self: true, family: true, 'community-worker': false, 'centre-worker': false, 'county-admin': false, 'assigned-staff': false, claimer: false, 'community-volunteer': false, 'county-volunteer': false },
    'elder.raiseAlert': { self: true, family: true, 'community-worker': false, 'centre-worker': false, 'county-admin': false, 'assigned-staff': false, claimer: false, 'community-volunteer': false, 'county-volunteer': false },
    'alert.read': { self: true, family: true, 'community-worker': true, 'centre-worker': true, 'county-admin': true, 'assigned-staff': false, claimer: false, 'community-volunteer': false, 'county-volunteer': false },
    'alert.respond': { self: false, family: false, 'community-worker': true, 'centre-worker': true, 'county-admin': true, 'assigned-staff': false, claimer: false, 'community-volunteer': false, 'county-volunteer': false },
    'community.readAlerts': { self: false, family: false, 'community-worker': true, 'centre-worker': true, 'county-admin': true, 'assigned-staff': false, claimer: false, 'community-volunteer': false, 'county-volunteer': false },
    'community.readNotifications': { self: false, family: false, 'community-worker': true, 'centre-worker': false, 'county-admin': true, 'assigned-staff': false, claimer: false, 'community-volunteer': false, 'county-volunteer': false },
    'community.setDutyPhone': { self: false, family: false, 'community-worker': true, 'centre-worker': false, 'county-admin': true, 'assigned-staff': false, claimer: false, 'community-volunteer': false, 'county-volunteer': false },
  };

  test('every action of the policy is in this table, and no other', () => {
    expect(Object.keys(policy).sort()).toEqual(Object.keys(expected).sort());
  });

  for (const [action, row] of Object.entries(expected) as Array<[Action, Record<string, boolean>]>) {
    test.each(Object.entries(row))(`${action}: %s → %s`, (relation, allowed) => {
      expect(may(action, relation as Relation)).toBe(allowed);
    });
    test(`${action}: no relation → refused`, () => expect(may(action, 'none')).toBe(false));
  }
});
