/**
 * Issue #9: with Accept-Language: da, a message with many "; got " parts was translated once per
 * part, recursively (a 900 KB value held the server for about a second). Translation is now one
 * pass over a message cut to MAX_MESSAGE_CHARS; bench/danish.ts times it, this file proves the bound.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translateExplanation, translateMessage } from '../../server/errors/danish.ts';
import { MAX_MESSAGE_CHARS } from '../../server/errors/limits.ts';
import { buildTestApp, loginAs, type Client } from '../helper.ts';

const hostileValue = (parts: number) => JSON.stringify('; got '.repeat(parts));

describe('translateExplanation', () => {
  it('splits off the quoted value once, however many "; got " it holds', () => {
    const text = `must NOT have more than 2000 characters; got ${hostileValue(10_000)}`;
    const danish = translateExplanation(text);
    expect(danish).toBe(`må højst være 2000 tegn; fik ${hostileValue(10_000)}`);
    expect(danish.split('; fik ').length).toBe(2);
  });
});

describe('translateMessage', () => {
  it('answers a 900 KB message with at most MAX_MESSAGE_CHARS characters', () => {
    const message = `body.note: must NOT have more than 2000 characters; got ${hostileValue(150_000)}`;
    expect(message.length).toBeGreaterThan(900_000);
    const danish = translateMessage(message);
    expect(danish.startsWith('note: må højst være 2000 tegn; fik "; got ; got ')).toBe(true);
    expect(danish.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS + 1);
    expect(danish.endsWith('…')).toBe(true);
  });

  it('stays bounded when the Danish words are longer than the English ones', () => {
    const message = Array.from({ length: 1000 }, () => 'code: is required').join('; ');
    const danish = translateMessage(message);
    expect(danish.startsWith('kommunekode: skal udfyldes; kommunekode: skal udfyldes')).toBe(true);
    expect(danish.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS + 1);
  });
});

describe('a Danish refusal of a 900 KB value', () => {
  let app: FastifyInstance;
  let admin: Client;
  beforeAll(async () => {
    ({ app } = await buildTestApp());
    admin = await loginAs(app, 'admin');
  });
  afterAll(() => app.close());

  it('is short and still names the field and the rule', async () => {
    const answer = await app.inject({
      method: 'POST',
      url: '/api/agreements',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'accept-language': 'da' },
      payload: { municipalityCode: '0101', organisation: 'RK', signedOn: '2019-01-05', note: '; got '.repeat(150_000) },
    });
    expect(answer.statusCode).toBe(400);
    const { message, field } = answer.json();
    expect(field).toBe('note');
    expect(message).toMatch(/^note: må højst være 2000 tegn; fik "; got ; got /);
    expect(message.length).toBeLessThanOrEqual(200);
  });
});
