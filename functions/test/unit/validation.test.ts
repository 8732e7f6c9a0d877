import fc from 'fast-check';
import { AppError } from '../../src/platform/errors';
import { emptyQuery, parseInput } from '../../src/platform/validation';
import {
  DemoLoginBody,
  PageQuery,
  RedeemBindingBody,
  UpdateContactBody,
  VerificationBody,
  WechatLoginBody,
} from '@yilin/contract';
import * as contract from '@yilin/contract';
import { MenuBody, PlaceOrderBody } from '@yilin/contract';
import { PhoneSchema } from '@yilin/contract';
import type { Schema } from '../../src/platform/validation';

const CHINESE = /[\u4e00-\u9fff]/;

/** The 400 a bad input gets; fails the test if the input is accepted. */
function rejection(schema: Schema<unknown>, input: unknown) {
  try {
    parseInput(schema, input);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.statusCode).toBe(400);
    expect(appError.code).toBe('INVALID_INPUT');
    expect(appError.message).toMatch(CHINESE);
    return { message: appError.message, fields: (appError.details as { fields: Array<{ field: string; message: string }> }).fields };
  }
  throw new Error(`Input was accepted: ${JSON.stringify(input)}`);
}

const contact = { name: '王磊', relation: '儿子', phone: '13907340009' };
const diet = { lowSalt: true, lowSugar: false, softFood: true, allergies: '' };

describe('request bodies are strict: unknown fields are refused by name', () => {
  test('an unknown field in the contact update is named in the message', () => {
    const { message, fields } = rejection(UpdateContactBody, { phone: '13807340001', role: 'admin' });
    expect(message).toBe('不认识的字段：role，请去掉后再提交');
    expect(fields[0].field).toBe('');
  });

  test('an unknown field inside a nested object is refused with its path', () => {
    const { fields } = rejection(UpdateContactBody, { dietary: { ...diet, vegan: true } });
    expect(fields[0]).toEqual({ field: 'dietary', message: '不认识的字段：vegan，请去掉后再提交' });
  });

  test('sign-in accepts only the code', () => {
    expect(parseInput(WechatLoginBody, { code: 'abc' })).toEqual({ code: 'abc' });
    expect(rejection(WechatLoginBody, { code: 'abc', openid: 'x' }).message).toContain('openid');
  });

  test('a body that is not an object is refused as such', () => {
    for (const body of [null, [], 'text', 42]) {
      expect(rejection(WechatLoginBody, body).message).toBe('提交的内容格式不对，应当是一个 JSON 对象');
    }
  });
});

describe('contact details', () => {
  test('a valid partial update is accepted, and text is trimmed', () => {
    expect(parseInput(UpdateContactBody, { address: '  学院路 12 号  ' })).toEqual({ address: '学院路 12 号' });
    expect(parseInput(UpdateContactBody, { emergencyContacts: [contact], dietary: diet })).toEqual({ emergencyContacts: [contact], dietary: diet });
  });

  test('an empty update is refused: there is nothing to change', () => {
    expect(rejection(UpdateContactBody, {}).message).toBe('没有要修改的内容');
  });

  test('an address of 100 characters is accepted, 101 is refused', () => {
    expect(parseInput(UpdateContactBody, { address: '路'.repeat(100) })).toEqual({ address: '路'.repeat(100) });
    expect(rejection(UpdateContactBody, { address: '路'.repeat(101) })).toMatchObject({ message: '住址最多 100 个字', fields: [{ field: 'address' }] });
  });

  test('a blank address is refused', () => {
    expect(rejection(UpdateContactBody, { address: '   ' }).message).toBe('请填写住址');
  });

  test('at most 3 emergency contacts', () => {
    expect(parseInput(UpdateContactBody, { emergencyContacts: [contact, contact, contact] }).emergencyContacts).toHaveLength(3);
    expect(rejection(UpdateContactBody, { emergencyContacts: [contact, contact, contact, contact] }).message).toBe('紧急联系人最多 3 位');
  });

  test('an emergency contact name over 20 characters is refused with the field path', () => {
    const { fields } = rejection(UpdateContactBody, { emergencyContacts: [{ ...contact, name: '王'.repeat(21) }] });
    expect(fields[0]).toEqual({ field: 'emergencyContacts.0.name', message: '紧急联系人 1：姓名最多 20 个字' });
  });

  test('wrong types are refused with a Chinese message', () => {
    expect(rejection(UpdateContactBody, { address: 12 }).message).toBe('住址应当是文字');
    expect(rejection(UpdateContactBody, { dietary: { ...diet, lowSalt: 'yes' } }).message).toBe('低盐只能选 是 或 否');
    expect(rejection(UpdateContactBody, { emergencyContacts: 'son' }).message).toMatch(CHINESE);
  });

  test('at most 5 problems are reported at once', () => {
    const { fields } = rejection(UpdateContactBody, {
      address: 1,
      phone: 2,
      dietary: { lowSalt: 1, lowSugar: 2, softFood: 3, allergies: 4 },
    });
    expect(fields).toHaveLength(5);
  });
});

