/**
 * Issue #9: text fields accepted NUL, bidi overrides and lone surrogates (the e-mail address
 * "u\u0000@x.dk" was saved). Every text field of every request now refuses them with a 400 that
 * names the field, and nothing changes; tabs and line breaks stay welcome in notes and reasons.
 */
import { describe, expect, it } from 'vitest';
import { isMultiLineText, isSingleLineText } from '../../db/domain/text.ts';
import { assignArea, databaseFingerprint, loginAs, type Client } from '../helper.ts';
import { useDemoApp } from '../demo-app.ts';

const demo = useDemoApp({ per: 'file', logins: ['admin', 'viewer'], openQuarter: true });

const NEVER = {
  NUL: '\u0000',
  escape: '\u001b',
  DEL: '\u007f',
  'C1 next line': '\u0085',
  'right-to-left override': '\u202e',
  'left-to-right embedding': '\u202a',
  'first strong isolate': '\u2068',
  'pop directional isolate': '\u2069',
  'line separator': '\u2028',
  'lone high surrogate': '\ud800',
  'lone low surrogate': '\udc00',
};
const LINE_BREAKS = { tab: '\t', 'line feed': '\n', 'carriage return': '\r' };

type Method = 'POST' | 'PUT' | 'PATCH';
interface TextField {
  method: Method;
  /** As OpenAPI names it. */
  route: string;
  url: () => string;
  /** Who may send it: the refusal must come from the text, not from the role. */
  who: () => Client;
  field: string;
  multiLine: boolean;
  /** A body that is valid apart from `text` in the field. */
  body: (text: string) => Record<string, unknown>;
}

const statusBody = (text: string, field: 'note' | 'reasonText') => ({ category: 1, version: 1, reason: 'other', reasonText: 'x', note: null, [field]: text });
const agreement = { municipalityCode: '0860', organisation: 'RK', signedOn: '2019-02-01' };
const area = { municipalityCodes: [], consultantIds: [] };

