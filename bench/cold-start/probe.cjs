// One cold start: a fresh Node process loads one bundle and answers one event, then reports how long
// loading and the first answer took (from just before `require` to the handler's answer).
const [bundle, eventFile] = process.argv.slice(2);
const event = JSON.parse(require('node:fs').readFileSync(eventFile, 'utf8'));
const context = { awsRequestId: 'bench-cold-start', functionName: 'bench', getRemainingTimeInMillis: () => 10000 };
const started = performance.now();
const { handler } = require(bundle);
const loaded = performance.now();
Promise.resolve(handler(event, context)).then(
  (result) => {
    const answered = performance.now();
    // A stream consumer answers batch-item failures, not a status.
    const failures = result && result.batchItemFailures;
    const status = result && (result.statusCode ?? (failures ? (failures.length ? 'failed' : 'ok') : undefined));
    process.send({ loadMs: loaded - started, firstMs: answered - loaded, totalMs: answered - started, status }, () => process.exit(0));
  },
  (error) => process.send({ error: String(error && error.stack || error) }, () => process.exit(1)),
);
