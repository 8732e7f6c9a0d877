import { streamConsumer } from '../../../../platform/stream';
import { followElderChange } from '../../elder-changes';

/** Home visits follow an elder who moved community or left the register (see elder-changes.ts). */
export const handler = streamConsumer('care-events/elder-changed', followElderChange);
