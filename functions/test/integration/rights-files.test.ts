import { SPOKEN_WISH_TITLE } from '@yilin/contract';
import { setClock } from '../../src/platform/clock';
import { applyRetention } from '../../src/features/rights/elder-closing';
import { readUrl } from '../../src/store/files';
import { jpegBytes, mp3Bytes, uploadWith, useFilesServer } from '../support/files-server';
import { useApi } from '../support/api';
import { MONDAY, setLocalTime } from '../support/canteen-fixtures';
import { createWorld } from '../support/seed';
import { IN_WINDOW, claimedWish, createVolunteer, storedWish, wishBody } from '../support/wish-fixtures';

/**
 * The files of an elder who leaves for good: the voice notes they recorded and the photos of wishes handed over
 * to them hold their voice and their home. A closing deletes them from the bucket, and the retention rule does
 * so for an elder who died or moved away once the retention period is over; the wishes stay, pointing to no file.
 */
useFilesServer('yilin-files-rights');
const api = useApi();


async function upload(form: { url: string; fields: Record<string, string> }, bytes: Buffer, type: string) {
  expect((await uploadWith(form, bytes, type)).ok).toBe(true);
}

/** Whether the bucket still holds the file. */
const inBucket = async (key: string) => (await fetch(await readUrl(key))).ok;

/** A wish the elder said in a voice note, posted by the elder: its id and the note's key. */
async function spokenWish(elderId: string) {
  const form = await api.as(elderId).post(`/elders/${elderId}/wish-voice-uploads`, { contentType: 'audio/mpeg' });
  await upload(form.body, mp3Bytes, 'audio/mpeg');
  const posted = await api.as(elderId).post(`/elders/${elderId}/wishes`, wishBody({ title: SPOKEN_WISH_TITLE, story: '', category: 'other', voiceKey: form.body.key, voiceSeconds: 12 }));
  expect(posted.status).toBe(201);
  return { wishId: posted.body.wish.wishId as string, voiceKey: form.body.key as string };
}

test('a closed elder’s voice notes and the photos of wishes handed to them are deleted; the wishes stay and point to no file', async () => {
  setClock(IN_WINDOW);
  const world = await createWorld();
  const { elderId } = world.elder;
  const spoken = await spokenWish(elderId);
  const volunteer = await createVolunteer(world.home);
  const handed = await claimedWish(api, world.worker.userId, volunteer.userId, elderId);
  const form = await api.as(volunteer.userId).post(`/wishes/${handed.wishId}/photo-uploads`, { contentType: 'image/jpeg' });
  await upload(form.body, jpegBytes, 'image/jpeg');
  expect((await api.as(volunteer.userId).post(`/wishes/${handed.wishId}/deliver`, { message: '送到了', photoKey: form.body.key })).status).toBe(200);
  expect((await api.as(world.worker.userId).post(`/wishes/${handed.wishId}/confirm`)).status).toBe(200);
  const neighbours = await spokenWish(world.neighbour.elderId);
  expect([await inBucket(spoken.voiceKey), await inBucket(form.body.key)]).toEqual([true, true]);

  expect((await api.as(world.worker.userId).post(`/elders/${elderId}/close`, { note: '本人到社区申请注销' })).status).toBe(200);

  expect([await inBucket(spoken.voiceKey), await inBucket(form.body.key)]).toEqual([false, false]);
  const [withdrawn, realised] = [await storedWish(spoken.wishId), await storedWish(handed.wishId)];
  expect(withdrawn).toMatchObject({ status: 'withdrawn', title: SPOKEN_WISH_TITLE });
  expect(realised).toMatchObject({ status: 'realised', deliveryMessage: '送到了' });
  for (const wish of [withdrawn, realised]) {
    expect([wish?.voiceKey, wish?.voiceSeconds, wish?.deliveryPhotoKey]).toEqual([undefined, undefined, undefined]);
  }
  // The community still sees both wishes, without the voice or the photo.
  const seenSpoken = await api.as(world.worker.userId).get(`/wishes/${spoken.wishId}`);
  expect([seenSpoken.status, seenSpoken.body.wish.title, seenSpoken.body.wish.voice]).toEqual([200, SPOKEN_WISH_TITLE, undefined]);
  const seenRealised = await api.as(world.worker.userId).get(`/wishes/${handed.wishId}`);
  expect([seenRealised.status, seenRealised.body.wish.delivery]).toEqual([200, { message: '送到了', at: expect.any(String) }]);
  // Only that elder's files: the neighbour's voice note stays.
  expect(await inBucket(neighbours.voiceKey)).toBe(true);
  expect((await storedWish(neighbours.wishId))?.voiceKey).toBe(neighbours.voiceKey);
});

test('an elder who died keeps their voice note for the retention period, and loses it when the period is over', async () => {
  setLocalTime(MONDAY, '08:00');
  const world = await createWorld();
  const { elderId } = world.elder;
  const spoken = await spokenWish(elderId);
  expect((await api.as(world.worker.userId).put(`/elders/${elderId}/status`, { status: 'deceased', note: '女儿来说的' })).status).toBe(200);

  setLocalTime('2027-02-13', '08:00'); // 89 days later
  expect(await applyRetention()).toMatchObject({ erased: 0, failed: 0 });
  expect(await inBucket(spoken.voiceKey)).toBe(true);
  expect((await storedWish(spoken.wishId))?.voiceKey).toBe(spoken.voiceKey);

  setLocalTime('2027-02-15', '08:00'); // 91 days later
  expect(await applyRetention()).toMatchObject({ erased: 1, failed: 0 });
  expect(await inBucket(spoken.voiceKey)).toBe(false);
  expect((await storedWish(spoken.wishId))?.voiceKey).toBeUndefined();
});
