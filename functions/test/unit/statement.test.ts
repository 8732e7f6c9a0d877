import fc from 'fast-check';
import { buildStatement, statementCsv, type TakenMeal } from '../../src/domain/statement';
import type { SubsidyCategory } from '../../src/schemas/common';

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

describe('statementCsv: the statement as a spreadsheet the county can open in Excel', () => {
  test('starts with the UTF-8 byte-order mark and ends each line with CRLF', () => {
    const csv = statementCsv('学院路 2026-11 助餐补贴结算单', buildStatement([]));
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });

  test('amounts are yuan with two decimals', () => {
    const csv = statementCsv('结算单', buildStatement([
      { elderId: 'e-wang', elderName: '王秀英', subsidyCategory: 'normal', priceFen: 800, subsidyFen: 5 },
      { elderId: 'e-wang', elderName: '王秀英', subsidyCategory: 'normal', priceFen: 1234, subsidyFen: 0 },
    ]));
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual(['结算单']);
    expect(rows[1]).toEqual(['长辈', '补贴类别', '用餐次数', '自付金额（元）', '补贴金额（元）']);
    expect(rows[2]).toEqual(['王秀英', '普通', '2', '20.34', '0.05']);
    expect(rows[rows.length - 1]).toEqual(['合计', '', '2', '20.34', '0.05']);
  });

  test('on any month, every amount is yuan with two decimals and the CSV totals equal the sum of the meals', () => {
    fc.assert(fc.property(month, (meals) => {
      const figures = buildStatement(meals);
      const csv = statementCsv('结算单', figures);
      expect(csv.startsWith('\uFEFF')).toBe(true);
      const rows = parseCsv(csv.slice(1));
      const elderRows = rows.slice(2, 2 + figures.rows.length);
      expect(elderRows.map((r) => r[0])).toEqual(figures.rows.map((r) => r.elderName));
      for (const r of elderRows) {
        expect(r).toHaveLength(5);
        expect(r[3]).toMatch(yuanPattern);
        expect(r[4]).toMatch(yuanPattern);
      }
      const total = rows[rows.length - 1];
      expect(total[0]).toBe('合计');
      expect(Number(total[2])).toBe(meals.length);
      expect(fenOf(total[3])).toBe(sum(meals.map((m) => m.priceFen)));
      expect(fenOf(total[4])).toBe(sum(meals.map((m) => m.subsidyFen)));
      expect(sum(elderRows.map((r) => fenOf(r[3])))).toBe(fenOf(total[3]));
      expect(sum(elderRows.map((r) => fenOf(r[4])))).toBe(fenOf(total[4]));
    }));
  });

  test('a name with a comma or quotes stays in one cell', () => {
    const csv = statementCsv('结算单', buildStatement([{ elderId: 'e-comma', elderName: '欧阳,"小"明', subsidyCategory: null, priceFen: 100, subsidyFen: 0 }]));
    expect(csv).toContain('"欧阳,""小""明",未核实,1,1.00,0.00');
  });

  test('categories are named in Chinese, an unverified one as 未核实', () => {
    const csv = statementCsv('结算单', buildStatement([
      { elderId: 'a', elderName: '甲', subsidyCategory: 'tekun', priceFen: 0, subsidyFen: 1500 },
      { elderId: 'b', elderName: '乙', subsidyCategory: null, priceFen: 1000, subsidyFen: 500 },
    ]));
    const rows = parseCsv(csv.slice(1));
    const byCategoryStart = rows.findIndex((r) => r[0] === '按类别');
    expect(rows.slice(byCategoryStart + 1, byCategoryStart + 3).map((r) => r[0]).sort()).toEqual(['未核实', '特困'].sort());
  });
});
