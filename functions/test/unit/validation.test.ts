import fc from 'fast-check';
import { AppError } from '../../src/lib/errors';
import { emptyQuery, parseInput } from '../../src/lib/validation';
import {
  DemoLoginBody,
  PageQuery,
  RedeemBindingBody,
  UpdateContactBody,
  VerificationBody,
  WechatLoginBody,
} from '../../src/schemas/api';
import { PhoneSchema } from '../../src/schemas/common';
import type { Schema } from '../../src/lib/validation';

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
    expect(fields[0]).toEqual({ field: 'emergencyContacts.0.name', message: '紧急联系人姓名最多 20 个字' });
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

describe('phone numbers: an 11-digit mobile starting with 1, or a landline with area code', () => {
  test.each(['13807340001', '19912345678', '0743-5221234', '07435221234', '010-12345678', '  13807340001  '])('%s is accepted', (phone) => {
    expect(parseInput(PhoneSchema, phone)).toBe(phone.trim());
  });

  test.each(['1380734000', '138073400012', '23807340001', '138-0734-0001', '+8613807340001', '0743-522123', '743-5221234', '', '电话'])(
    '"%s" is refused',
    (phone) => {
      expect(rejection(PhoneSchema, phone).message).toBe('请填写 11 位手机号，或带区号的座机号');
    },
  );

  test('a number instead of a string is refused', () => {
    expect(rejection(UpdateContactBody, { phone: 13807340001 })).toMatchObject({ message: '电话号码应当是数字', fields: [{ field: 'phone' }] });
  });

  test('every 11-digit string starting with 1 is a valid mobile', () => {
    fc.assert(fc.property(fc.stringMatching(/^1\d{10}$/), (phone) => expect(parseInput(PhoneSchema, phone)).toBe(phone)));
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
    expect(parseInput(RedeemBindingBody, { code: ' 012345 ' })).toEqual({ code: '012345' });
    for (const code of ['12345', '1234567', '12a456', '']) {
      expect(rejection(RedeemBindingBody, { code }).message).toBe('请输入 6 位数字邀请码');
    }
    expect(rejection(RedeemBindingBody, { code: 123456 }).message).toBe('请输入 6 位数字邀请码');
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
