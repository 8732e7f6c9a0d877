/** Who uses Yilin, and the subsidy categories a community worker verifies, with their names in Chinese. */

export const roles = ['elder', 'family', 'volunteer', 'worker', 'admin'] as const;
export type Role = (typeof roles)[number];

export const roleNames: Record<Role, string> = {
  elder: '长辈',
  family: '家属',
  volunteer: '志愿者',
  worker: '社区工作者',
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
