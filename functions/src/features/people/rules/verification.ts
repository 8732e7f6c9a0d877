import type { SubsidyCategory } from '@yilin/contract';

export { subsidyCategoryNames } from '@yilin/contract';

/** The facts only a community worker may set, and the audit entries a change of them produces. */
export interface VerifiedFacts {
  birthDate: string;
  subsidyCategory: SubsidyCategory | null;
  mobilityLimited: boolean;
}

export interface FactChange {
  field: 'birthDate' | 'subsidyCategory' | 'mobilityLimited';
  from: string | null;
  to: string;
}

/** Lists the fields that differ; setting a category for the first time is a change from null. */
export function verificationChanges(before: VerifiedFacts, after: Required<{ [K in keyof VerifiedFacts]: NonNullable<VerifiedFacts[K]> }>): FactChange[] {
  const changes: FactChange[] = [];
  if (before.birthDate !== after.birthDate) changes.push({ field: 'birthDate', from: before.birthDate, to: after.birthDate });
  if (before.subsidyCategory !== after.subsidyCategory) {
    changes.push({ field: 'subsidyCategory', from: before.subsidyCategory, to: after.subsidyCategory });
  }
  if (before.mobilityLimited !== after.mobilityLimited) {
    changes.push({ field: 'mobilityLimited', from: String(before.mobilityLimited), to: String(after.mobilityLimited) });
  }
  return changes;
}
