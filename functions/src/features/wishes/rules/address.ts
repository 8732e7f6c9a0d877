import type { Handover } from '@yilin/contract';

/**
 * A wish handed over at home tells its claimer the elder's address, so it needs her agreement. The elder
 * posting herself agrees by choosing it; a relative or a worker posting for her must confirm that she herself
 * agreed. A wish handed over at the centre tells nobody the address and needs nothing.
 */
export type AddressAgreement = 'not-needed' | 'her-own' | 'on-her-behalf' | 'missing';

export function addressAgreementOf(handover: Handover, postedByElderHerself: boolean, confirmedForHer: boolean | undefined): AddressAgreement {
  if (handover !== 'home') return 'not-needed';
  if (postedByElderHerself) return 'her-own';
  return confirmedForHer === true ? 'on-her-behalf' : 'missing';
}