/** Every text field of every request body: the OpenAPI check below finds any that is missing. */
const TEXT_FIELDS: TextField[] = [
  { method: 'POST', route: '/api/auth/login', url: () => '/api/auth/login', who: () => demo.viewer, field: 'email', multiLine: false, body: (t) => ({ email: t, password: 'x' }) },
  { method: 'POST', route: '/api/auth/login', url: () => '/api/auth/login', who: () => demo.viewer, field: 'password', multiLine: false, body: (t) => ({ email: 'viewer@vv.test', password: t }) },
  { method: 'POST', route: '/api/auth/password', url: () => '/api/auth/password', who: () => demo.viewer, field: 'currentPassword', multiLine: false, body: (t) => ({ currentPassword: t, newPassword: 'long enough password' }) },
  { method: 'POST', route: '/api/auth/password', url: () => '/api/auth/password', who: () => demo.viewer, field: 'newPassword', multiLine: false, body: (t) => ({ currentPassword: 'correct horse battery staple', newPassword: `long enough ${t}` }) },
  { method: 'POST', route: '/api/users', url: () => '/api/users', who: () => demo.admin, field: 'email', multiLine: false, body: (t) => ({ email: `u${t}@x.dk`, name: 'U', role: 'viewer', password: 'long enough password' }) },
  { method: 'POST', route: '/api/users', url: () => '/api/users', who: () => demo.admin, field: 'name', multiLine: false, body: (t) => ({ email: 'u@x.dk', name: `Ulla${t}`, role: 'viewer', password: 'long enough password' }) },
  { method: 'POST', route: '/api/users', url: () => '/api/users', who: () => demo.admin, field: 'password', multiLine: false, body: (t) => ({ email: 'u@x.dk', name: 'U', role: 'viewer', password: `long enough ${t}` }) },
  { method: 'PATCH', route: '/api/users/{id}', url: () => `/api/users/${demo.viewer.user.id}`, who: () => demo.admin, field: 'name', multiLine: false, body: (t) => ({ name: `Vera${t}` }) },
  { method: 'POST', route: '/api/users/{id}/password', url: () => `/api/users/${demo.viewer.user.id}/password`, who: () => demo.admin, field: 'password', multiLine: false, body: (t) => ({ password: `long enough ${t}` }) },
  { method: 'POST', route: '/api/areas', url: () => '/api/areas', who: () => demo.admin, field: 'name', multiLine: false, body: (t) => ({ name: `Nord${t}`, ...area }) },
  { method: 'PUT', route: '/api/areas/{id}', url: () => '/api/areas/1', who: () => demo.admin, field: 'name', multiLine: false, body: (t) => ({ name: `Nord${t}`, ...area }) },
  { method: 'POST', route: '/api/activities', url: () => '/api/activities', who: () => demo.admin, field: 'note', multiLine: true, body: (t) => ({ municipalityCode: '0101', kind: 'other', happenedOn: '2019-01-10', note: `n${t}` }) },
  { method: 'PUT', route: '/api/quarters/{quarter}/statuses/{code}', url: () => '/api/quarters/2019K1/statuses/0101', who: () => demo.admin, field: 'note', multiLine: true, body: (t) => statusBody(`n${t}`, 'note') },
  { method: 'PUT', route: '/api/quarters/{quarter}/statuses/{code}', url: () => '/api/quarters/2019K1/statuses/0101', who: () => demo.admin, field: 'reasonText', multiLine: true, body: (t) => statusBody(`r${t}`, 'reasonText') },
  { method: 'PUT', route: '/api/quarters/{quarter}/statuses', url: () => '/api/quarters/2019K1/statuses', who: () => demo.admin, field: 'rows.0.note', multiLine: true, body: (t) => ({ rows: [{ code: '0101', ...statusBody(`n${t}`, 'note') }] }) },
  { method: 'PUT', route: '/api/quarters/{quarter}/statuses', url: () => '/api/quarters/2019K1/statuses', who: () => demo.admin, field: 'rows.0.reasonText', multiLine: true, body: (t) => ({ rows: [{ code: '0101', ...statusBody(`r${t}`, 'reasonText') }] }) },
  { method: 'POST', route: '/api/quarters/{quarter}/reopen', url: () => '/api/quarters/2018K4/reopen', who: () => demo.admin, field: 'reason', multiLine: true, body: (t) => ({ reason: `why${t}` }) },
  { method: 'POST', route: '/api/agreements', url: () => '/api/agreements', who: () => demo.admin, field: 'note', multiLine: true, body: (t) => ({ ...agreement, note: `n${t}` }) },
  { method: 'PATCH', route: '/api/agreements/{id}', url: () => '/api/agreements/1', who: () => demo.admin, field: 'note', multiLine: true, body: (t) => ({ note: `n${t}` }) },
  { method: 'POST', route: '/api/auth/forgot', url: () => '/api/auth/forgot', who: () => demo.viewer, field: 'email', multiLine: false, body: (t) => ({ email: `v${t}@vv.test` }) },
  { method: 'POST', route: '/api/auth/token', url: () => '/api/auth/token', who: () => demo.viewer, field: 'token', multiLine: false, body: (t) => ({ token: `${'x'.repeat(30)}${t}` }) },
  { method: 'POST', route: '/api/auth/token/password', url: () => '/api/auth/token/password', who: () => demo.viewer, field: 'token', multiLine: false, body: (t) => ({ token: `${'x'.repeat(30)}${t}`, password: 'long enough password' }) },
  { method: 'POST', route: '/api/auth/token/password', url: () => '/api/auth/token/password', who: () => demo.viewer, field: 'password', multiLine: false, body: (t) => ({ token: 'x'.repeat(43), password: `long enough ${t}` }) },
];

const label = (f: TextField) => `${f.method} ${f.route} ${f.field}`;

let sent = 0;
async function send(f: TextField, text: string) {
  const client = f.who();
  // Each from its own address, so the login limit (10 per address) does not answer first.
  const remoteAddress = `10.0.${Math.floor(++sent / 250)}.${sent % 250}`;
  return demo.app.inject({ method: f.method, url: f.url(), remoteAddress, payload: f.body(text), headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken } });
}

describe.each(TEXT_FIELDS.map((f) => [label(f), f] as const))('%s', (_, f) => {
  const refused = Object.entries({ ...NEVER, ...(f.multiLine ? {} : LINE_BREAKS) });
  it.each(refused)('refuses a %s, naming the field, and changes nothing', async (_, character) => {
    const before = databaseFingerprint(demo.databasePath);
    const answer = await send(f, character);
    expect(answer.statusCode, answer.body).toBe(400);
    expect(answer.json().message).toMatch(new RegExp(`^body\\.${f.field.replaceAll('.', '\\.')}: must not contain control characters`));
    expect(databaseFingerprint(demo.databasePath)).toBe(before);
  });
});

describe('the refusal', () => {
  it('is in Danish when asked for', async () => {
    const answer = await demo.app.inject({
      method: 'POST',
      url: '/api/users',
      payload: { email: 'u\u0000@x.dk', name: 'U', role: 'viewer', password: 'long enough password' },
      headers: { cookie: demo.admin.cookie, 'x-csrf-token': demo.admin.csrfToken, 'accept-language': 'da' },
    });
    expect(answer.json()).toMatchObject({ field: 'email', message: 'e-mail: må ikke indeholde kontroltegn eller linjeskift; fik "u\\u0000@x.dk"' });
  });
});

