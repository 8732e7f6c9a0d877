import * as z from 'zod/mini';
import { EmergencyContactSchema, PhoneSchema, UpdateContactBody } from '../src';

const accepts = (value: string) => z.safeParse(PhoneSchema, value).success;

describe('phone numbers: a mainland mobile, or a landline with its area code', () => {
  test.each(['13807340001', '19912345678', '  13807340001  '])('the mobile %s is accepted', (value) => {
    expect(accepts(value)).toBe(true);
  });

  test.each([
    ['a provincial city, 4-digit area code and 8-digit number', '0571-88886666'],
    ['the same typed on the number keyboard, without "-"', '057188886666'],
    ['Beijing, 3-digit area code', '010-62345678'],
    ['a county, 7-digit number', '0743-5221234'],
    ['a county without "-"', '07435221234'],
  ])('a landline is accepted: %s (%s)', (_case, value) => {
    expect(accepts(value)).toBe(true);
  });

  test.each([
    ['without its area code', '88886666'],
    ['an area code not starting with 0', '571-88886666'],
    ['the area code 00 (international prefix)', '0071-8888666'],
    ['a number too short', '0571-888866'],
    ['a number too long', '0571-888866661'],
    ['a mobile with a wrong second digit', '12345678901'],
    ['spaces inside', '0571 88886666'],
    ['an international prefix', '+8613807340001'],
  ])('refused: %s (%s)', (_case, value) => {
    expect(accepts(value)).toBe(false);
  });

  test('the refusal says what a mobile and a landline look like', () => {
    const result = z.safeParse(PhoneSchema, '88886666');
    expect(result.success ? '' : result.error.issues[0].message).toBe('电话不对：手机号是 1 开头的 11 位数字，座机请带区号，如 0734-8123456');
  });

  test('an emergency contact and the elder’s own phone may be a home landline', () => {
    expect(z.safeParse(EmergencyContactSchema, { name: '王磊', relation: '儿子', phone: '0571-88886666' }).success).toBe(true);
    expect(z.safeParse(UpdateContactBody, { phone: '057188886666' }).success).toBe(true);
  });
});
