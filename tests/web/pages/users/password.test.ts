import { describe, expect, it } from 'vitest';
import { generatePassword, PASSWORD_MIN } from '../../../../web/src/pages/users/password.ts';

describe('generatePassword', () => {
  it('gives four groups of five characters, longer than the minimum', () => {
    const password = generatePassword();
    expect(password).toMatch(/^[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){3}$/);
    expect(password.length).toBeGreaterThanOrEqual(PASSWORD_MIN);
  });

  it('leaves out characters that are easily misread', () => {
    const text = Array.from({ length: 200 }, generatePassword).join('');
    expect(text).not.toMatch(/[0O1lI]/);
  });

  it('is different each time', () => {
    expect(new Set(Array.from({ length: 50 }, generatePassword)).size).toBe(50);
  });
});
