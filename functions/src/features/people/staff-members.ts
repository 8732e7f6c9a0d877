import { skillNames, type AddStaffInput, type AddWorkerResponse, type CentreStaffResponse, type PhotoUploadResponse, type Skill, type StaffMemberView, type StaffProfileInput } from '@yilin/contract';
import { may, relationTo } from '../../access/policy';
import { isoNow } from '../../platform/clock';
import { badRequest, conflict, notFound } from '../../platform/errors';
import type { Session } from '../../platform/session-token';
import { checkUpload, readUrl, uploadPolicy } from '../../store/files';
import { actorOf, assertCentreAccess } from './actors';
import { getStaffPost, setStaffProfile, staffOfCentre, type StaffPostItem } from './data/staff';
import { liveCodeView } from './one-time-codes';
import { centreInfo } from './places';
import { appoint, retire } from './staff-accounts';

/**
 * A centre's service staff (保洁、护理、医生 …) as its workers keep them: added with a code that binds their
 * WeChat, their number (工号), skills and photo (what the elder sees at the door), and retired.
 */

export async function staffMemberView(post: StaffPostItem): Promise<StaffMemberView> {
  const skills = (post.skills ?? []) as Skill[];
  return {
    userId: post.userId,
    name: post.name,
    phone: post.phone,
    staffNumber: post.staffNumber ?? null,
    skills,
    skillNames: skills.map((skill) => skillNames[skill]),
    ...(post.photoKey ? { photoUrl: await readUrl(post.photoKey) } : {}),
    status: post.status,
    liveCode: post.status === 'invited' ? await liveCodeView(post.userId, 'staff') : null,
  };
}

export async function listCentreStaff(session: Session, centreId: string): Promise<CentreStaffResponse> {
  await assertCentreAccess(session, centreId, 'centre.read');
  const posts = await staffOfCentre(centreId);
  return { centreId, staff: await Promise.all(posts.map(staffMemberView)) };
}

export async function addCentreStaff(session: Session, centreId: string, input: AddStaffInput): Promise<AddWorkerResponse> {
  await assertCentreAccess(session, centreId, 'centre.manageCare');
  return appoint(session, ['staff.add', 'staff', input.name, input.phone, centreId, input.staffNumber, ...input.skills], input.idempotencyKey, async () => {
    const centre = await centreInfo(centreId);
    if (!centre) throw notFound('CENTRE_NOT_FOUND', '没有找到这个服务中心。');
    return { countyId: centre.countyId, role: 'staff', name: input.name, phone: input.phone, centreId, staffNumber: input.staffNumber, skills: input.skills };
  });
}

export const staffNotFound = () => notFound('STAFF_NOT_FOUND', '没有找到这位服务人员，或已离岗。');

/** A staff member of a centre the caller's workers run; anyone else's is answered as unknown. */
async function staffOfMyCentre(session: Session, userId: string): Promise<StaffPostItem> {
  const post = await getStaffPost(userId);
  if (!post || post.role !== 'staff' || !may('centre.manageCare', relationTo(session, { centreId: post.centreId }, false))) throw staffNotFound();
  return post;
}

export async function setCentreStaffProfile(session: Session, userId: string, input: StaffProfileInput): Promise<StaffMemberView> {
  const post = await staffOfMyCentre(session, userId);
  if (post.status === 'retired') throw conflict('WORKER_RETIRED', '这位服务人员已经离岗了。');
  if (input.photoKey && input.photoKey !== post.photoKey && (await checkUpload(userId, 'photo', input.photoKey)) !== 'ok') {
    throw badRequest('PHOTO_INVALID', '照片没有传好或不是图片，请重新选一张照片上传。', { field: 'photoKey' });
  }
  const profile = { staffNumber: input.staffNumber, skills: input.skills, ...(input.photoKey ? { photoKey: input.photoKey } : {}) };
  if (!(await setStaffProfile(post, profile, await actorOf(session), isoNow()))) throw conflict('PROFILE_CHANGED', '这位服务人员的资料刚刚有变动，请刷新后再试。');
  return staffMemberView({ ...post, ...profile });
}

/** The form the phone uploads the staff member's photo with; the photo is used once the profile names it. */
export async function staffPhotoUpload(session: Session, userId: string, contentType: string): Promise<PhotoUploadResponse> {
  await staffOfMyCentre(session, userId);
  const policy = await uploadPolicy(userId, 'photo', contentType);
  if (!policy) throw badRequest('INVALID_INPUT', '照片只能是 JPG、PNG 或 WebP', { field: 'contentType' });
  return policy;
}

export async function retireCentreStaff(session: Session, userId: string): Promise<StaffMemberView> {
  await retire(session, userId, () => staffOfMyCentre(session, userId));
  return staffMemberView(await staffOfMyCentre(session, userId));
}
