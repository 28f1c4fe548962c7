/**
 * argon2id (the library's default algorithm, with OWASP's recommended cost) for every password.
 */
import { hash, verify } from '@node-rs/argon2';
import { invalid } from '../../db/errors.ts';
import { isSingleLineText } from '../../db/domain/text.ts';

export const PASSWORD_MIN = 10;
const PASSWORD_MAX = 200;

export function checkPasswordStrength(password: string, field = 'password'): void {
  if (password.length < PASSWORD_MIN) throw invalid(`${field}: must be at least ${PASSWORD_MIN} characters`);
  if (password.length > PASSWORD_MAX) throw invalid(`${field}: must be at most ${PASSWORD_MAX} characters`);
  // As the API refuses them at login, a password set from the command line may not hold them either.
  if (!isSingleLineText(password)) throw invalid(`${field}: must not contain control characters or line breaks`);
}

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Verifying against a real hash when the e-mail is unknown keeps the answer time the same,
// so response times do not reveal which addresses have accounts.
const unknownUserHash = hash('no account has this password');

export async function verifyPassword(passwordHash: string | undefined, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash ?? (await unknownUserHash), password);
  } catch {
    return false;
  }
}
