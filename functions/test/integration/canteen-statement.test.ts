import { dynamoClient } from '../../src/store/client';
import { errorCode, tokenFor, useApi } from '../support/api';
import { MONDAY, TUESDAY, createCanteenWorld, placeOrder, publishMenu, setLocalTime, storedOrdersOfMeal } from '../support/canteen-fixtures';
import { readFirstSheet, type SheetCell } from '../support/xlsx';

const api = useApi();

/** Every DynamoDB command the API sends, by name, while `recording` is on. */
const sent: string[] = [];
let recording = false;
dynamoClient.middlewareStack.add(
  (next, context) => async (args) => {
    if (recording) sent.push(String(context.commandName));
    return next(args);
  },
  { step: 'initialize', name: 'statementCommandLog' },
);
async function commandsOf<T>(call: () => Promise<T>): Promise<{ result: T; commands: string[] }> {
  sent.length = 0;
  recording = true;
  try {
    return { result: await call(), commands: [...sent] };
  } finally {
    recording = false;
  }
}

const WEDNESDAY = '2026-11-18';
const DECEMBER_FIRST = '2026-12-01';


beforeEach(() => setLocalTime(MONDAY, '08:00'));

/** Moves an order along, on the evening of its own day (a meal is marked served no earlier). */
const setStatus = (workerId: string, order: { orderId: string; date: string }, ...path: string[]) =>
  path.reduce(async (previous, status) => {
    await previous;
    setLocalTime(order.date, '20:00');
    const response = await api.as(workerId).post(`/orders/${order.orderId}/status`, { status });
    if (response.status !== 200) throw new Error(`${status}: ${response.text}`);
  }, Promise.resolve());

/**
 * A month at the home centre: meals served, delivered, missed, cancelled and still open in November,
 * and one served meal in December that November's statement must leave out.
 */
