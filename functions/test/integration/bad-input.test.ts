import { SignJWT } from 'jose';
import { setClock } from '../../src/platform/clock';
import { issueSessionToken } from '../../src/platform/session-token';
import { errorCode, tokenFor, useApi, type ApiResponse } from '../support/api';
import { createWorld, storedElder, tableItems } from '../support/seed';

const api = useApi();
const CHINESE = /[\u4e00-\u9fff]/;

let world: Awaited<ReturnType<typeof createWorld>>;
let contactPath: string;
let snapshot: Awaited<ReturnType<typeof tableItems>>;

// Every test here is refused without a change (one accepted edit aside), so one cast serves the file;
// the snapshot is retaken before each test.
beforeAll(async () => {
  world = await createWorld();
  contactPath = `/elders/${world.elder.elderId}/contact`;
});
beforeEach(async () => {
  snapshot = await tableItems();
});

/** Every refusal here must leave the table exactly as it was. */
async function expectRefused(response: ApiResponse, status: number, code: string) {
  expect({ status: response.status, code: errorCode(response) }).toEqual({ status, code });
  expect(response.body.error.message).toMatch(CHINESE);
  expect(response.text).not.toMatch(/at .+\.ts:\d+|stack|ElectroError|ValidationException/);
  expect(await tableItems()).toEqual(snapshot);
}

async function patchContactRaw(body: string | undefined, contentType?: string, userId = world.elder.elderId) {
  const headers: Record<string, string> = { authorization: `Bearer ${await tokenFor(userId)}` };
  if (contentType) headers['content-type'] = contentType;
  return api.raw({ method: 'PATCH', path: contactPath, headers, body });
}

