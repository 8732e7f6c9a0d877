import * as z from 'zod/mini';

/** Consent: accepting the privacy notice (with its version) and the elder's health-data consent. */

export const PrivacyAcceptanceBody = z.strictObject({
  version: z.string('请带上隐私保护指引的版本（version）').check(z.regex(/^\d{4}-\d{2}-\d{2}$/, '隐私保护指引的版本（version）格式不对，例如 2026-12-01')),
});
export type PrivacyAcceptanceInput = z.infer<typeof PrivacyAcceptanceBody>;

/** Whether the person has accepted the version in force (GET /me and the answer to accepting it). */
export interface PrivacyNoticeView {
  /** The version in force. */
  version: string;
  accepted: boolean;
  /** When the person accepted this version. */
  acceptedAt?: string;
}

export const HealthConsentBody = z.strictObject({ given: z.boolean('是否同意（given）只能是 是（true）或 否（false）') });
export type HealthConsentInput = z.infer<typeof HealthConsentBody>;

/** The elder's consent to the processing of health data, and who last gave or withdrew it. */
export interface HealthConsentView {
  elderId: string;
  given: boolean;
  /** Absent while nobody has answered yet. */
  changedAt?: string;
  /** 本人, or the relative who answered for the elder: 王磊（儿子）. */
  changedByName?: string;
  /** True when the elder answered themselves. */
  bySelf?: boolean;
}
