/**
 * Consent (PIPL): the version of the privacy notice and user agreement a person accepts, and the separate
 * consent an elder gives (or a bound relative gives for them) to the processing of health data.
 */

/** The version of the privacy notice and the user agreement now in force: a new one asks everyone again. */
export const PRIVACY_NOTICE_VERSION = '2026-12-01';

