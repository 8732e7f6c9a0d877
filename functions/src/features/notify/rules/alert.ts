import { EMERGENCY_NUMBER, alertLevels, type AlertLevel, type CallNumber } from '@yilin/contract';

/** Emergency calls: who is told next, when, and which numbers each side can call at once. */

/** The level an unanswered call goes up to, or undefined at the county (nobody above). */
export function nextLevel(level: AlertLevel): AlertLevel | undefined {
  return alertLevels[alertLevels.indexOf(level) + 1];
}

/** When a call still unanswered at `from` goes up a level. */
export function escalationTime(from: Date, minutes: number): string {
  return new Date(from.getTime() + minutes * 60_000).toISOString();
}

interface Contact {
  name: string;
  relation: string;
  phone: string;
}

const contactName = (contact: Contact) => (contact.relation ? `${contact.name}（${contact.relation}）` : contact.name);

/** What the elder's side sees at once: 120, the community's duty line, the first emergency contact. */
export function elderSideNumbers(dutyPhone: string | undefined, contacts: readonly Contact[]): CallNumber[] {
  const first = contacts[0];
  return [
    { label: `急救电话 ${EMERGENCY_NUMBER}`, phone: EMERGENCY_NUMBER },
    ...(dutyPhone ? [{ label: '社区值班电话', phone: dutyPhone }] : []),
    ...(first ? [{ label: `紧急联系人 ${contactName(first)}`, phone: first.phone }] : []),
  ];
}

/** What whoever answers sees: the elder, then their first emergency contact, then 120. */
export function responderNumbers(elderName: string, elderPhone: string, contacts: readonly Contact[]): CallNumber[] {
  const first = contacts[0];
  return [
    { label: `${elderName}的电话`, phone: elderPhone },
    ...(first ? [{ label: `紧急联系人 ${contactName(first)}`, phone: first.phone }] : []),
    { label: `急救电话 ${EMERGENCY_NUMBER}`, phone: EMERGENCY_NUMBER },
  ];
}

/**
 * How the elder's side names whoever answered: their own community's worker, a worker of a neighbouring
 * community of the centre by that community (东风社区工作者), or the county's platform.
 */
export function responderPost(role: string, sameCommunity: boolean, ownCommunityName = ''): string {
  if (role === 'admin') return '县级平台';
  if (sameCommunity || !ownCommunityName) return '社区工作者';
  return `${ownCommunityName}工作者`;
}
