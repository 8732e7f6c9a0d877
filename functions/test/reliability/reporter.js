const { readdirSync, readFileSync, rmSync, mkdirSync } = require('node:fs');
const { join } = require('node:path');
const { tmpdir } = require('node:os');

/** Prints the reliability summary once the reliability project has run. */
class ReliabilityReporter {
  constructor() {
    // One folder per run, so runs side by side never mix their counts; test workers inherit the variable.
    this.folder = join(tmpdir(), `yilin-reliability-${process.pid}-${Date.now()}`);
    process.env.YILIN_RELIABILITY_TALLY = this.folder;
  }

  onRunStart() {
    rmSync(this.folder, { recursive: true, force: true });
    mkdirSync(this.folder, { recursive: true });
  }

  onRunComplete(_contexts, results) {
    const totals = { routesCovered: 0, matrixCells: 0, fuzzCases: 0, racesRun: 0, faultsInjected: 0, tokenCases: 0 };
    let files;
    try {
      files = readdirSync(this.folder);
    } catch {
      return;
    }
    if (files.length === 0) return;
    for (const file of files) {
      for (const line of readFileSync(join(this.folder, file), 'utf8').split('\n')) {
        if (!line) continue;
        const { measure, count } = JSON.parse(line);
        totals[measure] = (totals[measure] ?? 0) + count;
      }
    }
    const failures = results.testResults
      .filter((file) => file.testFilePath.includes(`${join('test', 'reliability')}`))
      .reduce((sum, file) => sum + file.numFailingTests + (file.testExecError ? 1 : 0), 0);
    const lines = [
      'Reliability summary',
      `  routes covered:       ${totals.routesCovered}`,
      `  matrix cells checked: ${totals.matrixCells}`,
      `  fuzz cases run:       ${totals.fuzzCases}`,
      `  token cases:          ${totals.tokenCases}`,
      `  races run:            ${totals.racesRun}`,
      `  faults injected:      ${totals.faultsInjected}`,
      `  failures:             ${failures}`,
    ];
    process.stdout.write(`\n${lines.join('\n')}\n`);
    rmSync(this.folder, { recursive: true, force: true });
  }
}

module.exports = ReliabilityReporter;
