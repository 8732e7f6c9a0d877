import * as z from 'zod/mini';
import { DateSchema, DietarySchema, EmergencyContactSchema, PhoneSchema, SubsidyCategorySchema, text } from './common';
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
