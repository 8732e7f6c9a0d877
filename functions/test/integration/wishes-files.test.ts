import { setClock } from '../../src/platform/clock';
import { jpegBytes, mp3Bytes, uploadWith, useFilesServer } from '../support/files-server';
import { useApi, errorCode } from '../support/api';
import { createWorld, tableItems } from '../support/seed';
import { IN_WINDOW, claimedWish, createVolunteer, wishBody } from '../support/wish-fixtures';

/**
 * What a wish carries besides words: the photo a volunteer takes when handing it over, and the voice note an
 * elder who cannot type records instead. Both go from the phone to the local S3-compatible server with the
 * form the API signs, are checked by their bytes, and are heard or seen only by those the wish shows them to.
 */
useFilesServer('yilin-files-wishes');
const api = useApi();
beforeEach(() => setClock(IN_WINDOW));


async function upload(form: { url: string; fields: Record<string, string> }, bytes: Buffer, type: string) {
  expect((await uploadWith(form, bytes, type)).ok).toBe(true);
}

test('the claimer hands a wish over with a photo: the elder’s side and the community see it, a volunteer who did not claim it does not', async () => {
  const world = await createWorld();
  const claimer = await createVolunteer(world.home, { name: '李华' });
  const wish = await claimedWish(api, world.worker.userId, claimer.userId, world.elder.elderId);
  const form = await api.as(claimer.userId).post(`/wishes/${wish.wishId}/photo-uploads`, { contentType: 'image/jpeg' });
  expect(form.status).toBe(200);
  await upload(form.body, jpegBytes, 'image/jpeg');
  const delivered = await api.as(claimer.userId).post(`/wishes/${wish.wishId}/deliver`, { message: '送到了', photoKey: form.body.key });
  expect(delivered.status).toBe(200);
  const seen = await api.as(world.family.userId).get(`/wishes/${wish.wishId}`);
  const photo = await fetch(seen.body.wish.delivery.photoUrl);
  expect(Buffer.from(await photo.arrayBuffer()).equals(jpegBytes)).toBe(true);
  expect((await api.as(world.worker.userId).get(`/wishes/${wish.wishId}`)).body.wish.delivery.photoUrl).toBeDefined();
  const other = await createVolunteer(world.home, { name: '陈晓' });
  expect((await api.as(other.userId).post(`/wishes/${wish.wishId}/photo-uploads`, { contentType: 'image/jpeg' })).status).toBe(404);
});

test('a photo that is not one, or another wish’s, is refused by its bytes and its folder, and nothing is written', async () => {
  const world = await createWorld();
  const claimer = await createVolunteer(world.home);
  const wish = await claimedWish(api, world.worker.userId, claimer.userId, world.elder.elderId);
  const other = await claimedWish(api, world.worker.userId, claimer.userId, world.neighbour.elderId, { title: '想要一个收音机' });
  const fake = await api.as(claimer.userId).post(`/wishes/${wish.wishId}/photo-uploads`, { contentType: 'image/jpeg' });
  await upload(fake.body, Buffer.from('<html></html>'), 'image/jpeg');
  const foreign = await api.as(claimer.userId).post(`/wishes/${other.wishId}/photo-uploads`, { contentType: 'image/jpeg' });
  await upload(foreign.body, jpegBytes, 'image/jpeg');
  const before = await tableItems();
  for (const key of [fake.body.key, foreign.body.key]) {
    const refused = await api.as(claimer.userId).post(`/wishes/${wish.wishId}/deliver`, { message: '送到了', photoKey: key });
    expect([refused.status, errorCode(refused), refused.body.error.details.field]).toEqual([400, 'PHOTO_INVALID', 'photoKey']);
  }
  expect(await tableItems()).toEqual(before);
});

test('an elder who cannot type records the wish: the voice note reaches the community, which writes it down when publishing; volunteers never hear it', async () => {
  const world = await createWorld();
  const form = await api.as(world.elder.elderId).post(`/elders/${world.elder.elderId}/wish-voice-uploads`, { contentType: 'audio/mpeg' });
  expect(form.status).toBe(200);
  expect(form.body.key).toMatch(new RegExp(`^voice/wish-voice-${world.elder.elderId}/`));
  await upload(form.body, mp3Bytes, 'audio/mpeg');
  const posted = await api.as(world.elder.elderId).post(
    `/elders/${world.elder.elderId}/wishes`,
    wishBody({ title: '我录了一段语音', story: '', category: 'other', voiceKey: form.body.key, voiceSeconds: 12 }),
  );
  expect(posted.status).toBe(201);
  expect(posted.body.wish.voice.seconds).toBe(12);
  const heard = await api.as(world.worker.userId).get(`/wishes/${posted.body.wish.wishId}`);
  const voice = await fetch(heard.body.wish.voice.url);
  expect(Buffer.from(await voice.arrayBuffer()).equals(mp3Bytes)).toBe(true);

  const unheard = await api.as(world.worker.userId).post(`/wishes/${posted.body.wish.wishId}/publish`, {});
  expect([unheard.status, errorCode(unheard), unheard.body.error.details.field]).toEqual([400, 'INVALID_INPUT', 'title']);
  expect(unheard.body.error.message).toContain('先听一听');
  const published = await api.as(world.worker.userId).post(`/wishes/${posted.body.wish.wishId}/publish`, { title: '想请人陪着去医院复查', story: '腿脚不方便', category: 'company' });
  expect(published.body.wish).toMatchObject({ title: '想请人陪着去医院复查', category: 'company', asPosted: { title: '我录了一段语音' } });
  expect(published.body.wish.timeline.at(-1).text).toBe('社区听了语音，写成了文字，上了心愿墙');
  const volunteer = await createVolunteer(world.home);
  const onWall = await api.as(volunteer.userId).get(`/wishes/${posted.body.wish.wishId}`);
  expect(onWall.status).toBe(200);
  expect(onWall.body.wish.voice).toBeUndefined();
});

test('a voice note that is not audio, another elder’s, or without its length is refused at its field, and nothing is written', async () => {
  const world = await createWorld();
  const fake = await api.as(world.elder.elderId).post(`/elders/${world.elder.elderId}/wish-voice-uploads`, { contentType: 'audio/mpeg' });
  await upload(fake.body, Buffer.from('<html></html>'), 'audio/mpeg');
  const theirs = await api.as(world.worker.userId).post(`/elders/${world.neighbour.elderId}/wish-voice-uploads`, { contentType: 'audio/mpeg' });
  await upload(theirs.body, mp3Bytes, 'audio/mpeg');
  const before = await tableItems();
  for (const voiceKey of [fake.body.key, theirs.body.key]) {
    const refused = await api.as(world.elder.elderId).post(`/elders/${world.elder.elderId}/wishes`, wishBody({ voiceKey, voiceSeconds: 5 }));
    expect([refused.status, errorCode(refused), refused.body.error.details.field]).toEqual([400, 'VOICE_INVALID', 'voiceKey']);
  }
  const noLength = await api.as(world.elder.elderId).post(`/elders/${world.elder.elderId}/wishes`, wishBody({ voiceKey: fake.body.key }));
  expect([noLength.status, errorCode(noLength)]).toEqual([400, 'INVALID_INPUT']);
  expect(noLength.body.error.message).toContain('语音');
  const wrongType = await api.as(world.elder.elderId).post(`/elders/${world.elder.elderId}/wish-voice-uploads`, { contentType: 'image/png' });
  expect([wrongType.status, errorCode(wrongType)]).toEqual([400, 'INVALID_INPUT']);
  expect(await tableItems()).toEqual(before);
});
