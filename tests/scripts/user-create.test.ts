import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client.ts';
import { findUserByEmail } from '../../db/writes/users.ts';
import { verifyPassword } from '../../server/access/passwords.ts';
import { tempDir } from '../helper.ts';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

function run(databasePath: string, ...args: string[]): Promise<Outcome> {
  return promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/user-create.ts', ...args], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_PATH: databasePath },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error) => error as Outcome,
  );
}

describe('npm run user:create', () => {
  it('creates the first administrator with a generated password that works, shown once', async () => {
    const path = join(tempDir(), 'vv.sqlite');
    const { stdout } = await run(path, '--email', 'Anne@RodeKors.dk', '--role', 'admin', '--name', 'Anne Hansen');
    expect(stdout).toContain('Created admin Anne Hansen <anne@rodekors.dk>');
    const password = /Password: (\S+)/.exec(stdout)![1];
    expect(password.length).toBeGreaterThanOrEqual(20);
    const database = openDatabase(path);
    const user = findUserByEmail(database.db, 'anne@rodekors.dk')!;
    expect(user.role).toBe('admin');
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user.passwordHash, password)).toBe(true);
    const audit = database.sqlite.prepare("SELECT actor, action, new_value FROM audit_log WHERE entity = 'user'").get() as Record<string, string>;
    expect(audit.actor).toBe('npm run user:create');
    expect(audit.new_value).not.toContain(password);
    database.close();
  });

  it.each([
    [['--role', 'admin'], /--email and --role are required/],
    [['--email', 'x@rk.dk', '--role', 'boss'], /--role must be one of admin, consultant, viewer/],
    [['--email', 'not-an-address', '--role', 'viewer'], /email: "not-an-address" is not an e-mail address/],
    [['--email', 'x@rk.dk', '--role', 'viewer', '--colour', 'red'], /Unknown option '--colour'/],
  ])('refuses %j with one clear line', async (args, message) => {
    const failure = await run(join(tempDir(), 'vv.sqlite'), ...(args as string[]));
    expect(failure.code).toBe(1);
    expect(failure.stderr.trim()).toMatch(message);
    expect(failure.stderr).not.toContain('    at ');
  });

  it('refuses a second account with the same e-mail', async () => {
    const path = join(tempDir(), 'vv.sqlite');
    await run(path, '--email', 'b@rk.dk', '--role', 'viewer');
    const failure = await run(path, '--email', 'B@rk.dk', '--role', 'admin');
    expect(failure.code).toBe(1);
    expect(failure.stderr).toContain('email: b@rk.dk already has an account');
  });
});
