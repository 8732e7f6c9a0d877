import { streamConsumer } from '../../../../platform/stream';
import { followStaffChange } from '../../staff-changes';

/** Dispatch follows a staff member who retired or moved to another centre (see staff-changes.ts). */
export const handler = streamConsumer('care-events/staff-changed', followStaffChange);
