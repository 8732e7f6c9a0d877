import { setClock } from '../../src/platform/clock';
import { wishSubject } from '../../src/features/wishes/data';
import { Wish } from '../../src/features/wishes/entities';
import { auditOf } from '../../src/store/audit';
import { useApi } from '../support/api';
import { createWorld, tableItems } from '../support/seed';
import { createVolunteer, expectRefusedUnchanged, IN_WINDOW, storedWish, wishBody } from '../support/wish-fixtures';

/**
 * 送到家里 tells the wish's claimer the elder's address, so it needs her agreement: the elder choosing it
 * herself agrees; a relative or a worker posting for her must confirm that she agreed (400
 * ADDRESS_AGREEMENT_MISSING on addressAgreed otherwise, nothing written). The wish keeps who agreed and when,
 * and the elder's side and the community are shown it.
 */
const api = useApi();
beforeEach(() => setClock(IN_WINDOW));

const post = (callerId: string, elderId: string, overrides: Record<string, unknown> = {}) => api.as(callerId).post(`/elders/${elderId}/wishes`, wishBody(overrides));

describe('a home handover posted for the elder needs her agreement', () => {
  test.each([
    ['a relative', 'family'],
    ['a worker', 'worker'],
  ] as const)('%s posting 送到家里 without confirming it, or with false, is refused naming the field', async (_who, caller) => {
    const world = await createWorld();
    const callerId = world[caller].userId;
    const before = await tableItems();
    for (const overrides of [{ handover: 'home' }, { handover: 'home', addressAgreed: false }]) {
      const refused = await post(callerId, world.elder.elderId, overrides);
      await expectRefusedUnchanged(refused, 400, 'ADDRESS_AGREEMENT_MISSING', before);
      expect(refused.body.error.message).toContain('王秀英本人同意把地址告诉认领的志愿者');
      expect(refused.body.error.details.fields).toEqual([{ field: 'addressAgreed', message: refused.body.error.message }]);
    }
  });

  test('a relative who confirms it posts the wish; it keeps who agreed for her and when, on the wish and in its event', async () => {
    const world = await createWorld();
    const posted = await post(world.family.userId, world.elder.elderId, { handover: 'home', addressAgreed: true });
    expect(posted.status).toBe(201);
    const agreement = { byName: '王磊', onBehalf: true, at: IN_WINDOW };
    expect(posted.body.wish).toMatchObject({ status: 'pending', handover: 'home', addressAgreement: agreement });
    expect(await storedWish(posted.body.wish.wishId)).toMatchObject({ addressAgreedBy: world.family.userId, addressAgreedByName: '王磊', addressAgreedAt: IN_WINDOW });
    const [event] = await auditOf(wishSubject(posted.body.wish.wishId));
    expect(event.changes).toContainEqual({ field: 'addressAgreedBy', after: '王磊' });

    const seenByElder = await api.as(world.elder.elderId).get(`/wishes/${posted.body.wish.wishId}`);
    expect(seenByElder.body.wish.addressAgreement).toEqual(agreement);
    const listed = await api.as(world.elder.elderId).get(`/elders/${world.elder.elderId}/wishes`);
    expect(listed.body.wishes[0].addressAgreement).toEqual(agreement);
  });

  test('a worker who confirms it posts the wish, waiting for the community’s review as any other', async () => {
    const world = await createWorld();
    const posted = await post(world.worker.userId, world.elder.elderId, { handover: 'home', addressAgreed: true });
    expect(posted.status).toBe(201);
    expect(posted.body.wish).toMatchObject({ status: 'pending', addressAgreement: { byName: '刘晓燕', onBehalf: true, at: IN_WINDOW }, can: { review: true } });
  });

  test('the elder choosing 送到家里 herself is her agreement, the box or not', async () => {
    const world = await createWorld();
    for (const overrides of [{ handover: 'home' }, { handover: 'home', addressAgreed: false }]) {
      const posted = await post(world.elder.elderId, world.elder.elderId, overrides);
      expect(posted.status).toBe(201);
      expect(posted.body.wish.addressAgreement).toEqual({ byName: '王秀英', onBehalf: false, at: IN_WINDOW });
    }
  });

  test('a wish handed over at the centre records no agreement, whatever was ticked', async () => {
    const world = await createWorld();
    const posted = await post(world.family.userId, world.elder.elderId, { handover: 'centre', addressAgreed: true });
    expect(posted.status).toBe(201);
    expect(posted.body.wish.addressAgreement).toBeUndefined();
    expect((await storedWish(posted.body.wish.wishId))?.addressAgreedBy).toBeUndefined();
  });

  test('the same key with the agreement changed is another request: IDEMPOTENCY_KEY_REUSED', async () => {
    const world = await createWorld();
    const body = wishBody({ handover: 'home', addressAgreed: true });
    expect((await api.as(world.family.userId).post(`/elders/${world.elder.elderId}/wishes`, body)).status).toBe(201);
    const before = await tableItems();
    const changed = await api.as(world.family.userId).post(`/elders/${world.elder.elderId}/wishes`, { ...body, addressAgreed: false });
    await expectRefusedUnchanged(changed, 409, 'IDEMPOTENCY_KEY_REUSED', before);
  });
});

describe('who is shown the agreement', () => {
  test('volunteers on the wall and the claimer are not; the claimer is told the address, as before', async () => {
    const world = await createWorld();
    const volunteer = await createVolunteer(world.home);
    const posted = await post(world.family.userId, world.elder.elderId, { handover: 'home', addressAgreed: true });
    const wishId = posted.body.wish.wishId;
    expect((await api.as(world.worker.userId).post(`/wishes/${wishId}/publish`, {})).status).toBe(200);
    expect((await api.as(volunteer.userId).get(`/wishes/${wishId}`)).body.wish.addressAgreement).toBeUndefined();
    const claimed = await api.as(volunteer.userId).post(`/wishes/${wishId}/claim`);
    expect(claimed.body.wish.addressAgreement).toBeUndefined();
    expect(claimed.body.wish.handoverDetail.address).toBe(world.elder.address);
  });

  test('a home wish from before the agreement was asked still loads, with no agreement shown', async () => {
    const world = await createWorld();
    const posted = await post(world.elder.elderId, world.elder.elderId, { handover: 'home' });
    await Wish.patch({ wishId: posted.body.wish.wishId }).remove(['addressAgreedBy', 'addressAgreedByName', 'addressAgreedAt']).go();
    const seen = await api.as(world.family.userId).get(`/wishes/${posted.body.wish.wishId}`);
    expect(seen.status).toBe(200);
    expect(seen.body.wish).toMatchObject({ handover: 'home', handoverName: '送到家里' });
    expect(seen.body.wish.addressAgreement).toBeUndefined();
  });
});