describe('malformed and unsupported bodies', () => {
  test.each(['{"phone":', "{'phone':'13912345678'}", '{"phone":"13912345678"}}', 'phone=13912345678'])(
    'malformed JSON %j gives 400 MALFORMED_JSON',
    async (body) => {
      await expectRefused(await patchContactRaw(body, 'application/json'), 400, 'MALFORMED_JSON');
    },
  );

  test.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])(
    'content type %s gives 415 UNSUPPORTED_MEDIA_TYPE',
    async (contentType) => {
      await expectRefused(await patchContactRaw('{"phone":"13912345678"}', contentType), 415, 'UNSUPPORTED_MEDIA_TYPE');
    },
  );

  test('a body without content type gives 415', async () => {
    await expectRefused(await patchContactRaw('{"phone":"13912345678"}'), 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  test('JSON with a charset parameter is accepted', async () => {
    const response = await patchContactRaw('{"phone":"13912345678"}', 'application/json; charset=utf-8');
    expect(response.status).toBe(200);
    expect((await storedElder(world.elder.elderId))?.phone).toBe('13912345678');
  });

  test('an empty body gives 400 BODY_REQUIRED', async () => {
    await expectRefused(await patchContactRaw('', 'application/json'), 400, 'BODY_REQUIRED');
    await expectRefused(await patchContactRaw(undefined, 'application/json'), 400, 'BODY_REQUIRED');
  });

  test.each(['null', '[]', '"13912345678"', '42'])('JSON that is not an object (%s) gives 400 INVALID_INPUT', async (body) => {
    const response = await patchContactRaw(body, 'application/json');
    await expectRefused(response, 400, 'INVALID_INPUT');
    expect(response.body.error.message).toBe('提交的内容格式不对，应当是一个 JSON 对象');
  });
});

describe('bodies that parse but break the rules: 400 INVALID_INPUT with a Chinese message naming the field', () => {
  test('an unknown field', async () => {
    const response = await api.as(world.elder.elderId).patch(contactPath, { phone: '13912345678', communityId: world.other.communityId });
    await expectRefused(response, 400, 'INVALID_INPUT');
    expect(response.body.error.message).toBe('不认识的字段：communityId，请去掉后再提交');
  });

  test('a wrong type', async () => {
    const response = await api.as(world.elder.elderId).patch(contactPath, { dietary: { lowSalt: 'yes', lowSugar: false, softFood: false, allergies: '' } });
    await expectRefused(response, 400, 'INVALID_INPUT');
    expect(response.body.error.details.fields[0]).toEqual({ field: 'dietary.lowSalt', message: '低盐只能选 是 或 否' });
  });

  test('an over-long string', async () => {
    const response = await api.as(world.elder.elderId).patch(contactPath, { address: '很'.repeat(101) });
    await expectRefused(response, 400, 'INVALID_INPUT');
    expect(response.body.error.message).toBe('住址最多 100 个字');
  });

  test('a phone number in the wrong format', async () => {
    const response = await api.as(world.elder.elderId).patch(contactPath, { phone: '12345' });
    await expectRefused(response, 400, 'INVALID_INPUT');
    expect(response.body.error.details.fields).toEqual([{ field: 'phone', message: '电话不对：手机号是 1 开头的 11 位数字，座机请带区号，如 0734-8123456' }]);
  });

  test('a verification with an impossible date', async () => {
    const response = await api.as(world.worker.userId).put(`/elders/${world.elder.elderId}/verification`, {
      birthDate: '1941-02-30',
      subsidyCategory: 'dibao',
      mobilityLimited: false,
    });
    await expectRefused(response, 400, 'INVALID_INPUT');
  });

  test('a query parameter on a route that takes none', async () => {
    await expectRefused(await api.as(world.elder.elderId).get(`/elders/${world.elder.elderId}?debug=1`), 400, 'INVALID_INPUT');
  });
});

describe('text with invisible or unsafe characters', () => {
  const unsafe = '住址里有无法显示的特殊字符，请删掉后重新输入';

  // The bodies are written as JSON text, escapes and all, exactly as a client could send them.
  test.each([
    ['a right-to-left override', String.raw`{"address":"学院路\u202e号 21\u202c"}`],
    ['a left-to-right isolate', String.raw`{"address":"\u2066学院路 12 号\u2069"}`],
    ['a right-to-left mark', String.raw`{"address":"学院路 12 号\u200f"}`],
    ['a NUL', String.raw`{"address":"学院路\u0000 12 号"}`],
    ['a C1 control', String.raw`{"address":"学院路\u0085 12 号"}`],
    ['a lone high surrogate', String.raw`{"address":"学院路\ud800 12 号"}`],
    ['a lone low surrogate', String.raw`{"address":"学院路 12 号\udc00"}`],
  ])('an address with %s gives 400 INVALID_INPUT naming the address, and nothing is stored', async (_, body) => {
    const response = await patchContactRaw(body, 'application/json');
    await expectRefused(response, 400, 'INVALID_INPUT');
    expect(response.body.error.message).toBe(unsafe);
    expect(response.body.error.details.fields).toEqual([{ field: 'address', message: unsafe }]);
  });

  test('an address on two lines is refused: it is shown on one', async () => {
    const response = await patchContactRaw(String.raw`{"address":"学院路\n12 号"}`, 'application/json');
    await expectRefused(response, 400, 'INVALID_INPUT');
    expect(response.body.error.details.fields).toEqual([{ field: 'address', message: '住址只能写一行，请去掉其中的换行或 Tab' }]);
  });

  test('an address of only zero-width and ideographic spaces is refused like an empty one', async () => {
    const empty = await patchContactRaw('{"address":""}', 'application/json');
    const blank = await patchContactRaw(String.raw`{"address":"\u200b\u3000\ufeff\u2060\u00ad"}`, 'application/json');
    await expectRefused(blank, 400, 'INVALID_INPUT');
    expect(blank.body.error).toEqual(empty.body.error);
    expect(blank.body.error.message).toBe('请填写住址');
  });

  test('an emergency contact named only with zero-width spaces is refused like an unnamed one', async () => {
    const contact = (name: string) => JSON.stringify({ emergencyContacts: [{ name, relation: '儿子', phone: '13907340009' }] });
    const empty = await patchContactRaw(contact(''), 'application/json');
    const blank = await patchContactRaw(contact('\u200b\u200b\u200b'), 'application/json');
    await expectRefused(blank, 400, 'INVALID_INPUT');
    expect(blank.body.error).toEqual(empty.body.error);
    expect(blank.body.error.details.fields).toEqual([{ field: 'emergencyContacts.0.name', message: '紧急联系人 1：请填写姓名' }]);
  });

  test('an unknown key is named without its unsafe characters', async () => {
    const response = await patchContactRaw(String.raw`{"phone":"13912345678","ro\u202ele\ud800":1}`, 'application/json');
    await expectRefused(response, 400, 'INVALID_INPUT');
    expect(response.body.error.message).toBe('不认识的字段：ro\\u202Ele\\uD800，请去掉后再提交');
  });

  test('optional text of only invisible characters is stored as empty; emoji and rare characters are kept', async () => {
    const dietary = { lowSalt: true, lowSugar: false, softFood: true, allergies: '\u200b\u3000\u200d' };
    const address = '学院路 12 号 🏠 𠀀 👨‍👩‍👧';
    const response = await api.as(world.elder.elderId).patch(contactPath, { dietary, address });
    expect(response.status).toBe(200);
    const stored = await storedElder(world.elder.elderId);
    expect(stored?.dietary.allergies).toBe('');
    expect(stored?.address).toBe(address);
  });
});

describe('body size', () => {
  const padded = (bytes: number) => JSON.stringify({ address: 'x'.repeat(bytes - '{"address":""}'.length) });

  test('a body over 16 KB gives 413 BODY_TOO_LARGE', async () => {
    const body = padded(16 * 1024 + 1);
    expect(Buffer.byteLength(body)).toBe(16 * 1024 + 1);
    await expectRefused(await patchContactRaw(body, 'application/json'), 413, 'BODY_TOO_LARGE');
  });

  test('16 KB counts bytes, not characters: 6 000 Chinese characters (18 000 bytes) are too large', async () => {
    const body = JSON.stringify({ address: '路'.repeat(6000) });
    await expectRefused(await patchContactRaw(body, 'application/json'), 413, 'BODY_TOO_LARGE');
  });

  test('a body of exactly 16 KB is not refused for its size', async () => {
    const response = await patchContactRaw(padded(16 * 1024), 'application/json');
    await expectRefused(response, 400, 'INVALID_INPUT'); // too long an address, but not too large a body
  });

  test('a body over 1 MB is cut off by the server with 413', async () => {
    await expectRefused(await patchContactRaw(padded(1024 * 1024 + 10), 'application/json'), 413, 'BODY_TOO_LARGE');
  });
});

describe('sessions', () => {
  test('no token gives 401 SESSION_REQUIRED', async () => {
    await expectRefused(await api.anonymous.patch(contactPath, { phone: '13912345678' }), 401, 'SESSION_REQUIRED');
    await expectRefused(await api.anonymous.get('/me'), 401, 'SESSION_REQUIRED');
  });

  test('a session is checked before the body: no token and a malformed body gives 401, not 400', async () => {
    const response = await api.raw({ method: 'PATCH', path: contactPath, headers: { 'content-type': 'application/json' }, body: '{' });
    await expectRefused(response, 401, 'SESSION_REQUIRED');
  });

  test.each([
    ['a Basic header', (token: string) => `Basic ${token}`],
    ['a bare token', (token: string) => token],
    ['"Bearer" with nothing after it', () => 'Bearer '],
    ['two tokens', (token: string) => `Bearer ${token} ${token}`],
  ])('%s gives 401 SESSION_REQUIRED', async (_, header) => {
    const token = await tokenFor(world.elder.elderId);
    const response = await api.raw({ method: 'PATCH', path: contactPath, headers: { authorization: header(token), 'content-type': 'application/json' }, body: '{"phone":"13912345678"}' });
    await expectRefused(response, 401, 'SESSION_REQUIRED');
  });

  test('a token signed with another key gives 401 SESSION_INVALID', async () => {
    const forged = await new SignJWT({ role: 'worker', cid: world.home.communityId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(world.worker.userId)
      .setIssuer('yilin')
      .setAudience('yilin:local')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('guessed-secret-guessed-secret-guessed'));
    await expectRefused(await api.as(forged).patch(contactPath, { phone: '13912345678' }), 401, 'SESSION_INVALID');
  });

  test('a token whose role was raised after signing gives 401 SESSION_INVALID', async () => {
    const [header, payload, signature] = (await tokenFor(world.otherFamily.userId)).split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const raised = [header, Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url'), signature].join('.');
    await expectRefused(await api.as(raised).get(`/elders/${world.elder.elderId}`), 401, 'SESSION_INVALID');
  });

  test('an expired token gives 401 SESSION_EXPIRED', async () => {
    setClock('2026-04-01T08:00:00.000Z');
    const { token } = await issueSessionToken({ userId: world.elder.elderId, role: 'elder', communityId: world.home.communityId });
    setClock('2026-04-01T09:00:01.000Z');
    await expectRefused(await api.as(token).patch(contactPath, { phone: '13912345678' }), 401, 'SESSION_EXPIRED');
  });
});

describe('roles', () => {
  test.each([
    ['a relative creating a binding code', 'family', 'POST', 'binding-codes'],
    ['an elder verifying', 'elder', 'PUT', 'verification'],
    ['a volunteer editing contact details', 'volunteer', 'PATCH', 'contact'],
    ['the admin editing contact details', 'admin', 'PATCH', 'contact'],
  ] as const)('%s gives 403 ROLE_NOT_ALLOWED', async (_, who, method, route) => {
    const caller = who === 'elder' ? world.elder.elderId : world[who].userId;
    const bodies = {
      contact: { phone: '13912345678' },
      verification: { birthDate: '1941-05-12', subsidyCategory: 'tekun', mobilityLimited: true },
      'binding-codes': undefined,
    };
    const client = api.as(caller);
    const path = `/elders/${world.elder.elderId}/${route}`;
    const response = method === 'POST' ? await client.post(path) : method === 'PUT' ? await client.put(path, bodies[route]) : await client.patch(path, bodies[route]);
    await expectRefused(response, 403, 'ROLE_NOT_ALLOWED');
    expect(response.body.error.message).toBe('您的账号没有使用这个功能的权限。');
  });

  test('a refused role is told so even when the elder does not exist (the role check comes first)', async () => {
    const response = await api.as(world.volunteer.userId).get('/elders/nobody-at-all');
    await expectRefused(response, 403, 'ROLE_NOT_ALLOWED');
  });
});

describe('routes and paths', () => {
  test('an unknown route gives 404 ROUTE_NOT_FOUND', async () => {
    await expectRefused(await api.as(world.admin.userId).get('/admin/users'), 404, 'ROUTE_NOT_FOUND');
  });

  test('a known path with the wrong method gives 405 METHOD_NOT_ALLOWED', async () => {
    await expectRefused(await api.as(world.admin.userId).delete(`/elders/${world.elder.elderId}`), 405, 'METHOD_NOT_ALLOWED');
  });

  test.each([
    ['characters outside the id alphabet', `/elders/${encodeURIComponent('a b')}`],
    ['an id over 40 characters', `/elders/${'e'.repeat(41)}`],
    ['a broken percent-encoding', '/elders/%E0%A4%A'],
  ])('a path parameter with %s gives 404 NOT_FOUND', async (_, path) => {
    await expectRefused(await api.as(world.admin.userId).get(path), 404, 'NOT_FOUND');
  });

  test('error answers are JSON and never cached', async () => {
    const response = await api.anonymous.get('/me');
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});
