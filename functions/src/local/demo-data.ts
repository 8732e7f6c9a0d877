import type { Ability, LivingSituation, DietaryNeeds, EmergencyContact, Sex, Skill, SubsidyCategory, VolunteerStatus } from '@yilin/contract';
import type { Role } from '../routes';

/**
 * Demo data for the local stack: one county, two service centres, three communities, a worker per
 * community, an admin, elders covering every subsidy category and age band, a family member bound to
 * two elders, and three volunteers (two confirmed, one of them a party member, and one to confirm). Ids are fixed and readable so tests and screenshots can name them.
 */
export const demoCounty = { countyId: 'demo-county', name: '示范县居家养老服务指导中心' };

export const demoCentres = [
  { centreId: 'demo-centre-xueyuan', countyId: 'demo-county', name: '学院路街道综合养老服务中心' },
  { centreId: 'demo-centre-guzhangping', countyId: 'demo-county', name: '古丈坪镇综合养老服务中心' },
];

export const demoCommunities = [
  { communityId: 'demo-comm-xueyuan', centreId: 'demo-centre-xueyuan', countyId: 'demo-county', name: '学院路社区', dutyPhone: '0734-8221100' },
  { communityId: 'demo-comm-dongfeng', centreId: 'demo-centre-xueyuan', countyId: 'demo-county', name: '东风社区', dutyPhone: '0734-8221200' },
  { communityId: 'demo-comm-guzhangping', centreId: 'demo-centre-guzhangping', countyId: 'demo-county', name: '古丈坪社区', dutyPhone: '0743-4620300' },
];

export interface DemoUser {
  userId: string;
  role: Role;
  name: string;
  communityId?: string;
  description: string;
  /** A WeChat identity, for an account that stands for a fresh WeChat sign-in (the claim needs one). */
  openid?: string;
}

export interface DemoElder extends DemoUser {
  sex: Sex;
  livingSituation: LivingSituation;
  ability: Ability;
  birthDate: string;
  phone: string;
  address: string;
  subsidyCategoryRequested: SubsidyCategory;
  subsidyCategoryVerified?: SubsidyCategory;
  mobilityLimited: boolean;
  dietary: DietaryNeeds;
  emergencyContacts: EmergencyContact[];
}

const plainDiet: DietaryNeeds = { lowSalt: false, lowSugar: false, softFood: false, allergies: '' };

export const demoElders: DemoElder[] = [
  {
    userId: 'demo-elder-wang', role: 'elder', name: '王秀英', sex: 'female', livingSituation: 'alone', ability: 'partlyDependent', communityId: 'demo-comm-xueyuan',
    description: '85 岁，独居，行动不便（可送餐），儿子王磊已绑定',
    birthDate: '1941-05-12', phone: '13807340001', address: '学院路 12 号 3 栋 101',
    subsidyCategoryRequested: 'normal', subsidyCategoryVerified: 'normal', mobilityLimited: true,
    dietary: { lowSalt: true, lowSugar: false, softFood: true, allergies: '' },
    emergencyContacts: [{ name: '王磊', relation: '儿子', phone: '13907340009' }],
  },
  {
    userId: 'demo-elder-li', role: 'elder', name: '李建国', sex: 'male', livingSituation: 'emptyNest', ability: 'independent', communityId: 'demo-comm-xueyuan',
    description: '73 岁，普通，女婿王磊已绑定',
    birthDate: '1953-09-20', phone: '13807340002', address: '学院路 8 号 2 栋 402',
    subsidyCategoryRequested: 'normal', subsidyCategoryVerified: 'normal', mobilityLimited: false,
    dietary: { lowSalt: false, lowSugar: true, softFood: false, allergies: '花生' },
    emergencyContacts: [{ name: '王磊', relation: '女婿', phone: '13907340009' }],
  },
  {
    userId: 'demo-elder-zhang', role: 'elder', name: '张桂兰', sex: 'female', livingSituation: 'alone', ability: 'independent', communityId: 'demo-comm-xueyuan',
    description: '64 岁，低保，还没有绑定家人',
    birthDate: '1962-03-03', phone: '13807340003', address: '学院路 20 号 1 栋 203',
    subsidyCategoryRequested: 'dibao', subsidyCategoryVerified: 'dibao', mobilityLimited: false,
    dietary: plainDiet, emergencyContacts: [],
  },
  {
    userId: 'demo-elder-zhao', role: 'elder', name: '赵德福', sex: 'male', livingSituation: 'alone', ability: 'independent', communityId: 'demo-comm-dongfeng',
    description: '62 岁，特困供养',
    birthDate: '1964-02-14', phone: '13807340004', address: '东风路 3 号 1 栋 101',
    subsidyCategoryRequested: 'tekun', subsidyCategoryVerified: 'tekun', mobilityLimited: false,
    dietary: { lowSalt: true, lowSugar: true, softFood: false, allergies: '' }, emergencyContacts: [],
  },
  {
    userId: 'demo-elder-sun', role: 'elder', name: '孙玉珍', sex: 'female', livingSituation: 'emptyNest', ability: 'partlyDependent', communityId: 'demo-comm-dongfeng',
    description: '78 岁，残疾，行动不便',
    birthDate: '1948-07-07', phone: '13807340005', address: '东风路 9 号 4 栋 102',
    subsidyCategoryRequested: 'disabled', subsidyCategoryVerified: 'disabled', mobilityLimited: true,
    dietary: { lowSalt: false, lowSugar: false, softFood: true, allergies: '' },
    emergencyContacts: [{ name: '孙强', relation: '侄子', phone: '13607340011' }],
  },
  {
    userId: 'demo-elder-zhou', role: 'elder', name: '周淑芬', sex: 'female', livingSituation: 'alone', ability: 'independent', communityId: 'demo-comm-guzhangping',
    description: '86 岁，申请低保，待社区核实',
    birthDate: '1940-01-20', phone: '0743-5221234', address: '古丈坪村 5 组 18 号',
    subsidyCategoryRequested: 'dibao', mobilityLimited: false,
    dietary: { lowSalt: true, lowSugar: false, softFood: true, allergies: '' }, emergencyContacts: [],
  },
  {
    userId: 'demo-elder-wu', role: 'elder', name: '吴大海', sex: 'male', livingSituation: 'withFamily', ability: 'independent', communityId: 'demo-comm-guzhangping',
    description: '58 岁，未满 60 岁，按标准价',
    birthDate: '1968-06-01', phone: '13807340007', address: '古丈坪村 2 组 6 号',
    subsidyCategoryRequested: 'normal', subsidyCategoryVerified: 'normal', mobilityLimited: false,
    dietary: plainDiet, emergencyContacts: [],
  },
];