describe('phone numbers: a mainland mobile (1, then 3–9, then nine digits), or a landline with area code', () => {
  test.each(['13807340001', '19912345678', '0743-5221234', '07435221234', '010-12345678', '  13807340001  '])('%s is accepted', (phone) => {
    expect(parseInput(PhoneSchema, phone)).toBe(phone.trim());
  });

  test.each(['12345678901', '10012345678', '1380734000', '138073400012', '23807340001', '138-0734-0001', '+8613807340001', '0743-522123', '743-5221234', '', '电话'])(
    '"%s" is refused, saying what a number looks like',
    (phone) => {
      expect(rejection(PhoneSchema, phone).message).toBe('电话不对：手机号是 1 开头的 11 位数字，座机请带区号，如 0734-8123456');
    },
  );

  test('an emergency contact’s wrong number names the contact', () => {
    const contacts = [{ name: '王磊', relation: '儿子', phone: '13907340009' }, { name: '王芳', relation: '女儿', phone: '12345678901' }];
    expect(rejection(UpdateContactBody, { emergencyContacts: contacts })).toMatchObject({
      message: '紧急联系人 2：电话不对：手机号是 1 开头的 11 位数字，座机请带区号，如 0734-8123456',
      fields: [{ field: 'emergencyContacts.1.phone' }],
    });
  });

  test('a number instead of a string is refused', () => {
    expect(rejection(UpdateContactBody, { phone: 13807340001 })).toMatchObject({ message: '电话应当是数字', fields: [{ field: 'phone' }] });
  });

  test('every 11-digit string of 1, then 3–9, is a valid mobile', () => {
    fc.assert(fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), (phone) => expect(parseInput(PhoneSchema, phone)).toBe(phone)));
  });
});

describe('verification of facts', () => {
  const valid = { birthDate: '1941-05-12', subsidyCategory: 'dibao', mobilityLimited: true };

  test('a complete verification is accepted', () => {
    expect(parseInput(VerificationBody, valid)).toEqual(valid);
  });

  test.each(['1941-5-12', '12/05/1941', '1941-13-01', '1941-02-30', '1943-02-29', '1941-05-12T00:00:00Z', ''])('birth date "%s" is refused', (birthDate) => {
    expect(rejection(VerificationBody, { ...valid, birthDate })).toMatchObject({
      message: '日期格式应为 年-月-日，例如 1945-03-08',
      fields: [{ field: 'birthDate' }],
    });
  });

  test('29 February of a leap year is a valid date', () => {
    expect(parseInput(VerificationBody, { ...valid, birthDate: '1944-02-29' }).birthDate).toBe('1944-02-29');
  });

  test('the subsidy category must be one of the four', () => {
    expect(rejection(VerificationBody, { ...valid, subsidyCategory: 'vip' }).message).toBe('补贴类别只能是 普通、低保、特困 或 残疾');
  });

  test('every field is required', () => {
    const { fields } = rejection(VerificationBody, {});
    expect(fields.map((f) => f.field).sort()).toEqual(['birthDate', 'mobilityLimited', 'subsidyCategory']);
    fields.forEach((f) => expect(f.message).toMatch(CHINESE));
  });

  test('"mobility limited" must be a boolean, not a string', () => {
    expect(rejection(VerificationBody, { ...valid, mobilityLimited: 'true' }).message).toBe('行动不便只能选 是 或 否');
  });
});

