import { streamConsumer } from '../../../../platform/stream';
import { deliverNotices } from '../../deliver';

/** Emergency calls become messages to the workers, the family and, when it goes up, the centre and the county (see deliver.ts). */
export const handler = streamConsumer('notify-events/alerts', deliverNotices);
