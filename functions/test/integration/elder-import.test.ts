import writeXlsxFile from 'write-excel-file/node';
import { errorCode, useApi } from '../support/api';
import { createCommunity, createUser, createWorld, tableItems } from '../support/seed';
import { setClock } from '../../src/platform/clock';
import { documentClient } from '../../src/store/client';
import { ELDERS_PER_TRANSACTION } from '../../src/features/people/data/imports';

const api = useApi();

const header = ['姓名', '性别', '出生日期', '电话', '住址', '居住情况', '自理能力', '补贴类别', '核实依据', '行动不便', '低盐', '低糖', '软食', '过敏或忌口', '紧急联系人', '紧急联系人关系', '紧急联系人电话'];
const row = (name: string, birthDate: string, overrides: Partial<Record<string, string>> = {}) =>
  header.map(
    (column) =>
      overrides[column] ??
      ({ 姓名: name, 性别: '女', 出生日期: birthDate, 电话: '13807341234', 住址: '学院路 12 栋 201', 居住情况: '独居', 自理能力: '自理', 补贴类别: '低保', 核实依据: '低保证 尾号 0312', 行动不便: '否', 低盐: '是', 低糖: '', 软食: '', 过敏或忌口: '', 紧急联系人: '王磊', 紧急联系人关系: '儿子', 紧急联系人电话: '13907345678' } as Record<string, string>)[column],
  );
const csv = (rows: string[][]) => rows.map((cells) => cells.map((cell) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',')).join('\r\n');
const file = (bytes: Buffer | string, fileName = '长辈名册.csv') => ({ fileName, content: Buffer.from(bytes).toString('base64') });

const goodRows = [row('王秀英', '1944-03-08'), row('李建国', '1950/9/20', { 性别: '男', 补贴类别: '普通' }), row('张桂兰', '1938年1月2日', { 行动不便: '是' })];

async function setUp() {
  setClock('2026-04-02T03:00:00.000Z');
  const world = await createWorld();
  const preview = (content: ReturnType<typeof file>, as = world.worker.userId, communityId = world.home.communityId) =>
    api.as(as).post(`/communities/${communityId}/imports`, content);
  const confirm = (importId: string, key = `key-${importId}`, as = world.worker.userId) =>
    api.as(as).post(`/communities/${world.home.communityId}/imports/${importId}/confirm`, { idempotencyKey: key });
  const elderNames = async () =>
    (await tableItems()).filter((item) => item.__edb_e__ === 'elder' && item.communityId === world.home.communityId).map((item) => item.name as string).sort();
  return { ...world, preview, confirm, elderNames };
}

