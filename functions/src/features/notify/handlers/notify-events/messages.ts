import { streamConsumer } from '../../../../platform/stream';
import { MESSAGES_CONSUMER, deliverNotices } from '../../deliver';

/** Orders, visits, wishes, redemptions and emergency calls become messages in the app and on WeChat (see deliver.ts). */
export const handler = streamConsumer(MESSAGES_CONSUMER, deliverNotices);
