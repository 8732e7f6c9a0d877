import { call } from './client'

/** Consent: accepting the privacy notice in force, and the elder's health-data consent. */

export const acceptPrivacyNotice = (version: string) => call('consent/accept-privacy', { body: { version } })
export const getHealthConsent = (elderId: string) => call('consent/health', { params: { elderId } })
export const setHealthConsent = (elderId: string, given: boolean) => call('consent/set-health', { params: { elderId }, body: { given } })
