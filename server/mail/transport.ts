/**
 * The SMTP connection, through nodemailer. Short timeouts: a mail server that accepts the
 * connection and then says nothing must not hold the sender for minutes (it tries again later).
 */
import { createTransport } from 'nodemailer';

export interface Mailer {
  /** Resolves when the SMTP server has accepted the message; rejects when it could not be handed over. */
  send(message: { to: string; subject: string; text: string }): Promise<void>;
  close(): void;
}

export function smtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = createTransport(
    { url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 },
    { from },
  );
  return {
    async send(message) {
      await transport.sendMail(message);
    },
    close: () => transport.close(),
  };
}