describe('binding codes, sign-in and paging', () => {
  test('a binding code is 6 digits; surrounding spaces are forgiven', () => {
    expect(parseInput(RedeemBindingBody, { code: ' 012345 ', relation: 'son' })).toEqual({ code: '012345', relation: 'son' });
    for (const code of ['12345', '1234567', '12a456', '']) {
      expect(rejection(RedeemBindingBody, { code, relation: 'son' }).message).toBe('请输入 6 位数字邀请码');
    }
    expect(rejection(RedeemBindingBody, { code: 123456, relation: 'son' }).message).toBe('请输入 6 位数字邀请码');
  });

  test('binding says what the relative is to the elder, from the list', () => {
    for (const relation of [undefined, '', 'uncle', 1]) {
      expect(rejection(RedeemBindingBody, { code: '012345', relation }).message).toBe('请选择您是长辈的什么人（儿子、女儿、儿媳……）');
    }
  });

  test('a WeChat code is 1 to 128 letters, digits or "_.:-"', () => {
    const wrongCode = '微信登录凭证不对，请重新打开小程序再登录';
    expect(rejection(WechatLoginBody, {}).message).toBe('登录凭证缺失');
    expect(rejection(WechatLoginBody, { code: 42 }).message).toBe('登录凭证缺失');
    expect(parseInput(WechatLoginBody, { code: '0a1B_.:-' }).code).toBe('0a1B_.:-');
    expect(parseInput(WechatLoginBody, { code: 'c'.repeat(128) }).code).toHaveLength(128);
    for (const code of ['', 'c'.repeat(129), 'code with spaces', 'code&secret=x', '凭证']) {
      expect(rejection(WechatLoginBody, { code }).message).toBe(wrongCode);
    }
  });

  test('a demo account id is letters, digits, "-" and "_" only, up to 40', () => {
    expect(parseInput(DemoLoginBody, { userId: 'demo-elder-wang' })).toEqual({ userId: 'demo-elder-wang' });
    expect(rejection(DemoLoginBody, { userId: 'demo elder' }).message).toBe('编号格式不对');
    expect(rejection(DemoLoginBody, { userId: 'x'.repeat(41) }).message).toBe('编号格式不对');
    expect(rejection(DemoLoginBody, { userId: 7 }).message).toMatch(CHINESE);
  });

  test('a page holds 1 to 50 items', () => {
    expect(parseInput(PageQuery, { limit: '1' })).toEqual({ limit: '1' });
    expect(parseInput(PageQuery, { limit: '50' })).toEqual({ limit: '50' });
    for (const limit of ['0', '51', '05', '-1', 'ten', '']) expect(rejection(PageQuery, { limit }).message).toBe('每页 1 到 50 条');
  });

  test('routes without query parameters refuse any', () => {
    expect(parseInput(emptyQuery, {})).toEqual({});
    expect(rejection(emptyQuery, { debug: '1' }).message).toBe('不认识的字段：debug，请去掉后再提交');
  });
});