describe('what stays allowed', () => {
  it('tabs and line breaks in a note, a reason text and a reopening reason', async () => {
    const text = 'first line\r\nsecond\tline\nthird – æøå, עברית, 😀';
    const agreementAnswer = await demo.admin.inject('POST', '/api/agreements', { municipalityCode: '0860', organisation: 'DFH', signedOn: '2019-02-01', note: text });
    expect(agreementAnswer.statusCode, agreementAnswer.body).toBe(201);
    expect(agreementAnswer.json().note).toBe(text);
    const status = await demo.admin.inject('PUT', '/api/quarters/2019K1/statuses/0101', statusBody(text, 'reasonText'));
    expect(status.statusCode, status.body).toBe(200);
  });

  it('letters of any script and emoji in a name', async () => {
    const answer = await demo.admin.inject('PATCH', `/api/users/${demo.viewer.user.id}`, { name: 'Ærø Ñúñez عائشة 😀' });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json().name).toBe('Ærø Ñúñez عائشة 😀');
  });
});

describe('every text field of every request has a text rule', () => {
  interface Schema {
    type?: string;
    pattern?: string;
    format?: string;
    enum?: unknown[];
    properties?: Record<string, Schema>;
    items?: Schema;
    anyOf?: Schema[];
    oneOf?: Schema[];
  }
  /** Paths of string schemas below `schema` that have neither a pattern, an enum nor one of our formats. */
  function unruled(schema: Schema | undefined, path: string): string[] {
    if (!schema) return [];
    const here = schema.type === 'string' && !schema.pattern && !schema.enum && !['single-line', 'multi-line', 'date'].includes(schema.format ?? '') ? [path] : [];
    return [
      ...here,
      ...Object.entries(schema.properties ?? {}).flatMap(([name, child]) => unruled(child, `${path}.${name}`)),
      ...unruled(schema.items, `${path}.0`),
      ...[...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].flatMap((branch) => unruled(branch, path)),
    ];
  }
  const openApi = () =>
    demo.app.swagger() as { paths: Record<string, Record<string, { parameters?: { name: string; in: string; schema: Schema }[]; requestBody?: { content: Record<string, { schema: Schema }> } }>> };

  it('in paths and queries', () => {
    const missing = Object.entries(openApi().paths).flatMap(([path, operations]) =>
      Object.entries(operations).flatMap(([method, operation]) =>
        (operation.parameters ?? []).flatMap((p) => unruled(p.schema, `${method} ${path} ${p.in} ${p.name}`)),
      ),
    );
    expect(missing).toEqual([]);
  });

  it('in JSON bodies, each tested above', () => {
    const found: string[] = [];
    for (const [path, operations] of Object.entries(openApi().paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        // Uploads are multipart: the handler reads their parts (a quarter code, a fingerprint) itself.
        const body = operation.requestBody?.content['application/json']?.schema;
        expect(unruled(body, 'body')).toEqual([]);
        const texts = (schema: Schema | undefined, at: string): string[] =>
          !schema
            ? []
            : [
                ...(schema.format === 'single-line' || schema.format === 'multi-line' ? [at] : []),
                ...Object.entries(schema.properties ?? {}).flatMap(([name, child]) => texts(child, at ? `${at}.${name}` : name)),
                ...texts(schema.items, `${at}.0`),
                ...[...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].flatMap((branch) => texts(branch, at)),
              ];
        for (const field of new Set(texts(body, ''))) found.push(`${method.toUpperCase()} ${path} ${field}`);
      }
    }
    expect(found.sort()).toEqual([...new Set(TEXT_FIELDS.map(label))].sort());
  });
});

describe('isSingleLineText and isMultiLineText', () => {
  it('tell apart what a name and a note may hold', () => {
    expect(isSingleLineText('Anne Hansen')).toBe(true);
    expect(isSingleLineText('a\tb')).toBe(false);
    expect(isMultiLineText('a\tb\r\nc')).toBe(true);
    expect(isMultiLineText('😀')).toBe(true);
    for (const character of Object.values(NEVER)) {
      expect(isSingleLineText(`a${character}b`)).toBe(false);
      expect(isMultiLineText(`a${character}b`)).toBe(false);
    }
  });
});

// Kept apart from the table: assigning an area makes the consultant's writes reach the text rule.
it('a consultant’s activity note is refused too', async () => {
  const consultant = await loginAs(demo.app, 'consultant');
  assignArea(demo.app, consultant.user.id, 'Nordjylland');
  const before = databaseFingerprint(demo.databasePath);
  const answer = await consultant.inject('POST', '/api/activities', { municipalityCode: '0851', kind: 'other', happenedOn: '2019-01-10', note: 'x\u202ey' });
  expect(answer.statusCode).toBe(400);
  expect(answer.json()).toMatchObject({ field: 'note', message: 'body.note: must not contain control characters; got "x\\u202ey"' });
  expect(databaseFingerprint(demo.databasePath)).toBe(before);
});
