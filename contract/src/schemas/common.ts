import * as z from 'zod/mini';
import { subsidyCategories } from '../terms/people';

/** Building blocks shared by request schemas. Messages are shown to people, so they say what to do. */

export const SubsidyCategorySchema = z.enum(subsidyCategories, '补贴类别只能是 普通、低保、特困 或 残疾');

/**
 * Characters no text field accepts: control characters (C0, DEL, C1), unpaired UTF-16 surrogates,
 * bidirectional embeddings, overrides, isolates and marks (they can make a stored address read
 * backwards on another screen), and the Unicode line and paragraph separators.
 * Multi-line fields still take ordinary newlines and tabs.
 */
const UNSAFE_CHAR = /[\p{Cc}\p{Cs}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029]/u;
// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
const UNSAFE_CHAR_MULTILINE = /[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\p{Cs}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029]/u;
const LINE_BREAK_OR_TAB = /[\t\n\r]/;

/**
 * A value made only of characters that render nothing (white space, zero-width spaces and joiners,
 * soft hyphens, BOMs, variation selectors, fillers and other default-ignorable code points) is blank.
 */
const INVISIBLE_ONLY = /^[\s\p{Default_Ignorable_Code_Point}\u2800]*$/u;

export interface TextOptions {
  /** Allows newlines and tabs inside the value (notes). */
  multiline?: boolean;
}

/**
 * Every free-text field of a request goes through this helper. The value is trimmed (`String.prototype.trim`),
 * refused if it holds characters that cannot be shown safely, and counts as empty if nothing visible is left.
 */
export const text = (label: string, max: number, min = 1, options: TextOptions = {}) =>
  z.string(`${label}应当是文字`).check(
    z.trim(),
    z.superRefine((value, ctx) => {
      if (!options.multiline && LINE_BREAK_OR_TAB.test(value)) {
        ctx.addIssue({ code: 'custom', input: value, message: `${label}只能写一行，请去掉其中的换行或 Tab`, continue: false });
      } else if ((options.multiline ? UNSAFE_CHAR_MULTILINE : UNSAFE_CHAR).test(value)) {
        ctx.addIssue({ code: 'custom', input: value, message: `${label}里有无法显示的特殊字符，请删掉后重新输入`, continue: false });
      }
    }),
    z.overwrite((value) => (INVISIBLE_ONLY.test(value) ? '' : value)),
    z.minLength(min, min === 1 ? `请填写${label}` : `${label}至少 ${min} 个字`),
    z.maxLength(max, `${label}最多 ${max} 个字`),
  );

/**
 * A mainland mobile number (11 digits: 1, then 3–9, then nine more; 12345678901 is not one) or a landline
 * with its area code (0, then 2–3 digits, not 00) and its 7–8 digit number, with or without '-':
 * 0571-88886666 or 057188886666, since WeChat's number keyboard has no '-'. Many elders have only a home
 * phone, so every phone field takes both. The message names the field and what a number looks like.
 */
export const phone = (label: string) =>
  z.string(`${label}应当是数字`).check(
    z.trim(),
    z.regex(/^(1[3-9]\d{9}|0[1-9]\d{1,2}-?\d{7,8})$/, `${label}不对：手机号是 1 开头的 11 位数字，座机请带区号，如 0734-8123456`),
  );

export const PhoneSchema = phone('电话');

/** A phone number as compared: its digits alone, so 0734-8123456 and 07348123456 are one number. */
export const phoneDigits = (value: string) => value.replace(/\D/g, '');

/** A calendar date `YYYY-MM-DD`. Whether it may lie in the future is a domain rule. */
export const DateSchema = z.iso.date('日期格式应为 年-月-日，例如 1945-03-08');

export const IdSchema = z.string().check(z.regex(/^[0-9A-Za-z_-]{1,40}$/, '编号格式不对'));

/** Where a paginated list goes on: the opaque position the previous page answered. */
export const CursorSchema = z.optional(z.string().check(z.maxLength(2000, '翻页参数不对')));

/** Chosen by the app once per submission and resent on retry, so a retry never creates a second record. */
export const IdempotencyKeySchema = z.string('缺少请求编号').check(z.regex(/^[0-9A-Za-z_-]{8,64}$/, '请求编号格式不对'));

export const DietarySchema = z.strictObject({
  lowSalt: z.boolean('低盐只能选 是 或 否'),
  lowSugar: z.boolean('低糖只能选 是 或 否'),
  softFood: z.boolean('软食只能选 是 或 否'),
  allergies: text('过敏或忌口', 100, 0),
});
export type DietaryNeeds = z.infer<typeof DietarySchema>;

export const EmergencyContactSchema = z.strictObject({
  // Errors are prefixed with which contact they are about ("紧急联系人 2："), so the labels stay short.
  name: text('姓名', 20),
  relation: text('关系', 10),
  phone: phone('电话'),
});
export type EmergencyContact = z.infer<typeof EmergencyContactSchema>;
