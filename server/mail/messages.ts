/**
 * The mail VV Monitor writes: reminders, the summary for administrators, and the links that set a
 * password. Danish first (the programme's language), then English. Plain text: every mail client
 * shows it, and links are written out. No mail names a person: the outbox keeps no one's name.
 */
import type { CurrentReminder } from '../../db/queries/reminders.ts';
import type { ProgressCounts } from '../../db/domain/progress.ts';
import { quarterLabel } from '../../db/domain/quarter.ts';
import type { TokenPurpose } from '../../db/domain/mail.ts';
import { LINK_PLACEHOLDER } from './outbox.ts';

export interface Letter {
  subject: string;
  body: string;
}

const DA_DATE = new Intl.DateTimeFormat('da-DK', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const EN_DATE = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const date = (iso: string, format: Intl.DateTimeFormat) => format.format(new Date(`${iso}T00:00:00Z`));

function daysDa(n: number): string {
  return n === 0 ? 'i dag' : n === 1 ? 'i morgen' : `om ${n} dage`;
}
function daysEn(n: number): string {
  return n === 0 ? 'today' : n === 1 ? 'tomorrow' : `in ${n} days`;
}

const footer = (publicUrl: string) =>
  `\n\nDu får denne påmindelse fra VV Monitor. Slå påmindelser fra under "Min konto": ${publicUrl}/account\n` +
  `You get this reminder from VV Monitor. Turn reminders off under "Min konto" (My account): ${publicUrl}/account\n`;

/** A consultant's reminder: the deadline and their municipalities still to settle, each with a link. */
export function deadlineLetter(reminder: CurrentReminder, publicUrl: string): Letter {
  const { quarter, deadline, municipalities } = reminder;
  const days = reminder.daysLeft ?? 0;
  const quarterUrl = `${publicUrl}/quarters/${quarter}`;
  const list = municipalities.map((m) => `  ${m.code} ${m.name}: ${quarterUrl}?q=${m.code}`).join('\n');
  const n = municipalities.length;
  const subject = `VV Monitor: ${n} ${n === 1 ? 'kommune mangler' : 'kommuner mangler'} i ${quarterLabel(quarter)}, frist ${days === 0 ? 'i dag' : date(deadline!, DA_DATE)}`;
  const body =
    `Hej\n\nFristen for ${quarterLabel(quarter)} er ${date(deadline!, DA_DATE)} (${daysDa(days)}). ` +
    `I dit område mangler ${n === 1 ? 'denne kommune' : `disse ${n} kommuner`} at blive vurderet eller bekræftet:\n\n${list}\n\n` +
    `Åbn kvartalet: ${quarterUrl}\n\n` +
    `The deadline for ${quarterLabel(quarter, 'en')} is ${date(deadline!, EN_DATE)} (${daysEn(days)}). ` +
    `${n === 1 ? 'This municipality' : `These ${n} municipalities`} in your area still need to be assessed or confirmed (listed above).` +
    footer(publicUrl);
  return { subject, body };
}

function counts(progress: ProgressCounts): string {
  return `vurderet ${progress.assessed}, bekræftet ${progress.confirmed}, ikke vurderet (med begrundelse) ${progress.notAssessed}`;
}

/** The administrators' summary: every municipality of the quarter is settled; it can be finalised. */
export function readyLetter(reminder: CurrentReminder, publicUrl: string): Letter {
  const { quarter, national } = reminder;
  const quarterUrl = `${publicUrl}/quarters/${quarter}`;
  return {
    subject: `VV Monitor: ${quarterLabel(quarter)} er klar til at blive afsluttet`,
    body:
      `Hej\n\nAlle ${national.total} kommuner er på plads i ${quarterLabel(quarter)}: ${counts(national)}. ` +
      `Kvartalet kan afsluttes (og derefter offentliggøres): ${quarterUrl}\n\n` +
      `All ${national.total} municipalities are settled in ${quarterLabel(quarter, 'en')} ` +
      `(assessed ${national.assessed}, confirmed ${national.confirmed}, not assessed with a reason ${national.notAssessed}). ` +
      `The quarter can be finalised (and then published): ${quarterUrl}` +
      footer(publicUrl),
  };
}

/** A link that sets a password. The link itself is filled in when the mail goes out (server/mail/outbox.ts). */
export function tokenLetter(purpose: TokenPurpose, expiresInHours: number): Letter {
  if (purpose === 'invite') {
    return {
      subject: 'Invitation til VV Monitor',
      body:
        `Hej\n\nDu er inviteret til VV Monitor, Venner Viser Vejs kvartalsvise overblik over kommunerne. ` +
        `Vælg din adgangskode her (linket kan bruges én gang og udløber om ${Math.round(expiresInHours / 24)} dage):\n\n${LINK_PLACEHOLDER}\n\n` +
        `You are invited to VV Monitor. Choose your password with the link above (it works once and expires in ${Math.round(expiresInHours / 24)} days).\n`,
    };
  }
  return {
    subject: 'Ny adgangskode til VV Monitor',
    body:
      `Hej\n\nNogen har bedt om en ny adgangskode til din konto i VV Monitor. Vælg den her ` +
      `(linket kan bruges én gang og udløber om ${expiresInHours} ${expiresInHours === 1 ? 'time' : 'timer'}):\n\n${LINK_PLACEHOLDER}\n\n` +
      `Har du ikke bedt om det, kan du se bort fra denne mail; din adgangskode er uændret.\n\n` +
      `Someone asked for a new password for your VV Monitor account. Choose it with the link above (it works once and expires in ` +
      `${expiresInHours} ${expiresInHours === 1 ? 'hour' : 'hours'}). If it was not you, ignore this mail; your password is unchanged.\n`,
  };
}
