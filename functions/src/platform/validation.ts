import * as z from 'zod/mini';
import zhCN from 'zod/v4/locales/zh-CN.js';
import { badRequest } from './errors';

// Messages not written by hand in a schema fall back to zod's Simplified Chinese locale.
z.config(zhCN());

export type Schema<T> = z.ZodMiniType<T, unknown>;

interface FieldProblem {
  field: string;
  message: string;
}

/**
 * An unknown key is echoed back in the message, so it is made safe to show first: anything that is not a
 * letter, mark, digit, punctuation, symbol or plain space (controls, unpaired surrogates, bidirectional
 * overrides, zero-width characters) is written out as a `\uXXXX` escape, and a long key is shortened.
 */
function printableKey(key: string): string {
  const shown = key.replace(/[^\p{L}\p{M}\p{N}\p{P}\p{S} ]/gu, (char) => `\\u${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
  const codePoints = Array.from(shown); // never cut an emoji in half
  return codePoints.length > 40 ? `${codePoints.slice(0, 40).join('')}…` : shown;
}

/** Lists whose entries a person tells apart by number: an error says which one ("紧急联系人 2：…"). */
const listLabels: Record<string, string> = { emergencyContacts: '紧急联系人', dishes: '菜品' };

function whichEntry(path: readonly PropertyKey[]): string {
  const at = path.findIndex((part, index) => typeof part === 'number' && typeof path[index - 1] === 'string' && listLabels[path[index - 1] as string]);
  return at > 0 ? `${listLabels[path[at - 1] as string]} ${(path[at] as number) + 1}：` : '';
}

function describe(issue: z.core.$ZodIssue): FieldProblem {
  const field = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    return { field, message: `不认识的字段：${issue.keys.map(printableKey).join('、')}，请去掉后再提交` };
  }
  if (issue.code === 'invalid_type' && issue.path.length === 0) {
    return { field, message: '提交的内容格式不对，应当是一个 JSON 对象' };
  }
  return { field, message: `${whichEntry(issue.path)}${issue.message}` };
}

/** Parses input against a schema or throws a 400 `INVALID_INPUT` naming what to fix. */
export function parseInput<T>(schema: Schema<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.slice(0, 5).map(describe);
  throw badRequest('INVALID_INPUT', problems[0].message, { fields: problems });
}

/** Routes without query parameters refuse unexpected ones. */
export const emptyQuery = z.strictObject({});
