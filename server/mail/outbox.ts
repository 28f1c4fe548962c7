/**
 * The sender: delivers the outbox (db/writes/outbox.ts) in the background. A request or the
 * reminder scheduler only adds a row and wakes it, so nobody waits for the SMTP server. When the
 * server cannot be reached, the failure is logged and the mail tried again later (1, 2, 4 … up to
 * 60 minutes apart), and given up on after MAX_ATTEMPTS.
 *
 * A link that sets a password is not written to the database (only its hash is: db/writes/
 * account-tokens.ts). The mail's body holds LINK_PLACEHOLDER, and the link stays in this
 * process's memory until the mail has gone; after a restart such a mail is given up on, and the
 * person asks for a new link.
 */
import type { DueMail, NewMail } from '../../db/writes/outbox.ts';
import type { Mailer } from './transport.ts';

export const LINK_PLACEHOLDER = '{{link}}';
export const MAX_ATTEMPTS = 10;
const MAX_DELAY_MS = 60 * 60 * 1000;
/** How often the sender looks for due mail when nothing wakes it. */
const POLL_MS = 60 * 1000;

export interface OutboxStore {
  queue(mail: NewMail, now: Date): number;
  due(now: Date): DueMail[];
  sent(id: number, now: Date): void;
  failed(id: number, attempts: number, error: string, retryAt: Date | null, now: Date): void;
}

export interface OutboxLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface DeliveryReport {
  sent: number;
  failed: number;
}

/** The wait before the next attempt after `attempts` failed ones: 1, 2, 4 … minutes, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(MAX_DELAY_MS, 60_000 * 2 ** (attempts - 1));
}

export class Outbox {
  #links = new Map<number, string>();
  #running: Promise<DeliveryReport> | null = null;
  #again = false;
  #timer: NodeJS.Timeout | null = null;
  #stopped = false;

  constructor(
    private readonly store: OutboxStore,
    private readonly mailer: Mailer,
    private readonly clock: () => Date,
    private readonly log: OutboxLog,
  ) {}

  /** Starts looking for due mail every minute (retries come due while nobody writes). */
  start(): void {
    this.#timer = setInterval(() => void this.deliver(), POLL_MS).unref();
  }

  /** Adds a mail and wakes the sender; `link` replaces LINK_PLACEHOLDER when it goes out. */
  queue(mail: NewMail, link?: string): number {
    const id = this.store.queue(mail, this.clock());
    if (link !== undefined) this.#links.set(id, link);
    setImmediate(() => void this.deliver());
    return id;
  }

  /**
   * Sends every due mail, one at a time. One delivery runs at a time: a call during a run makes
   * the run look again when it ends, and answers with that run, so no mail goes out twice.
   */
  deliver(): Promise<DeliveryReport> {
    if (this.#stopped) return Promise.resolve({ sent: 0, failed: 0 });
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = this.#deliverAll().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  async #deliverAll(): Promise<DeliveryReport> {
    const report = { sent: 0, failed: 0 };
    do {
      this.#again = false;
      for (const mail of this.store.due(this.clock())) {
        if (this.#stopped) return report;
        if (await this.#send(mail)) report.sent += 1;
        else report.failed += 1;
      }
    } while (this.#again && !this.#stopped);
    return report;
  }

  async #send(mail: DueMail): Promise<boolean> {
    const attempts = mail.attempts + 1;
    if (mail.disabled) {
      this.store.failed(mail.id, attempts, 'the account is disabled', null, this.clock());
      this.#links.delete(mail.id);
      return false;
    }
    let text = mail.body;
    if (text.includes(LINK_PLACEHOLDER)) {
      const link = this.#links.get(mail.id);
      if (link === undefined) {
        this.store.failed(mail.id, attempts, 'the link was not kept over a restart; ask for a new one', null, this.clock());
        this.log.warn({ mailId: mail.id, kind: mail.kind }, 'mail given up: its link was lost in a restart');
        return false;
      }
      text = text.replaceAll(LINK_PLACEHOLDER, link);
    }
    try {
      await this.mailer.send({ to: mail.to, subject: mail.subject, text });
    } catch (error) {
      const message = (error as Error).message;
      const retryAt = attempts < MAX_ATTEMPTS ? new Date(this.clock().getTime() + retryDelayMs(attempts)) : null;
      this.store.failed(mail.id, attempts, message, retryAt, this.clock());
      if (retryAt) this.log.warn({ mailId: mail.id, kind: mail.kind, attempts, retryAt: retryAt.toISOString(), error: message }, 'mail not sent; trying again later');
      else {
        this.#links.delete(mail.id);
        this.log.error({ mailId: mail.id, kind: mail.kind, attempts, error: message }, 'mail not sent; given up');
      }
      return false;
    }
    this.store.sent(mail.id, this.clock());
    this.#links.delete(mail.id);
    this.log.info({ mailId: mail.id, kind: mail.kind }, 'mail sent');
    return true;
  }

  /** Stops the timer and waits for a delivery in progress. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearInterval(this.#timer);
    await this.#running;
    this.mailer.close();
  }
}