export const demoStaff: DemoUser[] = [
  { userId: 'demo-family-wanglei', role: 'family', name: '王磊', description: '在外地工作，已绑定母亲王秀英和岳父李建国' },
  { userId: 'demo-family-chen', role: 'family', name: '陈静', description: '还没有绑定长辈，可用长辈给的邀请码绑定' },
  { userId: 'demo-volunteer-liu', role: 'volunteer', name: '刘洋', communityId: 'demo-comm-xueyuan', description: '大学生志愿者：心愿墙上有等认领的心愿，本月积分排第二' },
  { userId: 'demo-volunteer-huang', role: 'volunteer', name: '黄丽华', communityId: 'demo-comm-xueyuan', description: '党员志愿者：认领了王秀英的理发，给张桂兰换的灯泡等她确认，实现了两个心愿；在积分超市换的洗衣液还没去领' },
  { userId: 'demo-volunteer-tang', role: 'volunteer', name: '唐小军', communityId: 'demo-comm-xueyuan', description: '刚报名的志愿者，等社区确认' },
  { userId: 'demo-worker-xueyuan', role: 'worker', name: '刘晓燕', communityId: 'demo-comm-xueyuan', description: '学院路社区工作者' },
  { userId: 'demo-worker-dongfeng', role: 'worker', name: '陈志明', communityId: 'demo-comm-dongfeng', description: '东风社区工作者' },
  { userId: 'demo-worker-guzhangping', role: 'worker', name: '向海燕', communityId: 'demo-comm-guzhangping', description: '古丈坪社区工作者' },
  { userId: 'demo-admin', role: 'admin', name: '周建国', description: '县级平台（总调度台）' },
  {
    userId: 'demo-newcomer',
    role: 'family',
    name: '微信用户',
    openid: 'demo-openid-newcomer',
    description: '刚用微信登录的新账号：会先问怎么称呼；长辈本人可输入社区给的登录码，用过一次就变成那位长辈的账号',
  },
];

/** The volunteers' sign-ups: two the community has confirmed (黄丽华 a party member), one waiting to be confirmed. */
export const demoVolunteers: Array<{ userId: string; phone: string; status: VolunteerStatus; partyMember: boolean }> = [
  { userId: 'demo-volunteer-liu', phone: '13907341101', status: 'confirmed', partyMember: false },
  { userId: 'demo-volunteer-huang', phone: '13907341102', status: 'confirmed', partyMember: true },
  { userId: 'demo-volunteer-tang', phone: '13907341103', status: 'pending', partyMember: false },
];

export const demoBindings = [
  { elderId: 'demo-elder-wang', familyId: 'demo-family-wanglei', familyName: '王磊', relation: 'son' as const },
  { elderId: 'demo-elder-li', familyId: 'demo-family-wanglei', familyName: '王磊', relation: 'sonInLaw' as const },
];

