import * as z from 'zod/mini';
import { IdempotencyKeySchema, text } from './common';

/**
 * Importing a community's elders from the spreadsheet it already keeps (CSV or xlsx). The file's bytes
 * travel base64-encoded in the JSON body: a register of 500 elders is far below the limit, one request
 * carries it, and no upload domain needs listing in WeChat. The preview writes no elder; the confirm
 * writes every new row of the preview or none.
 */

/** The largest spreadsheet taken (the file itself, before base64). */
export const IMPORT_MAX_FILE_BYTES = 1024 * 1024;
/** The most data rows one import takes; a larger register is split into several files. */
export const IMPORT_MAX_ROWS = 500;

export const ImportFileBody = z.strictObject({
  fileName: text('文件名', 100),
  /** The file's bytes, base64. The route's body limit bounds it; the use case checks the decoded size. */
  content: z.string('缺少文件内容').check(z.regex(/^[A-Za-z0-9+/]*={0,2}$/, '文件内容读不出来，请重新选择文件')),
});
export type ImportFileInput = z.infer<typeof ImportFileBody>;

export const ConfirmImportBody = z.strictObject({
  /** Chosen by the app once per confirmation and resent on retry. */
  idempotencyKey: IdempotencyKeySchema,
});
export type ConfirmImportInput = z.infer<typeof ConfirmImportBody>;

/**
 * The columns of the template, in its order, with the headers accepted for each (the first is the
 * template's own). A header matches after spaces, asterisks and anything in brackets are taken away,
 * so `出生日期（年-月-日）` and `*姓名` match too.
 */
export const importColumns = [
  { column: '姓名', required: true, aliases: ['名字', '老人姓名', '长辈姓名'], example: '王秀英' },
  { column: '性别', required: true, aliases: [], example: '女' },
  { column: '出生日期', required: true, aliases: ['出生年月日', '生日', '出生年月'], example: '1945-03-08' },
  { column: '电话', required: true, aliases: ['联系电话', '手机', '手机号', '手机号码', '电话号码'], example: '13800138000' },
  { column: '住址', required: true, aliases: ['地址', '家庭住址', '居住地址', '现住址'], example: '学院路 12 栋 3 单元 201' },
  { column: '居住情况', required: true, aliases: ['居住状况'], example: '独居' },
  { column: '自理能力', required: true, aliases: ['身体状况', '能力'], example: '自理' },
  { column: '补贴类别', required: true, aliases: ['补贴类型', '人员类别', '类别'], example: '低保' },
  { column: '核实依据', required: false, aliases: ['补贴核实依据'], example: '低保证 尾号 0312' },
  { column: '行动不便', required: false, aliases: [], example: '否' },
  { column: '低盐', required: false, aliases: [], example: '是' },
  { column: '低糖', required: false, aliases: [], example: '否' },
  { column: '软食', required: false, aliases: [], example: '否' },
  { column: '过敏或忌口', required: false, aliases: ['忌口', '过敏', '饮食禁忌'], example: '不吃辣' },
  { column: '紧急联系人', required: false, aliases: ['紧急联系人姓名', '联系人'], example: '王磊' },
  { column: '紧急联系人关系', required: false, aliases: ['与长辈关系', '联系人关系', '关系'], example: '儿子' },
  { column: '紧急联系人电话', required: false, aliases: ['联系人电话'], example: '13900139000' },
] as const;
export type ImportColumn = (typeof importColumns)[number]['column'];

export const importRowStatuses = ['new', 'registered', 'problem'] as const;
export type ImportRowStatus = (typeof importRowStatuses)[number];
export const importRowStatusNames: Record<ImportRowStatus, string> = { new: '新建', registered: '已有', problem: '有问题' };

export interface ImportProblem {
  /** The template's name of the column, or '' for the row as a whole. */
  column: string;
  message: string;
}

export interface ImportRowView {
  /** The row's number in the spreadsheet as Excel shows it (the header is row 1). */
  row: number;
  status: ImportRowStatus;
  name: string;
  birthDate: string;
  problems: ImportProblem[];
}

export interface ImportPreviewResponse {
  importId: string;
  fileName: string;
  counts: Record<ImportRowStatus, number>;
  /** Columns of the file that are not imported (序号, 身份证号 …). */
  ignoredColumns: string[];
  rows: ImportRowView[];
  /** Until when the preview can be confirmed. */
  expiresAt: string;
}

export interface ImportResultResponse {
  importId: string;
  added: number;
  /** Rows skipped because the elder was already registered. */
  skipped: number;
}
