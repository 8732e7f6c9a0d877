import * as z from 'zod/mini';
import { DateSchema, DietarySchema, EmergencyContactSchema, IdempotencyKeySchema, IdSchema, PhoneSchema, SubsidyCategorySchema, text } from './common';
import { abilities, livingSituations } from '../terms/people';
import { SexSchema } from './people';

/**
 * One elder as a community registers them (建档): by a worker's form, or one row of the community's
 * spreadsheet. The same schema checks both, so a row is refused for exactly the reasons the form is.
 * No national ID number is asked for or stored: the worker notes what proof of the category they saw.
 */
export const ElderRecordBody = z.strictObject({
  name: text('姓名', 20),
  sex: SexSchema,
  birthDate: DateSchema,
  phone: PhoneSchema,
  address: text('住址', 100),
  livingSituation: z.enum(livingSituations, '居住情况只能是 独居、空巢 或 与家人同住'),
  ability: z.enum(abilities, '自理能力只能是 自理、半失能 或 失能'),
  subsidyCategory: SubsidyCategorySchema,
  /** What the worker saw for the category (低保证 编号尾号…), never the ID number itself. */
  subsidyProofNote: text('补贴核实依据', 60, 0),
  mobilityLimited: z.boolean('行动不便只能选 是 或 否'),
  dietary: DietarySchema,
  emergencyContacts: z.array(EmergencyContactSchema).check(z.maxLength(3, '紧急联系人最多 3 位')),
});
export type ElderRecordInput = z.infer<typeof ElderRecordBody>;

/**
 * A worker registers one elder with the 建档 form. `notDuplicateOf` lists the likely duplicates the worker
 * was shown (409 LIKELY_DUPLICATE) and confirmed to be other people; any other match refuses the form again.
 */
export const RegisterElderBody = z.strictObject({
  ...ElderRecordBody.shape,
  idempotencyKey: IdempotencyKeySchema,
  notDuplicateOf: z.optional(z.array(IdSchema).check(z.maxLength(20, '确认不是同一人的长辈最多 20 位'))),
});
export type RegisterElderInput = z.infer<typeof RegisterElderBody>;

/** An elder already registered in the county under the same name and birth date, shown before saving. */
export interface LikelyDuplicate {
  elderId: string;
  name: string;
  age: number;
  /** Where the elder is registered: the worker opens the profile only of an elder of their own community. */
  communityId: string;
  communityName: string;
}
/** `details` of a 409 LIKELY_DUPLICATE answer. */
export interface LikelyDuplicateDetails {
  matches: LikelyDuplicate[];
}
