/**
 * Age in whole years on a given calendar date (both `YYYY-MM-DD`, Asia/Shanghai). A person born on
 * 29 February turns a year older on 1 March in common years.
 */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = onDate.split('-').map(Number);
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}

/** The oldest birth date we accept: nobody registered is older than 130. */
export const EARLIEST_BIRTH_DATE = '1895-01-01';

/** A birth date must lie in the past and be plausible. */
export function birthDateProblem(birthDate: string, today: string): string | undefined {
  if (birthDate > today) return '出生日期不能晚于今天';
  if (birthDate < EARLIEST_BIRTH_DATE) return '出生日期太早了，请核对';
  return undefined;
}
