/** Who uses Yilin, and the subsidy categories a community worker verifies, with their names in Chinese. */

export const roles = ['elder', 'family', 'volunteer', 'worker', 'staff', 'admin'] as const;
export type Role = (typeof roles)[number];

export const roleNames: Record<Role, string> = {
  elder: '长辈',
  family: '家属',
  volunteer: '志愿者',
  worker: '社区工作者',
  staff: '服务人员',
  admin: '县级平台',
};

export const subsidyCategories = ['normal', 'dibao', 'tekun', 'disabled'] as const;
export type SubsidyCategory = (typeof subsidyCategories)[number];

export const subsidyCategoryNames: Record<SubsidyCategory, string> = {
  normal: '普通',
  dibao: '低保',
  tekun: '特困',
  disabled: '残疾',
};

/** An elder's sex, as on their ID card: it decides what a relative calls them (母亲 or 父亲). */
export const sexes = ['female', 'male'] as const;
export type Sex = (typeof sexes)[number];
export const sexNames: Record<Sex, string> = { female: '女', male: '男' };

/** What a relative is to the elder they bind to, as they choose it when binding. */
export const familyRelations = [
  'son',
  'daughter',
  'daughterInLaw',
  'sonInLaw',
  'grandson',
  'granddaughter',
  'daughtersSon',
  'daughtersDaughter',
  'spouse',
  'relative',
  'neighbour',
] as const;
export type FamilyRelation = (typeof familyRelations)[number];

export const familyRelationNames: Record<FamilyRelation, string> = {
  son: '儿子',
  daughter: '女儿',
  daughterInLaw: '儿媳',
  sonInLaw: '女婿',
  grandson: '孙子',
  granddaughter: '孙女',
  daughtersSon: '外孙',
  daughtersDaughter: '外孙女',
  spouse: '老伴',
  relative: '其他亲属',
  neighbour: '邻居或朋友',
};

/** What the relative calls the elder, by the elder's sex: [female, male]. */
const elderTitles: Record<FamilyRelation, readonly [string, string] | string | null> = {
  son: ['母亲', '父亲'],
  daughter: ['母亲', '父亲'],
  daughterInLaw: ['婆婆', '公公'],
  sonInLaw: ['岳母', '岳父'],
  grandson: ['奶奶', '爷爷'],
  granddaughter: ['奶奶', '爷爷'],
  daughtersSon: ['外婆', '外公'],
  daughtersDaughter: ['外婆', '外公'],
  spouse: '老伴',
  relative: null,
  neighbour: null,
};

/**
 * How a relative's screens name the elder: 母亲, 岳父, 老伴. Undefined when the relation does not say
 * (其他亲属) or the elder's sex is not recorded; the screen then says what the relative is instead.
 */
export function elderTitle(relation: FamilyRelation | null | undefined, sex: Sex | null | undefined): string | undefined {
  if (!relation) return undefined;
  const title = elderTitles[relation];
  if (title === null) return undefined;
  if (typeof title === 'string') return title;
  return sex ? title[sex === 'female' ? 0 : 1] : undefined;
}

/** A relative as the elder and the workers see them: 王建国（儿子）. */
export function relativeLabel(name: string, relation: FamilyRelation | null | undefined): string {
  return relation ? `${name}（${familyRelationNames[relation]}）` : name;
}

/** A new WeChat account's name until its owner says what to call them. */
export const UNNAMED_USER = '微信用户';

/** Who an elder lives with (居住情况), as the community's register records it. */
export const livingSituations = ['alone', 'emptyNest', 'withFamily'] as const;
export type LivingSituation = (typeof livingSituations)[number];
export const livingSituationNames: Record<LivingSituation, string> = { alone: '独居', emptyNest: '空巢', withFamily: '与家人同住' };

/** What an elder can do for themselves (自理能力). */
export const abilities = ['independent', 'partlyDependent', 'dependent'] as const;
export type Ability = (typeof abilities)[number];
export const abilityNames: Record<Ability, string> = { independent: '自理', partlyDependent: '半失能', dependent: '失能' };

/**
 * Whether an elder is on the community's register. One who died or moved away keeps every record, but
 * standing orders and bookings stop and nothing new is ordered for them. A closed elder (注销, done with a
 * worker) keeps only what the county's settlement needs, without contact details, and never comes back.
 */
export const elderStatuses = ['active', 'deceased', 'movedAway', 'closed'] as const;
export type ElderStatus = (typeof elderStatuses)[number];
export const elderStatusNames: Record<ElderStatus, string> = { active: '在册', deceased: '已故', movedAway: '已迁走', closed: '已注销' };

/** The statuses a worker sets on the register page; closing is a step of its own (rights). */
export const registerStatuses = ['active', 'deceased', 'movedAway'] as const satisfies readonly ElderStatus[];

/**
 * The accounts the county admin appoints: a worker (社区工作者) of a community, or service staff (服务人员:
 * cleaners, carers, nurses, doctors) of a centre.
 */
export const appointedRoles = ['worker', 'staff'] as const;
export type AppointedRole = (typeof appointedRoles)[number];

/** An appointed account: added by the admin and waiting for its WeChat, at work, or retired (rights gone). */
export const staffStatuses = ['invited', 'active', 'retired'] as const;
export type StaffStatus = (typeof staffStatuses)[number];
export const staffStatusNames: Record<StaffStatus, string> = { invited: '待绑定微信', active: '在岗', retired: '已离岗' };