describe('importing a community’s elders from its spreadsheet', () => {
  test('a CSV preview lists every row as new, writes no elder, and the confirmation registers them all', async () => {
    const { preview, confirm, elderNames } = await setUp();
    const before = await elderNames();
    const itemsBefore = (await tableItems()).length;

    const response = await preview(file(csv([header, ...goodRows])));

    expect(response.status).toBe(201);
    expect(response.body.counts).toEqual({ new: 3, registered: 0, problem: 0 });
    expect(response.body.rows.map((r: { row: number; birthDate: string }) => [r.row, r.birthDate])).toEqual([[2, '1944-03-08'], [3, '1950-09-20'], [4, '1938-01-02']]);
    // Only the preview itself is kept.
    expect((await tableItems()).length).toBe(itemsBefore + 1);
    expect(await elderNames()).toEqual(before);

    const done = await confirm(response.body.importId);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ added: 3, skipped: 0 });
    expect(await elderNames()).toEqual([...before, '张桂兰', '李建国', '王秀英'].sort());
    const items = await tableItems();
    const zhang = items.find((item) => item.__edb_e__ === 'elder' && item.name === '张桂兰')!;
    expect(zhang).toMatchObject({ mobilityLimited: true, subsidyCategoryVerified: 'dibao', livingSituation: 'alone', ability: 'independent', sex: 'female' });
    expect(items.filter((item) => item.__edb_e__ === 'elderIdentity' && item.name === '张桂兰')).toHaveLength(1);
  });

  test('CSV with a BOM, and CSV saved by Excel in GBK, read the same Chinese', async () => {
    const { preview } = await setUp();
    const text = csv([header, goodRows[0]]);
    const withBom = await preview(file(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])));
    expect(withBom.body.rows[0]).toMatchObject({ name: '王秀英', status: 'new' });
    // GB18030 bytes of the same text, as Excel and WPS in China save CSV.
    const gbkBytes = encodeGbk(text);
    const fromGbk = await preview(file(gbkBytes));
    expect(fromGbk.status).toBe(201);
    expect(fromGbk.body.rows[0]).toMatchObject({ name: '王秀英', status: 'new', problems: [] });
  });

  test('an xlsx preview reads date cells and numbers, and names every problem by row, column and what is wrong', async () => {
    const { preview } = await setUp();
    const cells = (values: Array<string | Date | number>) => values.map((value) => ({ value, ...(value instanceof Date ? { format: 'yyyy-mm-dd' } : {}) }));
    const good = cells(row('王秀英', '').map((value, index) => (index === 2 ? new Date(Date.UTC(1944, 2, 8)) : index === 3 ? 13807341234 : value)));
    const bad = cells(row('李建国', '2030-01-01', { 电话: '12345', 自理能力: '很好' }));
    const bytes = await (await writeXlsxFile([cells(header), good, bad])).toBuffer();

    const response = await preview(file(bytes, '名册.xlsx'));

    expect(response.status).toBe(201);
    expect(response.body.counts).toEqual({ new: 1, registered: 0, problem: 1 });
    expect(response.body.rows[0]).toMatchObject({ row: 2, status: 'new', birthDate: '1944-03-08' });
    const problem = response.body.rows[1];
    expect(problem).toMatchObject({ row: 3, status: 'problem' });
    const columns = problem.problems.map((p: { column: string }) => p.column);
    expect(columns).toEqual(expect.arrayContaining(['电话', '自理能力', '出生日期']));
    expect(problem.problems.find((p: { column: string }) => p.column === '自理能力').message).toContain('自理、半失能 或 失能');
  });

  test('the same elder twice in one file is a problem of the second row, and a preview with problems cannot be confirmed', async () => {
    const { preview, confirm, elderNames } = await setUp();
    const before = await elderNames();
    const response = await preview(file(csv([header, goodRows[0], goodRows[1], goodRows[0]])));
    expect(response.body.rows[2]).toMatchObject({ row: 4, status: 'problem', problems: [{ column: '姓名', message: expect.stringContaining('第 2 行') }] });

    const refused = await confirm(response.body.importId);
    expect(refused.status).toBe(400);
    expect(errorCode(refused)).toBe('IMPORT_HAS_PROBLEMS');
    expect(refused.body.error.details.rows).toEqual([{ row: 4, problems: expect.any(Array) }]);
    expect(await elderNames()).toEqual(before);
  });

  test('importing the same file again adds nobody: its rows are already registered', async () => {
    const { preview, confirm, elderNames } = await setUp();
    const content = file(csv([header, ...goodRows]));
    await confirm((await preview(content)).body.importId);
    const after = await elderNames();

    const again = await preview(content);
    expect(again.body.counts).toEqual({ new: 0, registered: 3, problem: 0 });
    const done = await confirm(again.body.importId);
    expect(done.body).toMatchObject({ added: 0, skipped: 3 });
    expect(await elderNames()).toEqual(after);
  });

  test('a confirmation sent again, with the same key or another, writes nobody twice', async () => {
    const { preview, confirm, elderNames } = await setUp();
    const { importId } = (await preview(file(csv([header, ...goodRows])))).body;
    const first = await confirm(importId, 'same-key-1');
    const after = await elderNames();
    expect(await confirm(importId, 'same-key-1')).toMatchObject({ status: 200, body: first.body });
    expect(await confirm(importId, 'other-key-2')).toMatchObject({ status: 200, body: first.body });
    expect(await elderNames()).toEqual(after);
  });

  test('a confirmation that fails half way is completed by confirming again, each elder written once', async () => {
    const { preview, confirm, elderNames } = await setUp();
    const rows = Array.from({ length: 60 }, (_, index) => row(`测试长辈${index + 1}`, `1950-01-${String((index % 28) + 1).padStart(2, '0')}`, { 电话: `138073${String(index).padStart(5, '0')}` }));
    const { importId } = (await preview(file(csv([header, ...rows])))).body;
    const before = await elderNames();
    const send = documentClient.send.bind(documentClient);
    let transactions = 0;
    const spy = jest.spyOn(documentClient, 'send').mockImplementation(((command: { constructor: { name: string } }, ...rest: unknown[]) => {
      if (command.constructor.name.startsWith('TransactWrite') && ++transactions === 2) return Promise.reject(new Error('the function was stopped'));
      return (send as (...args: unknown[]) => unknown)(command, ...rest);
    }) as never);
    const failed = await confirm(importId, 'half-way-1');
    spy.mockRestore();
    expect([failed.status, transactions]).toEqual([500, 2]);
    expect((await elderNames()).length - before.length).toBe(ELDERS_PER_TRANSACTION);

    const retried = await confirm(importId, 'half-way-1');
    expect(retried.body).toMatchObject({ added: 60 });
    const names = await elderNames();
    expect(names.length - before.length).toBe(60);
    expect(new Set(names).size).toBe(names.length);
  });

  test('an elder registered by someone else after the preview stops the confirmation: 409 naming the row, nothing written', async () => {
    const { preview, confirm, elderNames, home } = await setUp();
    const { importId } = (await preview(file(csv([header, ...goodRows])))).body;
    // Another worker imports a file with 李建国 meanwhile.
    const colleague = await createUser('worker', { communityId: home.communityId, name: '张敏' });
    const other = await preview(file(csv([header, goodRows[1]])), colleague.userId);
    await confirm(other.body.importId, 'colleague-1', colleague.userId);
    const before = await elderNames();

    const refused = await confirm(importId);
    expect(refused.status).toBe(409);
    expect(errorCode(refused)).toBe('IMPORT_REGISTERED_MEANWHILE');
    expect(refused.body.error.details.rows).toEqual([{ row: 3, name: '李建国' }]);
    expect(await elderNames()).toEqual(before);
  });

  describe('files that cannot be imported get a coded 4xx and write nothing', () => {
    test.each([
      ['an empty file', '', 400, 'IMPORT_FILE_EMPTY'],
      ['a header without rows', csv([header]), 400, 'IMPORT_FILE_EMPTY'],
      ['a PDF', '%PDF-1.4\n\u0001\u0002binary', 400, 'IMPORT_NOT_SPREADSHEET'],
      ['an old .xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 400, 'IMPORT_NOT_SPREADSHEET'],
      ['a zip that is not a workbook', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]), 400, 'IMPORT_NOT_SPREADSHEET'],
      ['5,000 rows', csv([header, ...Array.from({ length: 5000 }, (_, index) => row(`长辈${index}`, '1950-01-01'))]), 413, 'IMPORT_TOO_MANY_ROWS'],
      ['a file over 1 MB', csv([header, ...Array.from({ length: 400 }, (_, index) => row(`长辈${index}`, '1950-01-01', { 住址: '很长的地址'.repeat(200) }))]), 413, 'IMPORT_FILE_TOO_LARGE'],
    ])('%s', async (_, bytes, status, code) => {
      const { preview } = await setUp();
      const before = await tableItems();
      const response = await preview(file(bytes as string));
      expect(response.status).toBe(status);
      expect(errorCode(response)).toBe(code);
      expect(response.body.error.message).toMatch(/[\u4e00-\u9fff]/);
      expect(await tableItems()).toEqual(before);
    });

    test('wrong columns: the missing ones and the unknown ones are named', async () => {
      const { preview } = await setUp();
      const response = await preview(file(csv([['姓名', '身份证号', '生日', '地址'], ['王秀英', '430000', '1944-03-08', '学院路']])));
      expect(response.status).toBe(400);
      expect(errorCode(response)).toBe('IMPORT_COLUMNS_WRONG');
      expect(response.body.error.message).toContain('性别、电话、居住情况、自理能力、补贴类别');
      expect(response.body.error.details).toMatchObject({ missing: ['性别', '电话', '居住情况', '自理能力', '补贴类别'], unknown: ['身份证号'] });
    });
  });

  test('a worker of another community cannot preview or confirm into this one', async () => {
    const { preview, otherWorker, home } = await setUp();
    const own = await preview(file(csv([header, goodRows[0]])));
    const refused = await preview(file(csv([header, goodRows[0]])), otherWorker.userId);
    expect(refused.status).toBe(404);
    expect(errorCode(refused)).toBe('COMMUNITY_NOT_FOUND');
    const confirmRefused = await api.as(otherWorker.userId).post(`/communities/${home.communityId}/imports/${own.body.importId}/confirm`, { idempotencyKey: 'intruder-1' });
    expect(errorCode(confirmRefused)).toBe('COMMUNITY_NOT_FOUND');
    const elsewhere = await createCommunity('别县社区');
    const foreign = await preview(file(csv([header, goodRows[0]])), otherWorker.userId, elsewhere.communityId);
    expect(foreign.status).toBe(404);
  });
});

/** GB18030 bytes of a text, by looking each character up in the decoder (no encoder ships with Node). */
function encodeGbk(text: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  const bytes: number[] = [];
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) {
      bytes.push(char.charCodeAt(0));
      continue;
    }
    if (!table.has(char)) {
      search: for (let lead = 0x81; lead <= 0xfe; lead++) {
        for (let trail = 0x40; trail <= 0xfe; trail++) {
          if (decoder.decode(Uint8Array.from([lead, trail])) === char) {
            table.set(char, [lead, trail]);
            break search;
          }
        }
      }
    }
    bytes.push(...table.get(char)!);
  }
  return Buffer.from(bytes);
}
