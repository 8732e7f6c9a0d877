import { streamConsumer } from '../../../../platform/stream';
import { FIGURES_CONSUMER, followFigures } from '../../figures';

/** The figures of communities, centres and the county follow every counted record (see figures.ts). */
export const handler = streamConsumer(FIGURES_CONSUMER, followFigures);