async function monthOfMeals() {
  const world = await createCanteenWorld();
  const worker = world.worker.userId;
  for (const [date, meal] of [[MONDAY, 'dinner'], [TUESDAY, 'lunch'], [TUESDAY, 'dinner'], [WEDNESDAY, 'lunch'], [DECEMBER_FIRST, 'lunch']] as const) {
    await publishMenu(api, worker, world.home.centreId, date, meal, { standardPriceFen: date === WEDNESDAY ? 1650 : 1500 });
  }
  const order = (elderId: string, date: string, meal: 'lunch' | 'dinner', fulfilment: 'eat_in' | 'delivery' = 'eat_in') => placeOrder(api, elderId, elderId, date, meal, fulfilment);

  const served = [
    await order(world.elder.elderId, MONDAY, 'dinner'),
    await order(world.elder.elderId, TUESDAY, 'lunch'),
    await order(world.young.elderId, TUESDAY, 'lunch'),
    await order(world.tekun.elderId, WEDNESDAY, 'lunch'),
    await order(world.young.elderId, WEDNESDAY, 'lunch'),
  ];
  const delivered = [await order(world.homebound.elderId, TUESDAY, 'lunch', 'delivery'), await order(world.homebound.elderId, WEDNESDAY, 'lunch', 'delivery')];
  const noShow = await order(world.tekun.elderId, TUESDAY, 'dinner');
  const cancelled = await order(world.elder.elderId, TUESDAY, 'dinner');
  const stillPlaced = await order(world.young.elderId, TUESDAY, 'dinner');
  const december = await order(world.elder.elderId, DECEMBER_FIRST, 'lunch');

  expect((await api.as(world.elder.elderId).post(`/orders/${cancelled.orderId}/cancel`)).status).toBe(200);
  for (const meal of [...served, december]) await setStatus(worker, meal, 'confirmed', 'served');
  for (const meal of delivered) await setStatus(worker, meal, 'confirmed', 'out_for_delivery', 'delivered');
  await setStatus(worker, noShow, 'confirmed', 'no_show');
  setLocalTime(WEDNESDAY, '21:00');
  return { ...world, taken: [...served, ...delivered], notTaken: [noShow, cancelled, stillPlaced, december] };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('GET /centres/{centreId}/statements/{month}: the monthly subsidy statement', () => {
  test('totals, rows and categories equal the sum of the month’s served and delivered orders, to the fen', async () => {
    const world = await monthOfMeals();
    const response = await api.as(world.worker.userId).get(`/centres/${world.home.centreId}/statements/2026-11`);
    expect(response.status).toBe(200);

    // Computed from the table, not from the answers, so a wrong price on an order would show here too.
    const stored = (
      await Promise.all(
        [[MONDAY, 'dinner'], [TUESDAY, 'lunch'], [TUESDAY, 'dinner'], [WEDNESDAY, 'lunch']].map(([date, meal]) => storedOrdersOfMeal(world.home.centreId, date, meal as 'lunch' | 'dinner')),
      )
    ).flat();
    const taken = stored.filter((order) => order.status === 'served' || order.status === 'delivered');
    expect(taken.map((order) => order.orderId).sort()).toEqual(world.taken.map((order) => order.orderId).sort());
    expect(response.body.totals).toEqual({ meals: 7, paidFen: sum(taken.map((o) => o.priceFen)), subsidyFen: sum(taken.map((o) => o.subsidyFen)) });
    // 王秀英 800+800, 吴大海 1500+1650, 赵德福 0, 孙玉珍 0+0 paid; the rest is subsidy.
    expect(response.body.totals).toEqual({ meals: 7, paidFen: 4750, subsidyFen: 1500 * 4 + 1650 * 3 - 4750 });

    const rowOf = (elderId: string) => response.body.rows.find((row: { elderId: string }) => row.elderId === elderId);
    expect(rowOf(world.elder.elderId)).toMatchObject({ meals: 2, paidFen: 1600, subsidyFen: 1400, subsidyCategory: null });
    expect(rowOf(world.young.elderId)).toMatchObject({ meals: 2, paidFen: 3150, subsidyFen: 0, subsidyCategory: 'normal' });
    expect(rowOf(world.tekun.elderId)).toMatchObject({ meals: 1, paidFen: 0, subsidyFen: 1650, subsidyCategory: 'tekun' });
    expect(rowOf(world.homebound.elderId)).toMatchObject({ meals: 2, paidFen: 0, subsidyFen: 3150, subsidyCategory: 'disabled' });
    expect(response.body.rows).toHaveLength(4);
    for (const field of ['meals', 'paidFen', 'subsidyFen'] as const) {
      expect(sum(response.body.byCategory.map((group: Record<string, number>) => group[field]))).toBe(response.body.totals[field]);
    }
    expect(response.body).toMatchObject({ centreId: world.home.centreId, month: '2026-11', centreName: '学院路街道综合养老服务中心' });
  });

  test('the admin may read the statement; a worker of another centre is refused with 403', async () => {
    const world = await monthOfMeals();
    const byAdmin = await api.as(world.admin.userId).get(`/centres/${world.home.centreId}/statements/2026-11`);
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body.totals.meals).toBe(7);
    const foreign = await api.as(world.otherWorker.userId).get(`/centres/${world.home.centreId}/statements/2026-11`);
    expect(foreign.status).toBe(403);
    expect(errorCode(foreign)).toBe('NOT_YOUR_CENTRE');
    expect((await api.as(world.elder.elderId).get(`/centres/${world.home.centreId}/statements/2026-11`)).status).toBe(403);
  });

  test('December’s statement holds only December’s meal', async () => {
    const world = await monthOfMeals();
    const response = await api.as(world.worker.userId).get(`/centres/${world.home.centreId}/statements/2026-12`);
    expect(response.body.totals).toEqual({ meals: 1, paidFen: 800, subsidyFen: 700 });
  });

  test('a month without meals is all zeros; a malformed month is 400 INVALID_INPUT', async () => {
    const world = await createCanteenWorld();
    const empty = await api.as(world.worker.userId).get(`/centres/${world.home.centreId}/statements/2026-10`);
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({ rows: [], byCategory: [], totals: { meals: 0, paidFen: 0, subsidyFen: 0 } });
    const malformed = await api.as(world.worker.userId).get(`/centres/${world.home.centreId}/statements/2026-13`);
    expect(malformed.status).toBe(400);
    expect(errorCode(malformed)).toBe('INVALID_INPUT');
  });

  test('?format=csv is text/csv that starts with the UTF-8 BOM bytes, then the header row, and carries the same totals in yuan', async () => {
    const world = await monthOfMeals();
    setLocalTime('2026-12-02', '09:00');
    const response = await fetch(`${api.url}/centres/${world.home.centreId}/statements/2026-11?format=csv`, {
      headers: { authorization: `Bearer ${await tokenFor(world.worker.userId)}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const disposition = response.headers.get('content-disposition') ?? '';
    expect(disposition).toContain(`filename="statement-${world.home.centreId}-2026-11.csv"`);
    expect(decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? '')).toBe('学院路街道综合养老服务中心 2026-11 助餐补贴结算单.csv');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('长辈,长辈编号,补贴类别,用餐次数,自付金额（元）,补贴金额（元）');
    expect(lines).toContain('合计,,,7,47.50,62.00');
    expect(lines).toContain(`王秀英,${world.elder.elderId},未核实,2,16.00,14.00`);
    expect(lines.slice(lines.indexOf('合计,,,7,47.50,62.00') + 1)).toEqual([
      '',
      '结算单,学院路街道综合养老服务中心 2026-11 助餐补贴结算单',
      '统计期间,2026-11-01 至 2026-11-30（全月）',
      '统计口径,只统计已取餐和已送达的餐次',
      '制表日期,2026-12-02',
      '',
    ]);
  });

  test('the CSV of a month still running says 截至 today after the table and in its file name', async () => {
    const world = await monthOfMeals();
    setLocalTime('2026-11-20', '10:00');
    const response = await fetch(`${api.url}/centres/${world.home.centreId}/statements/2026-11?format=csv`, {
      headers: { authorization: `Bearer ${await tokenFor(world.worker.userId)}` },
    });
    const lines = (await response.text()).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('长辈,长辈编号,补贴类别,用餐次数,自付金额（元）,补贴金额（元）');
    expect(lines).toContain('统计期间,截至 2026-11-20（本月尚未结束，数字还会变化）');
    expect(lines).toContain('结算单,学院路街道综合养老服务中心 2026-11 助餐补贴结算单（截至 2026-11-20）');
    const disposition = response.headers.get('content-disposition') ?? '';
    expect(decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? '')).toContain('（截至 2026-11-20）');
  });

  test('says what it counts: served and delivered meals', async () => {
    const world = await monthOfMeals();
    const response = await api.as(world.worker.userId).get(`/centres/${world.home.centreId}/statements/2026-11`);
    expect(response.body).toMatchObject({ counts: ['served', 'delivered'], countsNote: '只统计已取餐和已送达的餐次' });
  });

  test('a month not yet ended is 截至 today’s business date and incomplete; once it has ended it is complete', async () => {
    const world = await createCanteenWorld();
    const november = () => api.as(world.worker.userId).get(`/centres/${world.home.centreId}/statements/2026-11`);

    setLocalTime('2026-11-30', '23:30');
    expect((await november()).body).toMatchObject({ from: '2026-11-01', to: '2026-11-30', asOf: '2026-11-30', complete: false, madeOn: '2026-11-30' });
    setLocalTime(WEDNESDAY, '09:00');
    expect((await november()).body).toMatchObject({ asOf: WEDNESDAY, complete: false });
    // Just after midnight in Beijing is still the evening before in UTC: the business date decides.
    setLocalTime(DECEMBER_FIRST, '00:30');
    expect((await november()).body).toMatchObject({ from: '2026-11-01', to: '2026-11-30', asOf: '2026-11-30', complete: true, madeOn: DECEMBER_FIRST });
    expect((await api.as(world.worker.userId).get(`/centres/${world.home.centreId}/statements/2026-10`)).body).toMatchObject({ asOf: '2026-10-31', complete: true });
  });

  test('reads the month’s orders with one query, not one per day and meal', async () => {
    const world = await monthOfMeals();
    const { result, commands } = await commandsOf(() => api.as(world.worker.userId).get(`/centres/${world.home.centreId}/statements/2026-11`));
    expect(result.status).toBe(200);
    expect(result.body.totals.meals).toBe(7);
    expect(commands.filter((name) => name === 'QueryCommand')).toHaveLength(1);
    expect(commands.filter((name) => name === 'ScanCommand')).toHaveLength(0);
  });
});

describe('GET /centres/{centreId}/statements/{month}/xlsx: the statement as a workbook a phone can open', () => {
  const download = async (userId: string, path: string) =>
    fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${await tokenFor(userId)}` } });
  const valuesOf = (row: Array<SheetCell | undefined> | undefined) => (row ?? []).map((cell) => cell?.value);
  /** Yuan read back from a cell, in fen: the figure must come back exactly. */
  const fenOf = (cell: SheetCell | undefined) => Math.round((cell?.value as number) * 100);

  test('holds the same figures as the JSON statement, to the fen, as numbers in yuan with two decimals', async () => {
    const world = await monthOfMeals();
    setLocalTime('2026-12-02', '09:00');
    const path = `/centres/${world.home.centreId}/statements/2026-11`;
    const json = (await api.as(world.worker.userId).get(path)).body;
    const response = await download(world.worker.userId, `${path}/xlsx`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const disposition = response.headers.get('content-disposition') ?? '';
    expect(disposition).toContain(`filename="statement-${world.home.centreId}-2026-11.xlsx"`);
    expect(decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? '')).toBe('学院路街道综合养老服务中心 2026-11 助餐补贴结算单.xlsx');
    const bytes = new Uint8Array(await response.arrayBuffer());
    // A zip (the bytes themselves, not their base64 text).
    expect(Buffer.from(bytes.subarray(0, 2)).toString('latin1')).toBe('PK');

    const sheet = readFirstSheet(bytes);
    expect(valuesOf(sheet[0])).toEqual(['学院路街道综合养老服务中心 2026-11 助餐补贴结算单']);
    expect(valuesOf(sheet[1])).toEqual(['长辈', '长辈编号', '补贴类别', '用餐次数', '自付金额（元）', '补贴金额（元）']);
    const elderRows = sheet.slice(2, 2 + json.rows.length);
    expect(elderRows.map((row) => ({ elderId: row[1]?.value, meals: row[3]?.value, paidFen: fenOf(row[4]), subsidyFen: fenOf(row[5]) }))).toEqual(
      json.rows.map((row: { elderId: string; meals: number; paidFen: number; subsidyFen: number }) => ({ elderId: row.elderId, meals: row.meals, paidFen: row.paidFen, subsidyFen: row.subsidyFen })),
    );
    expect(valuesOf(elderRows.find((row) => row[1]?.value === world.elder.elderId))).toEqual(['王秀英', world.elder.elderId, '未核实', 2, 16, 14]);
    const totals = sheet[2 + json.rows.length]!;
    expect(totals[0]?.value).toBe('合计');
    expect({ meals: totals[3]?.value, paidFen: fenOf(totals[4]), subsidyFen: fenOf(totals[5]) }).toEqual(json.totals);
    expect({ meals: totals[3]?.value, paidFen: fenOf(totals[4]), subsidyFen: fenOf(totals[5]) }).toEqual({ meals: 7, paidFen: 4750, subsidyFen: 6200 });
    for (const row of [...elderRows, totals]) expect([row[4]?.format, row[5]?.format]).toEqual(['#,##0.00', '#,##0.00']);

    const byCategory = sheet.findIndex((row) => row?.[0]?.value === '按补贴类别');
    expect(byCategory).toBeGreaterThan(2 + json.rows.length);
    expect(sheet.slice(byCategory + 1, byCategory + 1 + json.byCategory.length).map((row) => ({ meals: row![3]?.value, paidFen: fenOf(row![4]), subsidyFen: fenOf(row![5]) }))).toEqual(
      json.byCategory.map(({ meals, paidFen, subsidyFen }: Record<string, number>) => ({ meals, paidFen, subsidyFen })),
    );
    expect(sheet.slice(-3).map(valuesOf)).toEqual([
      ['统计期间', '2026-11-01 至 2026-11-30（全月）'],
      ['统计口径', '只统计已取餐和已送达的餐次'],
      ['制表日期', '2026-12-02'],
    ]);
  });

  test('of a month still running says 截至 today in its title, its period and its file name', async () => {
    const world = await monthOfMeals();
    setLocalTime('2026-11-20', '10:00');
    const response = await download(world.worker.userId, `/centres/${world.home.centreId}/statements/2026-11/xlsx`);
    const sheet = readFirstSheet(new Uint8Array(await response.arrayBuffer()));
    expect(valuesOf(sheet[0])).toEqual(['学院路街道综合养老服务中心 2026-11 助餐补贴结算单（截至 2026-11-20）']);
    expect(sheet.map(valuesOf)).toContainEqual(['统计期间', '截至 2026-11-20（本月尚未结束，数字还会变化）']);
    expect(decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? '')).toContain('（截至 2026-11-20）');
  });

  test('is refused like the statement itself: another centre’s worker 403, an elder 403, no session 401, a malformed month 400, all as JSON', async () => {
    const world = await monthOfMeals();
    const path = `/centres/${world.home.centreId}/statements/2026-11/xlsx`;
    const foreign = await api.as(world.otherWorker.userId).get(path);
    expect({ status: foreign.status, code: errorCode(foreign) }).toEqual({ status: 403, code: 'NOT_YOUR_CENTRE' });
    expect(foreign.headers.get('content-type')).toMatch(/^application\/json/);
    expect(foreign.text).not.toContain('王秀英');
    const elder = await api.as(world.elder.elderId).get(path);
    expect({ status: elder.status, code: errorCode(elder) }).toEqual({ status: 403, code: 'ROLE_NOT_ALLOWED' });
    expect((await api.anonymous.get(path)).status).toBe(401);
    const malformed = await api.as(world.worker.userId).get(`/centres/${world.home.centreId}/statements/2026-13/xlsx`);
    expect({ status: malformed.status, code: errorCode(malformed) }).toEqual({ status: 400, code: 'INVALID_INPUT' });
    expect((await api.as(world.admin.userId).get(path)).status).toBe(200);
  });
});
