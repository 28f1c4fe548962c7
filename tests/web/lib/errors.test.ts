import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../web/src/lib/api.ts';
import { errorText, fieldOf } from '../../../web/src/lib/errors.ts';
import { i18n } from '../../../web/src/lib/i18n.svelte.ts';

afterEach(() => {
  i18n.language = 'da';
});

describe('errorText for a fetch outside the API client', () => {
  it('says the server does not answer in the interface language, not the browser’s English', () => {
    expect(errorText(new TypeError('Failed to fetch'))).toBe(i18n.t('app.networkError'));
    expect(errorText(new TypeError('Failed to fetch'))).not.toMatch(/fetch/);
  });
});

describe('fieldOf', () => {
  it('reads the field the server names in a refusal', () => {
    expect(fieldOf(new ApiError(400, 'Startdato: ugyldig', { field: 'signedOn' }))).toBe('signedOn');
  });

  it('is null for a refusal without a field, an empty field, or an error that is not the API’s', () => {
    expect(fieldOf(new ApiError(400, 'Forkert', { error: 'Bad Request' } as never))).toBeNull();
    expect(fieldOf(new ApiError(400, 'Forkert', { field: '' }))).toBeNull();
    expect(fieldOf(new ApiError(400, 'Forkert'))).toBeNull();
    expect(fieldOf(new Error('signedOn'))).toBeNull();
  });

  it('does not depend on the language of the message', () => {
    i18n.language = 'en';
    expect(fieldOf(new ApiError(400, 'Start date: invalid', { field: 'signedOn' }))).toBe('signedOn');
  });
});

describe('errorText', () => {
  it('is the server’s message', () => {
    expect(errorText(new ApiError(409, 'Kvartalet er afsluttet'))).toBe('Kvartalet er afsluttet');
  });

  it('says the server does not answer when no answer came, in the interface language', () => {
    const da = errorText(new ApiError(0, 'network'));
    i18n.language = 'en';
    const en = errorText(new ApiError(0, 'network'));
    expect(da).not.toBe('network');
    expect(en).not.toBe(da);
  });

  it('drops the field’s name before the message when it is shown at that field', () => {
    const refusal = new ApiError(400, 'Startdato: må ikke ligge i fremtiden', { field: 'signedOn' });
    expect(errorText(refusal, { atField: true })).toBe('må ikke ligge i fremtiden');
    expect(errorText(refusal)).toBe('Startdato: må ikke ligge i fremtiden');
  });

  it('keeps a message whole at a field when the refusal names no field', () => {
    expect(errorText(new ApiError(400, 'Note: for lang'), { atField: true })).toBe('Note: for lang');
  });

  it('reads any thrown value', () => {
    expect(errorText(new Error('boom'))).toBe('boom');
    expect(errorText('plain')).toBe('plain');
  });
});