/** Service staff of the 学院路 centre (服务人员): who an elder sees at the door. */
export interface DemoServiceStaff extends DemoUser {
  centreId: string;
  phone: string;
  staffNumber: string;
  skills: Skill[];
  /** Colours of their demo portrait: ground, clothes, hair. */
  portrait: Array<[number, number, number]>;
}

export const demoServiceStaff: DemoServiceStaff[] = [
  {
    userId: 'demo-staff-zhangli', role: 'staff', name: '张丽', centreId: 'demo-centre-xueyuan', phone: '13907342001', staffNumber: 'A012',
    skills: ['cleaning', 'bathing', 'haircut'], description: '保洁、助浴、理发（今天上午去王秀英家保洁）',
    portrait: [[214, 234, 248], [46, 134, 193], [60, 40, 30]],
  },
  {
    userId: 'demo-staff-lifang', role: 'staff', name: '李芳', centreId: 'demo-centre-xueyuan', phone: '13907342002', staffNumber: 'N003',
    skills: ['nursing', 'rehab'], description: '护士：量血压血糖、送药、康复',
    portrait: [[232, 246, 239], [255, 255, 255], [30, 30, 30]],
  },
  {
    userId: 'demo-staff-zhouhong', role: 'staff', name: '周红', centreId: 'demo-centre-xueyuan', phone: '13907342003', staffNumber: 'A015',
    skills: ['cleaning', 'companion'], description: '保洁、陪伴跑腿',
    portrait: [[253, 237, 236], [176, 58, 46], [90, 60, 40]],
  },
  {
    userId: 'demo-staff-doctor', role: 'staff', name: '彭志强', centreId: 'demo-centre-xueyuan', phone: '13907342004', staffNumber: 'D001',
    skills: ['doctor', 'nursing'], description: '家庭医生',
    portrait: [[234, 242, 248], [255, 255, 255], [20, 20, 20]],
  },
];

export const demoUsers: DemoUser[] = [...demoElders, ...demoStaff, ...demoServiceStaff];

/** The demo workers' phones, as the county's list of workers and staff keeps them. */
export const demoWorkerPhones: Record<string, string> = {
  'demo-worker-xueyuan': '13907341001',
  'demo-worker-dongfeng': '13907341002',
  'demo-worker-guzhangping': '13907341003',
};

/** A fortnight of 三荤三素一汤 menus, soft and light, rotated over the coming days. */
const lunchDishes = [
  ['清蒸鲈鱼', '土豆烧牛肉', '肉末蒸蛋', '清炒菠菜', '蒜蓉西兰花', '红烧冬瓜', '紫菜蛋花汤'],
  ['红烧鸡块', '番茄炖牛腩', '清蒸肉饼', '炒小白菜', '木耳炒山药', '家常豆腐', '冬瓜排骨汤'],
  ['黄焖鸡', '萝卜炖羊肉', '鱼香肉丝', '清炒油麦菜', '胡萝卜炒蛋', '蒸南瓜', '玉米胡萝卜汤'],
];
const dinnerDishes = [
  ['香菇滑鸡', '肉末茄子', '虾仁蒸蛋', '炒时蔬', '凉拌黄瓜', '麻婆豆腐', '小米南瓜粥'],
  ['清炖狮子头', '糖醋里脊', '鸡蛋羹', '手撕包菜', '清炒丝瓜', '蒜蓉茄子', '青菜豆腐汤'],
];
const kinds = ['meat', 'meat', 'meat', 'veg', 'veg', 'veg', 'soup'] as const;
// Named dish by dish: 鱼香肉丝 has no fish in it, and a dish's name carries no notes in brackets (the tags do).
const seafoodDishes = new Set(['清蒸鲈鱼', '虾仁蒸蛋']);
const spicyDishes = new Set(['麻婆豆腐']);
const softDishes = new Set(['肉末蒸蛋', '清蒸肉饼', '蒸南瓜', '虾仁蒸蛋', '鸡蛋羹', '小米南瓜粥', '清炖狮子头', '红烧冬瓜', '家常豆腐']);

export function demoDishes(meal: 'lunch' | 'dinner', dayIndex: number) {
  const names = (meal === 'lunch' ? lunchDishes : dinnerDishes)[dayIndex % (meal === 'lunch' ? lunchDishes.length : dinnerDishes.length)];
  return names.map((name, i) => {
    const tags: Array<'soft' | 'low_salt' | 'contains_seafood' | 'spicy'> = [];
    if (softDishes.has(name)) tags.push('soft');
    if (kinds[i] === 'veg' || kinds[i] === 'soup') tags.push('low_salt');
    if (seafoodDishes.has(name)) tags.push('contains_seafood');
    if (spicyDishes.has(name)) tags.push('spicy');
    return { name, kind: kinds[i], tags };
  });
}

/** Standard price and capacities of the demo canteens (about 50 seats, 15 deliveries a meal). */
export const demoCanteen = { standardPriceFen: 1500, seatCapacity: 50, deliveryCapacity: 15 };
