/** Password rules the browser checks before asking the server. */
import { PASSWORD_MIN_CHARS } from '../../../../db/domain/limits.ts';

/** The server's minimum (db/domain/limits.ts), checked in the form before the server is asked. */
export const PASSWORD_MIN = PASSWORD_MIN_CHARS;

// No 0/O, 1/l/I: the password is read off a screen and typed or dictated by a person.
const ALPHABET = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Four groups of five random characters (about 117 bits), easy to read aloud in chunks. */
export function generatePassword(): string {
  const limit = 256 - (256 % ALPHABET.length);
  const chars: string[] = [];
  while (chars.length < 20) {
    for (const byte of crypto.getRandomValues(new Uint8Array(32))) {
      // Rejecting the top of the byte range keeps every character equally likely.
      if (byte < limit && chars.length < 20) chars.push(ALPHABET[byte % ALPHABET.length]);
    }
  }
  return [0, 5, 10, 15].map((start) => chars.slice(start, start + 5).join('')).join('-');
}
