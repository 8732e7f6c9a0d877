import * as path from 'node:path';
import { build, type Metafile } from 'esbuild';
import { functionGroupOf, functionGroups } from '../../functions/src/routes';
import { writeGroupEntry } from '../lib/function-entries';

/**
 * What a function carries is what esbuild puts in its bundle (the options of ProjectFunction), from the
 * entry the stack generates for each function (one per feature and grant). The Secrets Manager client costs
 * every cold start that loads it, so only the functions whose routes declare a secret may carry it: a
 * function that merely verifies session tokens leaves it out.
 */
const projectRoot = path.resolve(__dirname, '../..');
const secretsCode = /node_modules\/@aws-sdk\/client-secrets-manager\/|node_modules\/@aws-lambda-powertools\/parameters\/lib\//;

async function bundleOf(entry: string): Promise<Metafile> {
  const { metafile } = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    minify: true,
    write: false,
    outfile: 'index.js',
    absWorkingDir: projectRoot,
    metafile: true,
    logLevel: 'error',
  });
  return metafile as Metafile;
}

const bytesOf = (metafile: Metafile, pattern: RegExp) =>
  Object.values(metafile.outputs)
    .flatMap((output) => Object.entries(output.inputs))
    .filter(([input]) => pattern.test(input))
    .reduce((sum, [, { bytesInOutput }]) => sum + bytesInOutput, 0);

const groups = functionGroups();

describe('the function bundles', () => {
  it('of the functions that hold a secret carry the Secrets Manager client (so the check below can see it)', async () => {
    const holding = groups.filter((group) => group.secrets.length > 0);
    expect(holding.map((group) => group.name).sort()).toEqual(['people-write-session-signing', 'people-write-session-signing-wechat']);
    for (const group of holding) {
      expect({ group: group.name, carries: bytesOf(await bundleOf(writeGroupEntry(group)), secretsCode) > 10_000 }).toEqual({ group: group.name, carries: true });
    }
  }, 60_000);

  it('of every other function carry no Secrets Manager code: verifying a session token needs none', async () => {
    const others = groups.filter((group) => group.secrets.length === 0);
    expect(others.length).toBeGreaterThanOrEqual(4);
    const found = await Promise.all(others.map(async (group) => ({ group: group.name, bytes: bytesOf(await bundleOf(writeGroupEntry(group)), secretsCode) })));
    expect(found.filter(({ bytes }) => bytes > 0)).toEqual([]);
  }, 120_000);

  it('of the xlsx functions alone (the statement, a copy of one’s data) carry the xlsx writer: the read functions never load it', async () => {
    const xlsxCode = /node_modules\/write-excel-file\//;
    const xlsxGroup = functionGroupOf('canteen/statement-xlsx');
    expect({ name: xlsxGroup.name, tableAccess: xlsxGroup.tableAccess, routes: xlsxGroup.routes.map((route) => route.handler) }).toEqual({
      name: 'canteen-read-xlsx',
      tableAccess: 'read',
      routes: ['canteen/statement-xlsx'],
    });
    const found = await Promise.all(groups.map(async (group) => ({ group: group.name, carries: bytesOf(await bundleOf(writeGroupEntry(group)), xlsxCode) > 0 })));
    expect(found.filter(({ carries }) => carries).map(({ group }) => group)).toEqual(['canteen-read-xlsx', 'rights-read-xlsx']);
    expect(functionGroupOf('canteen/statement').name).toBe('canteen-read');
    expect(functionGroupOf('rights/data-copy').name).toBe('rights-read');
  }, 120_000);

  it('of the import preview alone carry the xlsx reader: the confirmation and the rest of people never load it', async () => {
    const readerCode = /node_modules\/(read-excel-file|saxen|unzipper-esm|worker-f)\//;
    const previewGroup = functionGroupOf('imports/preview');
    expect({ name: previewGroup.name, routes: previewGroup.routes.map((route) => route.handler) }).toEqual({ name: 'people-write-xlsx', routes: ['imports/preview'] });
    expect(functionGroupOf('imports/confirm').name).toBe('people-write');
    const found = await Promise.all(groups.map(async (group) => ({ group: group.name, carries: bytesOf(await bundleOf(writeGroupEntry(group)), readerCode) > 0 })));
    expect(found.filter(({ carries }) => carries).map(({ group }) => group)).toEqual(['people-write-xlsx']);
  }, 120_000);

  it('of each function hold the handlers of its routes, and no other feature’s', async () => {
    for (const group of groups) {
      const inputs = Object.keys((await bundleOf(writeGroupEntry(group))).inputs);
      for (const route of group.routes) expect(inputs.some((input) => input.endsWith(`/handlers/${route.handler}.ts`))).toBe(true);
      const otherFeature = group.feature === 'people' ? 'canteen' : 'people';
      expect(inputs.filter((input) => input.includes(`features/${otherFeature}/handlers/`))).toEqual([]);
    }
  }, 120_000);
});
