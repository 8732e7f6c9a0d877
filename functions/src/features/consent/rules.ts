import { PRIVACY_NOTICE_VERSION } from '@yilin/contract';

/** The rules of consent, in one place: pure, no store. */

/** Only the version in force can be accepted: a phone showing an older text must show the new one first. */
export const isNoticeInForce = (version: string): boolean => version === PRIVACY_NOTICE_VERSION;

/**
 * What a missing health-data consent refuses: keeping measurements. A visit's notes and checklist are no
 * health data, so a record without readings is kept whatever the consent; readings need a consent that
 * stands now (never given, or withdrawn, are the same).
 */
export const measurementsRefused = (measured: boolean, consent: { given: boolean } | undefined): boolean => measured && consent?.given !== true;
