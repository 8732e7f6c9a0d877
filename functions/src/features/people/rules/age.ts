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

/** Nobody registered was born more than this many years ago. */
export const MAX_AGE_YEARS = 120;

/** The oldest birth date accepted on a day: the same day {@link MAX_AGE_YEARS} years earlier. */
export function earliestBirthDate(today: string): string {
  const [year, rest] = [Number(today.slice(0, 4)), today.slice(4)];
  return `${String(year - MAX_AGE_YEARS).padStart(4, '0')}${rest}`;
}

/** A birth date must lie in the past and be plausible: not more than 120 years ago. */
export function birthDateProblem(birthDate: string, today: string): string | undefined {
  if (birthDate > today) return '出生日期不能晚于今天';
  if (birthDate < earliestBirthDate(today)) return `出生日期不能早于 ${MAX_AGE_YEARS} 年前，请核对`;
  return undefined;
}
