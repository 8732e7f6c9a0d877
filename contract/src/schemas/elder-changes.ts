import * as z from 'zod/mini';
import { IdSchema, text } from './common';
import { registerStatuses } from '../terms/people';

/** An elder moves to another community of the county: orders and bindings follow, the old community's workers lose access. */
export const MoveElderBody = z.strictObject({ communityId: IdSchema });
export type MoveElderInput = z.infer<typeof MoveElderBody>;

/**
 * An elder leaves the register (died, or moved away from the county) or comes back: records stay, standing
 * orders stop and open orders from today on are cancelled.
 */
export const ElderStatusBody = z.strictObject({
  status: z.enum(registerStatuses, '状态只能是 在册、已故 或 已迁走'),
  note: text('说明', 60, 0),
});
export type ElderStatusInput = z.infer<typeof ElderStatusBody>;
