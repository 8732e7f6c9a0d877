import * as z from 'zod/mini';

/** Building blocks shared by request schemas. Messages are shown to people, so they say what to do. */

export const subsidyCategories = ['normal', 'dibao', 'tekun', 'disabled'] as const;
export type SubsidyCategory = (typeof subsidyCategories)[number];
export const SubsidyCategorySchema = z.enum(subsidyCategories, '补贴类别只能是 普通、低保、特困 或 残疾');

export const text = (label: string, max: number, min = 1) =>
  z.string(`${label}应当是文字`).check(
    z.trim(),
    z.minLength(min, min === 1 ? `请填写${label}` : `${label}至少 ${min} 个字`),
    z.maxLength(max, `${label}最多 ${max} 个字`),
  );

/** Mainland mobile (11 digits starting with 1) or a landline with area code. */
export const PhoneSchema = z.string('电话号码应当是数字').check(
  z.trim(),
  z.regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, '请填写 11 位手机号，或带区号的座机号'),
);

/** A calendar date `YYYY-MM-DD`. Whether it may lie in the future is a domain rule. */
export const DateSchema = z.iso.date('日期格式应为 年-月-日，例如 1945-03-08');

export const IdSchema = z.string().check(z.regex(/^[0-9A-Za-z_-]{1,40}$/, '编号格式不对'));

export const DietarySchema = z.strictObject({
  lowSalt: z.boolean('低盐只能选 是 或 否'),
  lowSugar: z.boolean('低糖只能选 是 或 否'),
  softFood: z.boolean('软食只能选 是 或 否'),
  allergies: text('过敏或忌口', 100, 0),
});
export type DietaryNeeds = z.infer<typeof DietarySchema>;

export const EmergencyContactSchema = z.strictObject({
  name: text('紧急联系人姓名', 20),
  relation: text('与长辈的关系', 10),
  phone: PhoneSchema,
});
export type EmergencyContact = z.infer<typeof EmergencyContactSchema>;
