/**
 * `npm run user:create -- --email anne@rodekors.dk --role admin [--name "Anne Hansen"]`
 *
 * Creates an account in DATABASE_PATH, typically the first administrator. The password is asked
 * for (hidden) when run in a terminal; otherwise, or when left empty, a strong one is generated
 * and printed once to this terminal. It never goes to a log.
 */
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { DatabaseOpenError, openDatabase } from '../db/client.ts';
import { DomainError } from '../db/errors.ts';
import { ROLES, type Role } from '../db/domain/role.ts';
import { createUser } from '../db/writes/users.ts';
import { ConfigError, loadConfig } from '../server/config.ts';
import { checkPasswordStrength, hashPassword } from '../server/access/passwords.ts';

const USAGE = 'usage: npm run user:create -- --email <e-mail> --role <admin|consultant|viewer> [--name "<full name>"]';

/** 18 random bytes: 24 characters from a URL-safe alphabet, about 144 bits. */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}

async function askHidden(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const prompt = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    prompt.question(question, (answer) => {
      prompt.close();
      process.stdout.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}

async function choosePassword(): Promise<{ password: string; generated: boolean }> {
  if (!process.stdin.isTTY) return { password: generatePassword(), generated: true };
  const first = await askHidden('Password (at least 10 characters; leave empty to generate one): ');
  if (first === '') return { password: generatePassword(), generated: true };
  checkPasswordStrength(first);
  const again = await askHidden('Repeat the password: ');
  if (again !== first) throw new DomainError('invalid', 'password: the two entries differ');
  return { password: first, generated: false };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } },
  });
  if (!values.email || !values.role) throw new DomainError('invalid', `--email and --role are required\n${USAGE}`);
  if (!(ROLES as readonly string[]).includes(values.role)) {
    throw new DomainError('invalid', `--role must be one of ${ROLES.join(', ')}; got ${JSON.stringify(values.role)}`);
  }
  const name = values.name?.trim() || values.email.split('@')[0];
  const { databasePath } = loadConfig();
  const database = openDatabase(databasePath);
  try {
    const { password, generated } = await choosePassword();
    const user = createUser(
      database.db,
      { email: values.email, name, role: values.role as Role, passwordHash: await hashPassword(password) },
      { id: null, name: 'npm run user:create', email: null },
    );
    console.log(`Created ${user.role} ${user.name} <${user.email}> in ${databasePath}.`);
    if (generated) {
      console.log(`Password: ${password}\nGive it to the user in a safe way; it is shown only this once. They can change it under "Min konto".`);
    }
  } finally {
    database.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof DomainError || error instanceof ConfigError || error instanceof DatabaseOpenError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error(`user:create: ${(error as Error).message}`);
    process.exitCode = 1;
  } else {
    throw error;
  }
});
