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

function describe(issue: z.core.$ZodIssue): FieldProblem {
  const field = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    return { field, message: `不认识的字段：${issue.keys.join('、')}，请去掉后再提交` };
  }
  if (issue.code === 'invalid_type' && issue.path.length === 0) {
    return { field, message: '提交的内容格式不对，应当是一个 JSON 对象' };
  }
  return { field, message: issue.message };
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
