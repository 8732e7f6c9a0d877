import { openPhone } from '../support/browser';
import { ELDER_MODE, elderModeProblems } from '../support/elder-mode';
import { chooseCast, journeys, walkJourney, type Cast } from '../support/journeys';
import { useStackAndBrowser } from '../support/stack';

const env = useStackAndBrowser();
let cast: Cast;

beforeAll(async () => {
  cast = await chooseCast(env.stack.webUrl);
});


const elderJourneys = journeys.filter((journey) => journey.elderMode).map((journey) => [journey.role, journey] as const);

describe.each(elderJourneys)('长辈版 for %s pages', (_role, journey) => {
  test(`text is at least ${ELDER_MODE.minBodyTextPx}px and tap targets at least ${ELDER_MODE.minTapTargetPx}×${ELDER_MODE.minTapTargetPx}`, async () => {
    const { context, page } = await openPhone(env.browser, env.stack.webUrl);
    const problems: Record<string, string[]> = {};
    try {
      await walkJourney(page, journey, cast, async (name) => {
        const found = await elderModeProblems(page);
        if (found.length) problems[name] = found;
      });
    } finally {
      await context.close();
    }
    expect(problems).toEqual({});
  });
});
