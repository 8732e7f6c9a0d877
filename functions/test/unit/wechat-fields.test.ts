import fc from 'fast-check';
import { fitField } from '../../src/platform/wechat-messages';

/** WeChat's limits ("订阅消息参数值内容限制说明", sendMessage), in characters: code points, not UTF-16 units. */
const limits = {
  thing: 20,
  phrase: 5,
  name: 10,
  character_string: 32,
  number: 32,
  letter: 32,
  symbol: 5,
  phone_number: 17,
  car_number: 8,
} as const;

const length = (value: string) => Array.from(value).length;
/** A UTF-16 unit that is half of a surrogate pair with no other half beside it. */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('fitField: each kind is cut to what WeChat takes', () => {
  test.each(Object.entries(limits))('%s keeps at most %i characters', (kind, limit) => {
    expect(length(fitField(`${kind}1`, 'x'.repeat(limit)))).toBe(limit);
    expect(fitField(`${kind}1`, 'x'.repeat(limit))).toBe('x'.repeat(limit));
    expect(length(fitField(`${kind}12`, 'x'.repeat(limit + 7)))).toBe(limit);
  });

  test('a cut thing ends with … within its 20 characters', () => {
    expect(fitField('thing1', '请于明天上午九点前到社区食堂领取您预订的午餐和水果')).toBe('请于明天上午九点前到社区食堂领取您预订…');
  });

  test('a thing of exactly 20 characters is left whole', () => {
    const twenty = '一二三四五六七八九十一二三四五六七八九十';
    expect(fitField('thing3', twenty)).toBe(twenty);
  });

  test('the space before a cut is dropped, not counted before the …', () => {
    expect(fitField('thing1', `${'a'.repeat(18)} bcdefg`)).toBe(`${'a'.repeat(18)}…`);
  });

  test('other kinds are cut without an ellipsis: they are codes and names, not sentences', () => {
    expect(fitField('phrase2', '配送中请稍候')).toBe('配送中请稍');
    expect(fitField('name1', '欧阳一二三四五六七八九')).toBe('欧阳一二三四五六七八');
    expect(fitField('character_string19', 'ORDER-'.repeat(8))).toBe('ORDER-'.repeat(8).slice(0, 32));
    expect(fitField('phone_number4', '+86-0766-66888866-1234')).toBe('+86-0766-66888866');
    expect(fitField('car_number5', '粤A8Z888挂XYZ')).toBe('粤A8Z888挂');
    expect(fitField('symbol6', '!!!!!!!!')).toBe('!!!!!');
  });

  test('amount, time and date are passed through trimmed, whatever their length', () => {
    expect(fitField('amount1', '  ¥1234567890.00元 ')).toBe('¥1234567890.00元');
    expect(fitField('time2', ' 2019年10月1日 15:01 ~ 2019年10月1日 17:30 ')).toBe('2019年10月1日 15:01 ~ 2019年10月1日 17:30');
    expect(fitField('date3', '2018-01-01')).toBe('2018-01-01');
  });

  test('a kind WeChat gives no length (enum, or one not known) goes as given', () => {
    expect(fitField('enum1', '已取消')).toBe('已取消');
    expect(fitField('site01', '广州市新港中路397号TIT创意园')).toBe('广州市新港中路397号TIT创意园');
  });

  test('characters are counted by code point: an emoji counts once and is never split', () => {
    expect(fitField('phrase1', '😀😀😀😀😀')).toBe('😀😀😀😀😀');
    expect(fitField('phrase1', '😀😀😀😀😀😀')).toBe('😀😀😀😀😀');
    expect(fitField('thing1', '𠀀'.repeat(30))).toBe(`${'𠀀'.repeat(19)}…`);
    expect(fitField('symbol1', 'a😀b😀c😀')).toBe('a😀b😀c');
  });

  test('empty and blank values become -, which WeChat accepts where it refuses nothing', () => {
    for (const key of ['thing1', 'phrase2', 'name3', 'time4', 'amount5', 'enum6']) {
      expect(fitField(key, '')).toBe('-');
      expect(fitField(key, '   ')).toBe('-');
    }
  });
});

describe('fitField: properties over any text', () => {
  const kinds = fc.constantFrom(...(Object.keys(limits) as Array<keyof typeof limits>));
  const text = fc.string({ unit: 'binary', maxLength: 60 });

  test('never longer than the limit, and a prefix of the (trimmed) input apart from the …', () => {
    fc.assert(
      fc.property(kinds, fc.nat(99), text, (kind, digits, value) => {
        const fitted = fitField(`${kind}${digits}`, value);
        const trimmed = value.trim();
        expect(length(fitted)).toBeLessThanOrEqual(limits[kind]);
        if (trimmed === '') return expect(fitted).toBe('-');
        const kept = kind === 'thing' && fitted.endsWith('…') && !trimmed.startsWith(fitted) ? fitted.slice(0, -1) : fitted;
        expect(trimmed.startsWith(kept)).toBe(true);
        expect(kept.length).toBeGreaterThan(0);
      }),
    );
  });

  test('whatever fits is left exactly as it was (trimmed)', () => {
    fc.assert(
      fc.property(kinds, text, (kind, value) => {
        const trimmed = value.trim();
        fc.pre(trimmed !== '' && length(trimmed) <= limits[kind]);
        expect(fitField(`${kind}1`, value)).toBe(trimmed);
      }),
    );
  });

  test('a surrogate pair is never split', () => {
    fc.assert(
      fc.property(kinds, fc.string({ unit: 'grapheme', maxLength: 60 }), (kind, value) => {
        fc.pre(!loneSurrogate.test(value));
        expect(loneSurrogate.test(fitField(`${kind}1`, value))).toBe(false);
      }),
    );
  });
});
