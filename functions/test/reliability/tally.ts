import { appendFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * What the reliability suite did, counted by the tests themselves and summed by the reporter
 * (reporter.js) at the end of the run: routes covered, matrix cells, fuzz cases, races, faults.
 */
export type Measure = 'routesCovered' | 'matrixCells' | 'fuzzCases' | 'racesRun' | 'faultsInjected' | 'tokenCases';

export const tallyFolder = () => process.env.YILIN_RELIABILITY_TALLY ?? join(tmpdir(), `yilin-reliability-${process.ppid}`);

export function tally(measure: Measure, count = 1): void {
  mkdirSync(tallyFolder(), { recursive: true });
  appendFileSync(join(tallyFolder(), `${process.pid}.jsonl`), `${JSON.stringify({ measure, count })}\n`);
}
