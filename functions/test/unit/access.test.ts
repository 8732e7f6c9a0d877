import fc from 'fast-check';
import { canEditContact, canListCommunity, canManageBindings, canVerify, elderAccess, type Actor, type ElderAccess } from '../../src/domain/access';
import { roles } from '../../src/routes';

const elder = { elderId: 'elder-wang', communityId: 'comm-xueyuan' };

describe('elderAccess: who may see an elder', () => {
  test.each`
    who                                   | actor                                                             | bound    | access
    ${'the elder themself'}               | ${{ userId: 'elder-wang', role: 'elder' }}                        | ${false} | ${'self'}
    ${'another elder'}                    | ${{ userId: 'elder-li', role: 'elder', communityId: 'comm-xueyuan' }} | ${false} | ${'none'}
    ${'a bound relative'}                 | ${{ userId: 'family-wang', role: 'family' }}                      | ${true}  | ${'family'}
    ${'an unbound relative'}              | ${{ userId: 'family-chen', role: 'family' }}                      | ${false} | ${'none'}
    ${'a worker of the same community'}   | ${{ userId: 'worker-1', role: 'worker', communityId: 'comm-xueyuan' }} | ${false} | ${'community-worker'}
    ${'a worker of another community'}    | ${{ userId: 'worker-2', role: 'worker', communityId: 'comm-dongfeng' }} | ${false} | ${'none'}
    ${'a worker with no community'}       | ${{ userId: 'worker-3', role: 'worker' }}                         | ${false} | ${'none'}
    ${'the county admin'}                 | ${{ userId: 'admin', role: 'admin' }}                             | ${false} | ${'county-admin'}
    ${'a volunteer of the same community'} | ${{ userId: 'volunteer-1', role: 'volunteer', communityId: 'comm-xueyuan' }} | ${false} | ${'none'}
  `('$who gets "$access"', ({ actor, bound, access }: { actor: Actor; bound: boolean; access: ElderAccess }) => {
    expect(elderAccess(actor, elder, bound)).toBe(access);
  });

  test('a binding gives access only to relatives: an elder, worker or volunteer gains nothing from it', () => {
    expect(elderAccess({ userId: 'elder-li', role: 'elder' }, elder, true)).toBe('none');
    expect(elderAccess({ userId: 'worker-2', role: 'worker', communityId: 'comm-dongfeng' }, elder, true)).toBe('none');
    expect(elderAccess({ userId: 'volunteer-1', role: 'volunteer', communityId: 'comm-xueyuan' }, elder, true)).toBe('none');
  });

  test('a worker without a community never matches an elder without one', () => {
    expect(elderAccess({ userId: 'worker-3', role: 'worker' }, { elderId: 'e', communityId: undefined as unknown as string }, false)).toBe('none');
  });

  test('whatever the ids, communities and bindings: the admin always sees, a volunteer never does', () => {
    const id = fc.stringMatching(/^[a-z0-9-]{1,12}$/);
    fc.assert(
      fc.property(id, id, fc.option(id, { nil: undefined }), id, fc.boolean(), (userId, elderId, communityId, elderCommunity, bound) => {
        const target = { elderId, communityId: elderCommunity };
        expect(elderAccess({ userId, role: 'admin', communityId }, target, bound)).toBe('county-admin');
        expect(elderAccess({ userId, role: 'volunteer', communityId }, target, bound)).toBe('none');
      }),
    );
  });
});

describe('what each kind of access allows', () => {
  const table: Array<[ElderAccess, { contact: boolean; verify: boolean; bindings: boolean }]> = [
    ['self', { contact: true, verify: false, bindings: true }],
    ['family', { contact: true, verify: false, bindings: false }],
    ['community-worker', { contact: true, verify: true, bindings: true }],
    ['county-admin', { contact: false, verify: false, bindings: false }],
    ['none', { contact: false, verify: false, bindings: false }],
  ];

  test.each(table)('"%s" may edit contact / verify / manage bindings: %j', (access, allowed) => {
    expect(canEditContact(access)).toBe(allowed.contact);
    expect(canVerify(access)).toBe(allowed.verify);
    expect(canManageBindings(access)).toBe(allowed.bindings);
  });
});

describe('canListCommunity: workers list their own community, the admin lists any', () => {
  test('a worker lists their own community but not another', () => {
    const worker: Actor = { userId: 'w', role: 'worker', communityId: 'comm-xueyuan' };
    expect(canListCommunity(worker, 'comm-xueyuan')).toBe(true);
    expect(canListCommunity(worker, 'comm-dongfeng')).toBe(false);
  });

  test('the admin lists any community', () => {
    expect(canListCommunity({ userId: 'a', role: 'admin' }, 'comm-dongfeng')).toBe(true);
  });

  test.each(roles.filter((role) => role !== 'worker' && role !== 'admin'))('a %s lists no community, not even their own', (role) => {
    expect(canListCommunity({ userId: 'x', role, communityId: 'comm-xueyuan' }, 'comm-xueyuan')).toBe(false);
  });
});
