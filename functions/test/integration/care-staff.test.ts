import { getStaffPost } from '../../src/features/people/data/staff';
import { uploadWith, useFilesServer } from '../support/files-server';
import { useApi } from '../support/api';
import { MONDAY, TUESDAY, idempotencyKey, setLocalTime } from '../support/canteen-fixtures';
import { assignedVisit, bookVisit, createCareWorld, expectRefused } from '../support/care-fixtures';

/**
 * A centre's service staff as its workers keep them: added with a code for their WeChat, their number,
 * skills and photo (what the elder sees at the door) edited, and retired; only by the centre's own workers.
 * Photos go to the local S3-compatible server with the same code the cloud runs.
 */
useFilesServer('yilin-files-care-staff');
const api = useApi();

beforeEach(() => setLocalTime(MONDAY, '08:00'));

const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);

/** Asks for the photo form as `workerId` and uploads `bytes` with it, as the phone does: the key. */
async function uploadPhoto(workerId: string, staffId: string, bytes: Buffer): Promise<string> {
  const policy = await api.as(workerId).post(`/staff/${staffId}/photo-uploads`, { contentType: 'image/png' });
  expect(policy.status).toBe(201);
  expect((await uploadWith(policy.body, bytes, 'image/png')).ok).toBe(true);
  return policy.body.key;
}

const listed = async (workerId: string, centreId: string, userId: string) =>
  (await api.as(workerId).get(`/centres/${centreId}/staff`)).body.staff.find((member: { userId: string }) => member.userId === userId);

test('a worker of the centre adds a staff member, who is listed as invited with their code, number and skills', async () => {
  const world = await createCareWorld(api);
  const added = await api.as(world.worker.userId).post(`/centres/${world.home.centreId}/staff`, {
    name: '孙梅',
    phone: '13907345678',
    staffNumber: 'A020',
    skills: ['cleaning', 'haircut'],
    idempotencyKey: idempotencyKey(),
  });
  expect(added.status).toBe(201);
  expect(added.body.code).toEqual({ code: expect.stringMatching(/^\d{6}$/), expiresAt: expect.any(String) });
  expect(await listed(world.worker.userId, world.home.centreId, added.body.worker.userId)).toMatchObject({
    name: '孙梅',
    staffNumber: 'A020',
    skills: ['cleaning', 'haircut'],
    skillNames: ['保洁', '理发'],
    status: 'invited',
    liveCode: added.body.code,
  });
});

test('a worker of the centre edits a staff member’s number and skills', async () => {
  const world = await createCareWorld(api);
  const edited = await api.as(world.worker.userId).put(`/staff/${world.cleaner.userId}/profile`, { staffNumber: 'A099', skills: ['cleaning', 'repair'] });
  expect(edited.status).toBe(200);
  expect(edited.body).toMatchObject({ userId: world.cleaner.userId, staffNumber: 'A099', skills: ['cleaning', 'repair'], skillNames: ['保洁', '维修'] });
  expect(await getStaffPost(world.cleaner.userId)).toMatchObject({ staffNumber: 'A099', skills: ['cleaning', 'repair'] });
});

test('a worker of another centre is refused: 403 NOT_YOUR_CENTRE on the centre’s routes, 404 STAFF_NOT_FOUND on a staff member’s', async () => {
  const world = await createCareWorld(api);
  const stranger = api.as(world.otherWorker.userId);
  const before = await getStaffPost(world.cleaner.userId);
  const add = { name: '孙梅', phone: '13907345678', staffNumber: 'A020', skills: ['cleaning'], idempotencyKey: idempotencyKey() };
  expectRefused(await stranger.get(`/centres/${world.home.centreId}/staff`), 403, 'NOT_YOUR_CENTRE');
  expectRefused(await stranger.post(`/centres/${world.home.centreId}/staff`, add), 403, 'NOT_YOUR_CENTRE');
  expectRefused(await stranger.put(`/staff/${world.cleaner.userId}/profile`, { staffNumber: 'X1', skills: ['repair'] }), 404, 'STAFF_NOT_FOUND');
  expectRefused(await stranger.post(`/staff/${world.cleaner.userId}/photo-uploads`, { contentType: 'image/png' }), 404, 'STAFF_NOT_FOUND');
  expectRefused(await stranger.post(`/staff/${world.cleaner.userId}/retire`), 404, 'STAFF_NOT_FOUND');
  expect(await getStaffPost(world.cleaner.userId)).toEqual(before);
  expect((await api.as(world.worker.userId).get(`/centres/${world.home.centreId}/staff`)).body.staff).toHaveLength(3);
});

test('a photo uploaded with its form becomes the staff member’s, and the family sees it on the visitor', async () => {
  const world = await createCareWorld(api);
  const key = await uploadPhoto(world.worker.userId, world.cleaner.userId, png);
  const set = await api.as(world.worker.userId).put(`/staff/${world.cleaner.userId}/profile`, { staffNumber: 'A012', skills: ['cleaning', 'bathing'], photoKey: key });
  expect(set.status).toBe(200);
  const photo = await fetch(set.body.photoUrl);
  expect(photo.status).toBe(200);
  expect(Buffer.from(await photo.arrayBuffer()).equals(png)).toBe(true);

  const bookingId = await assignedVisit(api, world, { serviceId: world.cleaning.serviceId, staffId: world.cleaner.userId });
  const visitor = (await api.as(world.family.userId).get(`/bookings/${bookingId}`)).body.booking.visitor;
  expect(visitor).toMatchObject({ name: '张丽', photoUrl: expect.stringContaining(key) });
});

test('a file that is not an image, or was never uploaded, is refused PHOTO_INVALID and no photo is kept', async () => {
  const world = await createCareWorld(api);
  const page = await uploadPhoto(world.worker.userId, world.cleaner.userId, Buffer.from('<html><script>alert(1)</script></html>'));
  const worker = api.as(world.worker.userId);
  const profile = { staffNumber: 'A012', skills: ['cleaning', 'bathing'] };
  expectRefused(await worker.put(`/staff/${world.cleaner.userId}/profile`, { ...profile, photoKey: page }), 400, 'PHOTO_INVALID');
  expectRefused(await worker.put(`/staff/${world.cleaner.userId}/profile`, { ...profile, photoKey: `photo/${world.cleaner.userId}/never.png` }), 400, 'PHOTO_INVALID');
  expect((await getStaffPost(world.cleaner.userId))?.photoKey).toBeUndefined();
});

test('a retired staff member is no longer a candidate, cannot be assigned, and their profile is closed', async () => {
  const world = await createCareWorld(api);
  const worker = api.as(world.worker.userId);
  const retired = await worker.post(`/staff/${world.otherCleaner.userId}/retire`);
  expect(retired.status).toBe(200);
  expect(retired.body.status).toBe('retired');
  const booking = await bookVisit(api, world.family.userId, world.elder.elderId, world.cleaning.serviceId, TUESDAY, '09:00');
  const names = (await worker.get(`/bookings/${booking.bookingId}/candidates`)).body.candidates.map((candidate: { name: string }) => candidate.name);
  expect(names).not.toContain('周红');
  expectRefused(await worker.post(`/bookings/${booking.bookingId}/assign`, { staffId: world.otherCleaner.userId }), 404, 'STAFF_NOT_FOUND');
  expectRefused(await worker.put(`/staff/${world.otherCleaner.userId}/profile`, { staffNumber: 'A015', skills: ['cleaning'] }), 409, 'WORKER_RETIRED');
});