describe('text fields: invisible and unsafe characters', () => {
  type Body = Record<string, unknown>;
  interface TextField {
    label: string;
    field: string;
    schema: Schema<unknown>;
    body: (value: string) => Body;
    read: (parsed: any) => unknown;
    required: boolean;
    multiline: boolean;
    /** Which entry of a list the message names first, e.g. 紧急联系人 1：. */
    prefix?: string;
  }
  const order = { date: '2030-01-08', meal: 'lunch', fulfilment: 'eat_in', idempotencyKey: 'order-key-0001' };
  const menu = { standardPriceFen: 1500, seatCapacity: 20, deliveryCapacity: 5 };
  const dish = { kind: 'meat', tags: [] };
  const fields: TextField[] = [
    { label: '住址', field: 'address', schema: UpdateContactBody, body: (v) => ({ address: v }), read: (p) => p.address, required: true, multiline: false },
    {
      label: '姓名',
      prefix: '紧急联系人 1：',
      field: 'emergencyContacts.0.name',
      schema: UpdateContactBody,
      body: (v) => ({ emergencyContacts: [{ ...contact, name: v }] }),
      read: (p) => p.emergencyContacts[0].name,
      required: true,
      multiline: false,
    },
    {
      label: '关系',
      prefix: '紧急联系人 1：',
      field: 'emergencyContacts.0.relation',
      schema: UpdateContactBody,
      body: (v) => ({ emergencyContacts: [{ ...contact, relation: v }] }),
      read: (p) => p.emergencyContacts[0].relation,
      required: true,
      multiline: false,
    },
    {
      label: '过敏或忌口',
      field: 'dietary.allergies',
      schema: UpdateContactBody,
      body: (v) => ({ dietary: { ...diet, allergies: v } }),
      read: (p) => p.dietary.allergies,
      required: false,
      multiline: false,
    },
    { label: '菜名', prefix: '菜品 1：', field: 'dishes.0.name', schema: MenuBody, body: (v) => ({ ...menu, dishes: [{ ...dish, name: v }] }), read: (p) => p.dishes[0].name, required: true, multiline: false },
    { label: '备注', field: 'note', schema: PlaceOrderBody, body: (v) => ({ ...order, note: v }), read: (p) => p.note, required: false, multiline: true },
  ];
  const byName = fields.map((f) => [f.field, f] as const);

  const invisible: Array<[string, string]> = [
    ['space', ' '],
    ['ideographic space U+3000', '\u3000'],
    ['no-break space U+00A0', '\u00a0'],
    ['zero-width space U+200B', '\u200b'],
    ['zero-width non-joiner U+200C', '\u200c'],
    ['zero-width joiner U+200D', '\u200d'],
    ['word joiner U+2060', '\u2060'],
    ['invisible times U+2062', '\u2062'],
    ['byte order mark U+FEFF', '\ufeff'],
    ['soft hyphen U+00AD', '\u00ad'],
    ['combining grapheme joiner U+034F', '\u034f'],
    ['Mongolian vowel separator U+180E', '\u180e'],
    ['variation selector U+FE0F', '\ufe0f'],
    ['Hangul filler U+3164', '\u3164'],
    ['braille blank U+2800', '\u2800'],
    ['tag space U+E0020', '\u{e0020}'],
    ['a mix of them', ' \u200b\u3000\u200d\ufeff\u00ad '],
  ];

  const refused: Array<[string, string]> = [
    ['NUL', '\u0000'],
    ['bell U+0007', '\u0007'],
    ['escape U+001B', '\u001b'],
    ['delete U+007F', '\u007f'],
    ['C1 control U+0085', '\u0085'],
    ['C1 control U+009B', '\u009b'],
    ['lone high surrogate U+D800', '\ud800'],
    ['lone low surrogate U+DFFF', '\udfff'],
    ['reversed surrogate pair', '\ude00\ud83d'],
    ['left-to-right embedding U+202A', '\u202a'],
    ['right-to-left embedding U+202B', '\u202b'],
    ['pop directional formatting U+202C', '\u202c'],
    ['left-to-right override U+202D', '\u202d'],
    ['right-to-left override U+202E', '\u202e'],
    ['left-to-right isolate U+2066', '\u2066'],
    ['right-to-left isolate U+2067', '\u2067'],
    ['first strong isolate U+2068', '\u2068'],
    ['pop directional isolate U+2069', '\u2069'],
    ['left-to-right mark U+200E', '\u200e'],
    ['right-to-left mark U+200F', '\u200f'],
    ['Arabic letter mark U+061C', '\u061c'],
    ['line separator U+2028', '\u2028'],
    ['paragraph separator U+2029', '\u2029'],
  ];
  const lineBreaks: Array<[string, string]> = [
    ['newline', '\n'],
    ['carriage return', '\r'],
    ['tab', '\t'],
  ];

  describe.each(byName)('%s', (_, f) => {
    test.each(invisible)(`only %s counts as empty`, (__, char) => {
      const value = char.repeat(3);
      if (f.required) {
        const empty = rejection(f.schema, f.body(''));
        expect(rejection(f.schema, f.body(value))).toEqual(empty);
        expect(empty.message).toBe(`${f.prefix ?? ''}请填写${f.label}`);
        expect(empty.fields[0].field).toBe(f.field);
      } else {
        expect(f.read(parseInput(f.schema, f.body(value)))).toBe('');
      }
    });

    test.each(refused)('%s is refused, alone or inside text, naming the field', (__, char) => {
      // U+2028 and U+2029 are white space to String.prototype.trim, so only an inner one is left to refuse.
      const values = char.trim() === '' ? [`学院路${char}12 号`] : [char, `学院路${char}12 号`, `${char}王磊`];
      for (const value of values) {
        const { message, fields: problems } = rejection(f.schema, f.body(value));
        expect(message).toBe(`${f.prefix ?? ''}${f.label}里有无法显示的特殊字符，请删掉后重新输入`);
        expect(problems[0]).toEqual({ field: f.field, message });
      }
    });

    test.each(lineBreaks)(`a %s inside the text is ${f.multiline ? 'kept' : 'refused'}`, (__, char) => {
      const value = `少放盐${char}米饭软一点`;
      if (f.multiline) {
        expect(f.read(parseInput(f.schema, f.body(value)))).toBe(value);
      } else {
        expect(rejection(f.schema, f.body(value))).toMatchObject({
          message: `${f.prefix ?? ''}${f.label}只能写一行，请去掉其中的换行或 Tab`,
          fields: [{ field: f.field }],
        });
      }
    });

    test.each([
      ['Chinese text', '李秀兰'],
      ['a rare CJK character outside the BMP', '𠀀𪚥'],
      ['an emoji with a skin tone', '👵🏻'],
      ['an emoji sequence joined by U+200D', '👨‍👩‍👧'],
      ['an emoji with a variation selector', '❤️'],
      ['a flag', '🇨🇳'],
      ['text with an inner zero-width joiner', '王\u200d磊'],
    ])('%s is accepted unchanged', (__, value) => {
      expect(f.read(parseInput(f.schema, f.body(value)))).toBe(value);
    });

    test('surrounding white space, including U+3000 and line breaks, is trimmed as before', () => {
      expect(f.read(parseInput(f.schema, f.body('\u3000 \n王磊\t\ufeff ')))).toBe('王磊');
    });
  });

  test('a multi-line note keeps its inner lines and tabs', () => {
    const note = '少放辣\r\n米饭软一点\n\t谢谢 🙏';
    expect(parseInput(PlaceOrderBody, { ...order, note }).note).toBe(note);
  });

  test('a note is still refused a NUL, a bidi override or a lone surrogate', () => {
    for (const note of ['第一行\n\u0000', '第一行\n\u202e反向', '第一行\n\ud800']) {
      expect(rejection(PlaceOrderBody, { ...order, note }).fields[0]).toEqual({ field: 'note', message: '备注里有无法显示的特殊字符，请删掉后重新输入' });
    }
  });

  test('an address that would read backwards on the board is refused', () => {
    expect(rejection(UpdateContactBody, { address: '学院路\u202e号 21\u202c' })).toMatchObject({
      message: '住址里有无法显示的特殊字符，请删掉后重新输入',
      fields: [{ field: 'address' }],
    });
  });

  // Every string in every request body either goes through the text helper or is held to a strict format
  // (ids, codes, phone numbers, dates, times, enums); none lets an unsafe or blank-looking value through.
  const bodies = Object.entries(contract).filter(([name]) => name.endsWith('Body')) as Array<[string, any]>;
  function stringLeaves(schema: any, path: string): Array<[string, any]> {
    const def = schema._zod.def;
    switch (def.type) {
      case 'object':
        return Object.entries(def.shape).flatMap(([key, inner]) => stringLeaves(inner, path ? `${path}.${key}` : key));
      case 'optional':
      case 'nullable':
        return stringLeaves(def.innerType, path);
      case 'array':
        return stringLeaves(def.element, `${path}.0`);
      case 'string':
        return [[path, schema]];
      default:
        return [];
    }
  }
  const leaves = bodies.flatMap(([name, schema]) => stringLeaves(schema, '').map(([path, leaf]) => [`${name}.${path}`, leaf] as const));

  test('the walk finds the string fields of the request bodies', () => {
    expect(leaves.map(([name]) => name)).toEqual(
      expect.arrayContaining(['UpdateContactBody.address', 'UpdateContactBody.emergencyContacts.0.name', 'MenuBody.dishes.0.name', 'PlaceOrderBody.note']),
    );
  });

  test.each(leaves)('%s refuses unsafe characters and never keeps an invisible-only value', (_, leaf) => {
    for (const value of ['路\u202e12', '路\u0000', '路\ud800', '\u202e']) expect(leaf.safeParse(value).success).toBe(false);
    for (const value of ['\u200b', '\u3000\u200d', '\u00ad']) {
      const result = leaf.safeParse(value);
      if (result.success) expect(result.data).toBe('');
    }
  });

  test('an unknown key is echoed back without its invisible or unsafe characters', () => {
    const { message } = rejection(UpdateContactBody, { phone: '13807340001', ['ro\u202ele\u200b\ud800']: 1 });
    expect(message).toBe('不认识的字段：ro\\u202Ele\\u200B\\uD800，请去掉后再提交');
    expect(message).not.toMatch(/[\u202e\u200b]|[\ud800-\udfff]/);
  });

  test('a very long unknown key is shortened in the message', () => {
    const { message } = rejection(UpdateContactBody, { phone: '13807340001', ['键'.repeat(500)]: 1 });
    expect(message).toBe(`不认识的字段：${'键'.repeat(40)}…，请去掉后再提交`);
  });
});
