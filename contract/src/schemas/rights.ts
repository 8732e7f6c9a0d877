import * as z from 'zod/mini';
import { text } from './common';
import type { DataCopyKind } from '../terms/rights';
import type { ElderDetailResponse } from './people';

/** Personal information rights: a copy of one's data, closing one's account, an elder's closing with a worker. */

/** Closing one's own account: sent only after the person confirmed on the page. */
export const CloseAccountBody = z.strictObject({
  confirm: z.literal(true, '请先确认要注销账户（confirm）'),
});
export type CloseAccountInput = z.infer<typeof CloseAccountBody>;

export interface CloseAccountResponse {
  closedAt: string;
}

/** An elder's closing, done by the community's worker with the elder (or the family after a death). */
export const CloseElderBody = z.strictObject({
  /** Who asked and how it was checked: 本人到社区申请, 女儿带死亡证明来办理. */
  note: text('说明', 60, 2),
});
export type CloseElderInput = z.infer<typeof CloseElderBody>;
export type CloseElderResponse = ElderDetailResponse;

/** One kind of record in a copy of one's data, as a table of text: what the page lists and the workbook holds. */
export interface DataCopySection {
  kind: DataCopyKind;
  /** 订餐记录, or 订餐记录（王秀英） for a bound elder's. */
  title: string;
  columns: string[];
  rows: string[][];
}

/** Everything the app holds about a person (and, for a relative, about each bound elder), in words. */
export interface DataCopyResponse {
  name: string;
  madeAt: string;
  sections: DataCopySection[];
}
