/**
 * `npm start` as a user runs it: a real process, real environment variables, real signals.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort, PROJECT_ROOT } from '../../bench/server-process.ts';
import { copenhagenTime } from '../../db/domain/copenhagen.ts';
import { copyDemoDatabase } from '../demo-template.ts';
import { assignArea, buildTestApp, loginAs, tempDir } from '../helper.ts';
import { startMailServer } from '../mail-server.ts';
import { waitFor } from '../wait-for.ts';
import { expectOneLineStop, START_ARGS, startFails } from './start-fails.ts';

describe('npm start', () => {
  it.each([
    [{ PORT: 'abc' }, /^VV Monitor cannot start: PORT must be a whole number/],
    [{ DEMO_DATA: 'perhaps' }, /^VV Monitor cannot start: DEMO_DATA must be 1/],
    [{ SMTP_URL: 'smtp://vv:hemmelig@mail.rodekors.dk' }, /^VV Monitor cannot start: PUBLIC_URL must be set when SMTP_URL is/],
    [{ GEO_SOURCE: '/srv/kommuner.json' }, /^VV Monitor cannot start: GEO_SOURCE is no longer read at start-up: the map is built once, with npm run build:geo -- --source \/srv\/kommuner.json/],
  ])('stops on %j with one clear line', async (env, message) => {
    expectOneLineStop(await startFails({ DATABASE_PATH: join(tempDir(), 'vv.sqlite'), ...env }), message);
  });

  it('stops when the database folder cannot be created', async () => {
    const blocker = join(tempDir(), 'a-file');
    writeFileSync(blocker, '');
    const { code, stderr } = await startFails({ DATABASE_PATH: join(blocker, 'vv.sqlite') });
    expect(code).toBe(1);
    expect(stderr.trim()).toMatch(/^VV Monitor cannot start: Cannot create the folder for the database .*a-file\/vv.sqlite/);
  });

  it('stops when the database folder cannot be created under /proc, where recursive mkdir hangs', async () => {
    const { code, stderr, killed } = await startFails({ DATABASE_PATH: '/proc/vv/x.sqlite' });
    expect(killed).toBe(false);
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      "VV Monitor cannot start: Cannot create the folder for the database /proc/vv/x.sqlite: ENOENT: no such file or directory, mkdir '/proc/vv'",
    );
  }, 30_000);

  it('stops when the database file is not a database', async () => {
    const path = join(tempDir(), 'notes.sqlite');
    writeFileSync(path, 'meeting notes, not a database '.repeat(50));
    const { code, stderr } = await startFails({ DATABASE_PATH: path });
    expect(code).toBe(1);
    expect(stderr.trim()).toMatch(/^VV Monitor cannot start: .*notes.sqlite is not a usable VV Monitor database/);
  });

  it('serves the dashboard and the committed map, prints its address and shuts down gracefully on SIGTERM', async () => {
    const server = await serve(PROJECT_ROOT);
    expect(server.output).toContain(`VV Monitor is running at ${server.url} (demo data)`);
    const health = await fetch(`${server.url}api/health`);
    expect(await health.json()).toEqual({ status: 'ok' });
    const page = await fetch(server.url);
    expect(await page.text()).toContain('<div id="app">');
    const map = await fetch(`${server.url}geo/municipalities.topo.json`);
    expect((await map.json()).vv.sourceLabel).toBe('Indeholder data fra Danmarks Administrative Geografiske Inddeling (DAGI), Dataforsyningen');
    expect(await server.stop()).toBe(0);
  }, 60_000);
});

describe('npm start with SMTP_URL', () => {
  it('mails a reset link, and its own scheduler sends the reminders due (from 08:00 Copenhagen time)', async () => {
    const smtp = await startMailServer();
    const databasePath = join(tempDir(), 'vv.sqlite');
    copyDemoDatabase(databasePath);
    const { app } = await buildTestApp({ databasePath });
    const admin = await loginAs(app, 'admin', 'anne@vv.test');
    const consultant = await loginAs(app, 'consultant', 'karen@vv.test');
    assignArea(app, consultant.user.id, 'Hovedstaden');
    const today = copenhagenTime(new Date()).date;
    expect((await admin.inject('POST', '/api/quarters', { deadline: today })).statusCode).toBe(201);
    await app.close();

    const server = await serve(PROJECT_ROOT, { DATABASE_PATH: databasePath, SMTP_URL: smtp.url, PUBLIC_URL: 'https://vv.example.dk' });
    try {
      const answer = await fetch(`${server.url}api/auth/forgot`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'anne@vv.test' }) });
      expect(answer.status).toBe(202);
      await waitFor(() => smtp.received.some((mail) => mail.subject === 'Ny adgangskode til VV Monitor'), { what: 'the reset mail', timeoutMs: 20_000 });
      const reminders = () => smtp.received.filter((mail) => mail.to.includes('karen@vv.test'));
      if (copenhagenTime(new Date()).hour >= 8) {
        await waitFor(() => reminders().length > 0, { what: 'the reminder', timeoutMs: 20_000 });
        expect(reminders()[0].subject).toBe('VV Monitor: 29 kommuner mangler i 1. kvt. 2019, frist i dag');
      } else {
        expect(reminders()).toEqual([]);
      }
    } finally {
      expect(await server.stop()).toBe(0);
      await smtp.close();
    }
  }, 90_000);
});

describe('npm start on a new installation for real use', () => {
  it('says what to do next: create the first administrator', async () => {
    const server = await serve(PROJECT_ROOT, { DEMO_DATA: '0' });
    expect(server.output).toContain(`VV Monitor is running at ${server.url}\n`);
    expect(server.output).toContain('No accounts yet. Create the first administrator:');
    expect(server.output).toContain('npm run user:create -- --email');
    expect((await fetch(`${server.url}api/quarters`)).status).toBe(401);
    expect(await server.stop()).toBe(0);
  }, 60_000);
});

describe('npm start after an update', () => {
  it('rebuilds a dashboard built from older sources, then starts without rebuilding', async () => {
    const root = copyOfProject();
    mkdirSync(join(root, 'dist', 'web'), { recursive: true });
    writeFileSync(join(root, 'dist', 'web', 'index.html'), '<!doctype html><title>built before git pull</title>');
    writeFileSync(join(root, 'dist', 'web-build.json'), JSON.stringify({ hash: 'of the sources before git pull', imported: [] }));

    const first = await serve(root);
    expect(first.output).toContain('The dashboard was built from older sources (after an update?): rebuilding it (vite build)');
    const page = await (await fetch(first.url)).text();
    expect(page).toContain('<div id="app">');
    expect(page).not.toContain('built before git pull');
    expect(await first.stop()).toBe(0);

    const second = await serve(root);
    expect(second.output).not.toMatch(/Building the dashboard|rebuilding/);
    expect(await second.stop()).toBe(0);
  }, 120_000);
});

/** What `git clone` gives (the sources, no dist/), with this checkout's node_modules. */
function copyOfProject(): string {
  const root = tempDir('vv-clone-');
  for (const entry of ['web', 'db', 'server', 'scripts', 'geo', 'vite.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json']) {
    cpSync(join(PROJECT_ROOT, entry), join(root, entry), { recursive: true });
  }
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(root, 'node_modules'));
  return root;
}

/** `npm start` in `root` on a free port and a new database, once it prints its address. */
async function serve(root: string, env: Record<string, string> = {}) {
  const port = await freePort();
  const child = spawn(process.execPath, START_ARGS, {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATABASE_PATH: join(tempDir(), 'vv.sqlite'), LOG_LEVEL: 'warn', ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no address printed: ${output}`)), 60_000);
    child.stdout.on('data', () => {
      if (output.includes('is running at')) {
        clearTimeout(timer);
        resolve();
      }
    });
    void exit.then((code) => reject(new Error(`exited with ${code}: ${output}`)));
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    output,
    stop: () => {
      child.kill('SIGTERM');
      return exit;
    },
  };
}
