/**
 * Boots the app: logging, listening, scheduled backups and reminders, graceful shutdown. Everything else lives
 * in app.ts.
 */
import { accessSync, constants } from 'node:fs';
import closeWithGrace from 'close-with-grace';
import { scheduleBackups } from '../db/backup/schedule.ts';
import type { FastifyInstance } from 'fastify';
import makeFolder from '../db/make-folder.ts';
import { buildApp } from './app.ts';
import { scheduleReminders } from './mail/schedule.ts';
import { ConfigError, type Config } from './config.ts';

export async function startServer(config: Config) {
  // Found out at start-up, not hours later when the first scheduled backup fails.
  if (config.backupIntervalHours > 0) checkBackupDir(config.backupDir);
  const app = await buildApp(
    {
      databasePath: config.databasePath,
      demoData: config.demoData,
      anonymousRead: config.anonymousRead,
      trustProxy: config.trustProxy,
      publicUrl: config.publicUrl,
      mail: config.smtpUrl && config.mailFrom ? { smtpUrl: config.smtpUrl, from: config.mailFrom } : null,
      reminderDays: config.reminderDays,
      embedOrigins: config.embedOrigins,
    },
    { level: config.logLevel },
  );
  const backups =
    config.backupIntervalHours > 0
      ? scheduleBackups({
          sqlite: app.database.sqlite,
          databasePath: config.databasePath,
          dir: config.backupDir,
          intervalMs: config.backupIntervalHours * 3_600_000,
          keep: config.backupKeep,
          log: app.log,
        })
      : null;
  // Reminders go out by mail only; without SMTP_URL the dashboard shows them in the app.
  const reminders = app.outreach.mail ? scheduleReminders({ run: (now) => app.outreach.runReminders(now), clock: app.outreach.now, log: app.log }) : null;
  // Finish in-flight requests (and a backup being written) on SIGINT/SIGTERM; give up after 10 s
  // rather than hang a deploy.
  closeWithGrace({ delay: 10_000 }, async ({ err, signal }) => {
    if (err) app.log.error({ err }, 'closing after an uncaught error');
    else app.log.info({ signal }, 'shutting down');
    reminders?.stop();
    await backups?.stop();
    await app.close();
  });
  await app.listen({ port: config.port, host: config.host });
  return app;
}

/** What `npm start` prints once listening: where, which data, and the next step on a new installation. */
export function startupMessage(app: FastifyInstance, url: string): string {
  const demo = app.repository.meta.isDemo();
  const lines = [`VV Monitor is running at ${url}${demo ? ' (demo data)' : ''}`, `API documentation: ${url}docs`];
  if (app.repository.users.count() === 0) {
    lines.push(
      demo
        ? 'Anyone can read the demo until the first account is created. To start real use: npm run db:new (see README, "From the demo to real use").'
        : 'No accounts yet. Create the first administrator:\n  npm run user:create -- --email you@example.dk --role admin --name "Your Name"\nthen log in and open the first quarter.',
    );
  }
  return lines.join('\n');
}

function checkBackupDir(dir: string): void {
  try {
    makeFolder(dir);
    accessSync(dir, constants.W_OK);
  } catch (error) {
    throw new ConfigError(`BACKUP_DIR ${dir} cannot be used for backups: ${(error as Error).message}`);
  }
}
