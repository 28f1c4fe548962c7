/**
 * What reaches people outside the dashboard (issue #15): the settings for links and embedding,
 * mail through the outbox (server/mail/outbox.ts), and the reminders the scheduler sends. Without
 * SMTP_URL nothing is sent; the dashboard shows the same reminders in the app.
 */
import fp from 'fastify-plugin';
import { copenhagenDate } from '../../db/domain/copenhagen.ts';
import { mayMailAt } from '../../db/domain/deadline.ts';
import { TOKEN_LIFETIME_MS, TOKEN_PAGE, type TokenPurpose } from '../../db/domain/mail.ts';
import { deadlineLetter, readyLetter, tokenLetter } from '../mail/messages.ts';
import { Outbox } from '../mail/outbox.ts';
import { smtpMailer } from '../mail/transport.ts';

export interface OutreachOptions {
  /** The address of VV Monitor for links in mail and embed code (no trailing slash). */
  publicUrl: string | null;
  /** The SMTP server and sender; null sends nothing. */
  mail: { smtpUrl: string; from: string } | null;
  reminderDays: number;
  embedOrigins: string[];
  /** The clock that deadlines, reminders and links are read by; tests set it. */
  clock: () => Date;
}

export interface Outreach {
  publicUrl: string | null;
  reminderDays: number;
  embedOrigins: string[];
  /** Whether mail is sent (SMTP_URL is set). */
  mail: boolean;
  now(): Date;
  /** The sender; null without SMTP. */
  outbox: Outbox | null;
  /** Queues every reminder due at `now` that was not sent before; answers how many. */
  runReminders(now?: Date): number;
  /** Issues a single-use link that sets the account's password and mails it. */
  sendLink(userId: number, purpose: TokenPurpose): void;
}

declare module 'fastify' {
  interface FastifyInstance {
    outreach: Outreach;
  }
}

const PURGE_EVERY_MS = 60 * 60 * 1000;

export default fp<OutreachOptions>(
  async (fastify, options) => {
    const { repository } = fastify;
    const { publicUrl, reminderDays, clock } = options;
    const mailer = options.mail ? smtpMailer(options.mail.smtpUrl, options.mail.from) : null;
    const outbox = mailer && publicUrl ? new Outbox(repository.outbox, mailer, clock, fastify.log) : null;

    const runReminders = (now = clock()): number => {
      if (!outbox || !publicUrl || !mayMailAt(now)) return 0;
      let queued = 0;
      for (const reminder of repository.progress.reminders(copenhagenDate(now), reminderDays)) {
        // After the deadline the app says so; nobody is mailed again.
        if (reminder.kind === 'overdue') continue;
        const letter = reminder.kind === 'ready_to_finalise' ? readyLetter(reminder, publicUrl) : deadlineLetter(reminder, publicUrl);
        const recorded = repository.progress.recordReminder(
          {
            key: reminder.key,
            kind: reminder.kind,
            quarterCode: reminder.quarter,
            deadline: reminder.deadline,
            mail: { userId: reminder.userId, kind: reminder.kind === 'ready_to_finalise' ? 'summary' : 'reminder', ...letter },
            details: { municipalities: reminder.municipalities.map((m) => m.code), remaining: reminder.national.remaining },
          },
          now,
        );
        if (recorded) queued += 1;
      }
      if (queued > 0) void outbox.deliver();
      return queued;
    };

    const sendLink = (userId: number, purpose: TokenPurpose): void => {
      if (!outbox || !publicUrl) throw new Error('mail is not configured');
      const { token } = repository.accountTokens.issue(userId, purpose, clock());
      const letter = tokenLetter(purpose, TOKEN_LIFETIME_MS[purpose] / 3_600_000);
      outbox.queue({ userId, kind: purpose, ...letter }, `${publicUrl}${TOKEN_PAGE}#token=${token}`);
    };

    fastify.decorate('outreach', {
      publicUrl,
      reminderDays,
      embedOrigins: options.embedOrigins,
      mail: outbox !== null,
      now: clock,
      outbox,
      runReminders,
      sendLink,
    } satisfies Outreach);

    outbox?.start();
    const purge = () => {
      try {
        repository.accountTokens.purgeExpired(clock());
        repository.outbox.purgeOld(clock());
      } catch (error) {
        fastify.log.error({ err: error }, 'purging old links and mail failed');
      }
    };
    const timer = setInterval(purge, PURGE_EVERY_MS).unref();
    fastify.addHook('onClose', async () => {
      clearInterval(timer);
      await outbox?.stop();
    });
  },
  { name: 'outreach', dependencies: ['repository'] },
);
