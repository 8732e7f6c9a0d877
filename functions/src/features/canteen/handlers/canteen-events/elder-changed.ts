import { streamConsumer } from '../../../../platform/stream';
import { followElderChange } from '../../elder-changes';

/** The canteen follows an elder who moved community or left the register (see elder-changes.ts). */
export const handler = streamConsumer('canteen-events/elder-changed', followElderChange);
