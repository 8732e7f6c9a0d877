/** @dynamodb-streams */
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { Centre, County } from '../../src/features/people/entities';
import { startStreamRunner, type StreamRunner } from '../../src/local/stream-runner';
import { streamConsumer } from '../../src/platform/stream';
import { deadLettersOf, markHandled } from '../../src/store/events';
import { balanceOf, entriesOf, move } from '../../src/store/ledger';
import { writeTogether } from '../../src/store/transactions';
import { uniqueId } from '../support/seed';
import { DeleteTableCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { ensureTable } from '../../src/local/bootstrap';
import { dynamoClient } from '../../src/store/client';

/**
 * The event path: a change in the table reaches a consumer through DynamoDB Local's stream, with the
 * same handler code the cloud runs; a replayed record changes nothing; a record the consumer keeps
 * failing on ends as a dead letter with its reason.
 */
const account = 'test#counties';
const otherTable = `${process.env.TABLE_NAME}-other`;

// A consumer of new counties that counts them: its effect and its handled-marker in one transaction.
const delivered: DynamoDBStreamEvent[] = [];
const countCounties = streamConsumer('count-counties', async (change) => {
  if (change.kind !== 'INSERT') return;
  const outcome = await writeTogether({
    handled: markHandled('count-counties', change.eventId, change.at),
    ...move({ account, entryId: change.eventId, amount: 1, reason: '新县', at: change.at.toISOString() }),
  });
  if (!outcome.written && !outcome.failed.includes('handled')) throw new Error(`count failed: ${outcome.failed.join(',')}`);
});

let runner: StreamRunner;
beforeAll(async () => {
  runner = await startStreamRunner(
    [
      {
        name: 'count-counties',
        entities: ['county'],
        handler: async (event) => {
          delivered.push(event);
          return countCounties(event);
        },
      },
      {
        name: 'always-fails',
        entities: ['centre'],
        handler: streamConsumer('always-fails', async () => {
          throw new Error('服务中心没有负责人，无法通知');
        }),
      },
    ],
    { pollMs: 50 },
  );
  // The runner started on this file's table while it was still empty. DynamoDB Local numbers the stream
  // records of all its tables from one counter; another table's writes move it on (another test file's
  // do, when files run in parallel) before this table's first record, which the runner must still read.
  await ensureTable(otherTable);
  await dynamoClient.send(new PutItemCommand({ TableName: otherTable, Item: { pk: { S: 'elsewhere' }, sk: { S: 'elsewhere' } } }));
});
afterAll(async () => {
  await runner?.stop();
  await dynamoClient.send(new DeleteTableCommand({ TableName: otherTable }));
});

test('a change in the table reaches its consumer through the stream, once in effect', async () => {
  for (let i = 0; i < 3; i++) await County.put({ countyId: uniqueId('county'), name: `测试县${i}` }).go();
  await runner.idle();
  expect(await balanceOf(account)).toBe(3);
  expect(delivered.length).toBe(3);
});

test('the same records delivered again (a retry or a replay) change nothing', async () => {
  await runner.idle();
  const before = await balanceOf(account);
  for (const event of [...delivered]) expect(await countCounties(event)).toEqual({ batchItemFailures: [] });
  expect(await balanceOf(account)).toBe(before);
  expect((await entriesOf(account)).length).toBe(before);
});

test('a record its consumer keeps failing on ends as a dead letter with the reason, and the other consumers go on', async () => {
  const centreId = uniqueId('centre');
  await Centre.put({ centreId, countyId: 'county-x', name: '测试中心' }).go();
  await County.put({ countyId: uniqueId('county'), name: '又一个县' }).go();
  await runner.idle();
  const letters = await deadLettersOf('always-fails');
  expect(letters).toHaveLength(1);
  expect(letters[0]).toMatchObject({ reason: '服务中心没有负责人，无法通知', attempts: 3 });
  expect(JSON.parse(letters[0].record).dynamodb.NewImage.centreId.S).toBe(centreId);
  expect(await balanceOf(account)).toBe(4);
});

test('a change carries the time it was made, as Lambda gives it (epoch seconds), so consumers date what they write correctly', async () => {
  const start = Date.now();
  await County.put({ countyId: uniqueId('county'), name: '按时县' }).go();
  await runner.idle();
  const { changeOf } = await import('../../src/platform/stream');
  const latest = changeOf(delivered.at(-1)!.Records[0]);
  expect(Math.abs(latest.at.getTime() - start)).toBeLessThan(5 * 60 * 1000);
});
