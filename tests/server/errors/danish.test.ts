import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translateField, translateMessage, wantsDanish } from '../../../server/errors/danish.ts';
import { assignArea, buildTestApp, loginAs, type Client } from '../../helper.ts';

describe('translateMessage', () => {
  it.each([
    ['quarter: must be a quarter code such as 2016K2 (2016Q2 is also accepted); got "2016X2"', 'kvartal: skal være en kvartalskode som 2016K2; fik "2016X2"'],
    ['code: 0411 is not one of the 98 municipalities', 'kommunekode: 0411 er ikke en af de 98 kommuner'],
    ['the category changed from 1 to 2: choose a reason', 'kategorien er ændret fra 1 til 2: vælg en årsag'],
    ['body.rows.2.category: must be integer', 'række 3, kategori: skal være et helt tal'],
    ['body.name: is required; body.role: must match a schema in anyOf', 'navn: skal udfyldes; rolle: har en ugyldig værdi'],
    ['your role (viewer) may not do this; it needs admin or consultant', 'din rolle (læser) giver ikke adgang til dette; det kræver administrator eller regional konsulent'],
    ['3 rows have errors; nothing was saved', '3 rækker har fejl; intet er gemt'],
    ['deadline: must not be before the quarter begins (2019-01-01)', 'frist: må ikke ligge før kvartalet begynder (2019-01-01)'],
    ['quarter 2019K1 is final; reopen it before changing its deadline', 'kvartal 2019K1 er afsluttet; genåbn det, før fristen ændres'],
    ['quarter 2019K1 is not final; finalise it before publishing it', 'kvartal 2019K1 er ikke afsluttet; afslut det, før det offentliggøres'],
    ['quarter: 2018K3 is not published', 'kvartal: 2018K3 er ikke offentliggjort'],
    ['token: the link is invalid or has expired; ask for a new one', 'link: linket er ugyldigt eller udløbet; bed om et nyt'],
    ['this VV Monitor sends no e-mail; ask an administrator to set a new password', 'denne VV Monitor sender ikke e-mail; bed en administrator om at sætte en ny adgangskode'],
    ['this VV Monitor sends no e-mail; set a password for the account instead', 'denne VV Monitor sender ikke e-mail; sæt i stedet en adgangskode for kontoen'],
    ['password: is required; this VV Monitor sends no e-mail, so no invitation can be sent', 'adgangskode: skal udfyldes; denne VV Monitor sender ikke e-mail, så der kan ikke sendes en invitation'],
    ['user 7 is disabled; enable the account first', 'bruger 7 er spærret; genåbn kontoen først'],
  ])('%s', (english, danish) => {
    expect(translateMessage(english)).toBe(danish);
  });

  it('leaves a message it has no words for as it is', () => {
    expect(translateMessage('something quite new happened')).toBe('something quite new happened');
  });

  it('names nested fields in words', () => {
    expect(translateField('body.rows.0.reasonText')).toBe('række 1, årsagstekst');
  });

  it('reads the first language asked for', () => {
    expect(wantsDanish('da')).toBe(true);
    expect(wantsDanish('da-DK,da;q=0.9,en;q=0.8')).toBe(true);
    expect(wantsDanish('en-GB,da;q=0.5')).toBe(false);
    expect(wantsDanish(undefined)).toBe(false);
  });
});

describe('refusals in Danish', () => {
  let app: FastifyInstance;
  let admin: Client;
  let consultant: Client;
  let viewer: Client;
  beforeAll(async () => {
    ({ app } = await buildTestApp());
    [admin, consultant, viewer] = await Promise.all([loginAs(app, 'admin'), loginAs(app, 'consultant'), loginAs(app, 'viewer')]);
    assignArea(app, consultant.user.id, 'Nordjylland');
    await admin.inject('POST', '/api/quarters');
  });
  afterAll(() => app.close());

  type Ask = () => Promise<{ english: Record<string, unknown>; danish: Record<string, unknown> }>;
  /** The same request in English and in Danish; `who` is read when the test runs, after login. */
  const twice =
    (who: () => Client | null, method: 'GET' | 'POST' | 'PUT' | 'PATCH', path: string | (() => string), payload?: unknown): Ask =>
    async () => {
      const client = who();
      const url = typeof path === 'string' ? path : path();
      const send = (language?: string) =>
        app.inject({
          method,
          url,
          payload: payload as object,
          headers: { ...(client ? { cookie: client.cookie, 'x-csrf-token': client.csrfToken } : {}), ...(language ? { 'accept-language': language } : {}) },
        });
      return { english: (await send()).json(), danish: (await send('da')).json() };
    };

  const cases: [string, Ask][] = [
    ['a malformed quarter', twice(() => viewer, 'GET', '/api/quarters/2016X2/statuses')],
    ['an unknown municipality', twice(() => viewer, 'GET', '/api/municipalities/0411/history')],
    ['a missing reason', twice(() => admin, 'PUT', '/api/quarters/2019K1/statuses/0101', { category: 3, version: 1 })],
    ['a stale version', twice(() => admin, 'PUT', '/api/quarters/2019K1/statuses/0101', { category: 1, version: 7 })],
    ['a final quarter', twice(() => admin, 'PUT', '/api/quarters/2018K4/statuses/0101', { category: 1, version: 1 })],
    ['finalising too early', twice(() => admin, 'POST', '/api/quarters/2019K1/finalise')],
    ['the wrong role', twice(() => viewer, 'POST', '/api/quarters')],
    ['another area', twice(() => consultant, 'PUT', '/api/quarters/2019K1/statuses/0101', { category: 1, version: 1 })],
    ['a body of the wrong type', twice(() => admin, 'PUT', '/api/quarters/2019K1/statuses', { rows: [{ code: '0101', category: '1', version: 1 }] })],
    ['an overlapping agreement', twice(() => admin, 'POST', '/api/agreements', { municipalityCode: '0101', organisation: 'DFH', signedOn: '2019-01-05' })],
    ['an agreement ending first', twice(() => admin, 'POST', '/api/agreements', { municipalityCode: '0860', organisation: 'RK', signedOn: '2019-02-01', endedOn: '2019-01-01' })],
    ['a contradictory quota', twice(() => admin, 'PUT', '/api/quotas/2019', { rows: [{ code: '0101', quota: 9, zeroQuota: true }] })],
    ['a future activity', twice(() => consultant, 'POST', '/api/activities', { municipalityCode: '0851', kind: 'other', happenedOn: '2099-01-01' })],
    ['disabling yourself', twice(() => admin, 'PATCH', () => `/api/users/${admin.user.id}`, { disabled: true })],
  ];

  it.each(cases)('%s', async (_, ask) => {
    const { english, danish } = await ask();
    expect(danish.statusCode).toBe(english.statusCode);
    expect(danish.statusCode).not.toBe(401);
    expect(danish.message).not.toBe(english.message);
    expect(String(danish.message)).not.toMatch(/\b(must|is not|nothing was|the|your|cannot|choose)\b/);
    for (const problem of (danish.errors as { message: string }[] | undefined) ?? []) {
      expect(problem.message).not.toMatch(/\b(must|is not|the|choose|give)\b/);
    }
  });
});
