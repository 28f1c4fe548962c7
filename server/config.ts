/**
 * Settings come from environment variables, each with a default. A bad value stops start-up with
 * one clear line naming the variable, instead of a server that half works.
 */
import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  databasePath: string;
  /** `auto`: load the demo dataset when the database is empty; `off`: never. */
  demoData: 'auto' | 'off';
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /**
   * Whether the dashboard can be read without logging in. `auto`: only while the database holds
   * the invented demo dataset; real data needs a login unless this is turned `on`.
   */
  anonymousRead: 'auto' | 'on' | 'off';
  /**
   * Which reverse proxies to believe in X-Forwarded-* (https detection, client addresses for the
   * login limits): false for none, a number of proxy hops in front of the server, or the proxies'
   * addresses. Never "everything": the left-most X-Forwarded-For is whatever the client wrote.
   */
  trustProxy: false | number | string[];
  /** Where `npm run backup` and the scheduled backups write, and restore keeps the replaced file. */
  backupDir: string;
  /** Hours between scheduled backups made by the server; 0 = none (use `npm run backup`, e.g. from cron). */
  backupIntervalHours: number;
  /** How many backups to keep in backupDir; older ones are deleted after each new backup. */
  backupKeep: number;
  /** The address people reach VV Monitor at (no trailing slash): links in e-mail and embed code. */
  publicUrl: string | null;
  /** The SMTP server mail goes through; null: nothing is sent, reminders show in the app only. */
  smtpUrl: string | null;
  /** The sender of every mail ("VV Monitor <vv-monitor@example.dk>"). */
  mailFrom: string | null;
  /** Days before a quarter's deadline that consultants are reminded (and again on the day). */
  reminderDays: number;
  /** Origins whose pages may show the embed pages in an iframe (CSP frame-ancestors). */
  embedOrigins: string[];
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export const DEFAULT_DATABASE_PATH = 'data/vv-monitor.sqlite';
export const DEFAULT_BACKUP_DIR = 'data/backups';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const TRUE = ['1', 'true', 'on', 'yes', 'auto'];
const FALSE = ['0', 'false', 'off', 'no'];

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  noGeoSource(env.GEO_SOURCE);
  return {
    port: port(env.PORT),
    host: host(env.HOST),
    databasePath: databasePath(env.DATABASE_PATH, cwd),
    demoData: demoData(env.DEMO_DATA),
    logLevel: logLevel(env.LOG_LEVEL),
    anonymousRead: anonymousRead(env.ANONYMOUS_READ),
    trustProxy: trustProxy(env.TRUST_PROXY),
    backupDir: backupDir(env.BACKUP_DIR, cwd),
    backupIntervalHours: backupIntervalHours(env.BACKUP_INTERVAL_HOURS),
    backupKeep: backupKeep(env.BACKUP_KEEP),
    ...outreach(env),
  };
}

type Outreach = Pick<Config, 'publicUrl' | 'smtpUrl' | 'mailFrom' | 'reminderDays' | 'embedOrigins'>;

/** The settings of issue #15: mail and embedding both need the public address for their links. */
function outreach(env: NodeJS.ProcessEnv): Outreach {
  const smtpUrl = smtp(env.SMTP_URL);
  const embedOrigins = origins(env.EMBED_ORIGINS);
  const url = publicUrl(env.PUBLIC_URL);
  if (!url && (smtpUrl || embedOrigins.length > 0)) {
    throw new ConfigError(`PUBLIC_URL must be set when ${smtpUrl ? 'SMTP_URL' : 'EMBED_ORIGINS'} is: the address people open VV Monitor at, such as https://vv.rodekors.dk`);
  }
  return {
    publicUrl: url,
    smtpUrl,
    mailFrom: smtpUrl ? mailFrom(env.MAIL_FROM, url!) : null,
    reminderDays: reminderDays(env.REMINDER_DAYS),
    embedOrigins,
  };
}

/** The trimmed setting ('' when unset) and the URL it spells, or null where it spells none. */
function urlSetting(value: string | undefined): { v: string; url: URL | null } {
  const v = value?.trim() ?? '';
  try {
    return { v, url: new URL(v) };
  } catch {
    return { v, url: null };
  }
}

function publicUrl(value: string | undefined): string | null {
  const { v, url } = urlSetting(value);
  if (v === '') return null;
  if (!url || !['http:', 'https:'].includes(url.protocol) || url.search || url.hash || url.username || url.password) {
    throw new ConfigError(`PUBLIC_URL must be an http or https address without query or fragment, such as https://vv.rodekors.dk, got ${JSON.stringify(value)}`);
  }
  return url.href.replace(/\/+$/, '');
}

/** The URL with its password hidden: a refusal may be printed and logged. */
function withoutPassword(value: string): string {
  return value.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
}

function smtp(value: string | undefined): string | null {
  const { v, url } = urlSetting(value);
  if (v === '') return null;
  if (!url || !['smtp:', 'smtps:'].includes(url.protocol) || !url.hostname) {
    throw new ConfigError(`SMTP_URL must be smtp://[user:password@]host[:port] or smtps://…, got ${JSON.stringify(withoutPassword(v))}`);
  }
  return v;
}

const ADDRESS = /^[^\s@<>]+@[^\s@<>]+$/;

/** "VV Monitor <vv@example.dk>" or a bare address; by default vv-monitor@ the public host. */
function mailFrom(value: string | undefined, url: string): string {
  const v = value?.trim() ?? '';
  if (v === '') return `VV Monitor <vv-monitor@${new URL(url).hostname}>`;
  const named = /^([^<>"]+)<([^<>]+)>$/.exec(v);
  if ((named && ADDRESS.test(named[2].trim())) || ADDRESS.test(v)) return v;
  throw new ConfigError(`MAIL_FROM must be an e-mail address or Name <address>, such as VV Monitor <vv@rodekors.dk>, got ${JSON.stringify(value)}`);
}

function reminderDays(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 7;
  const n = Number(value.trim());
  if (!/^\d+$/.test(value.trim()) || n > 90) {
    throw new ConfigError(`REMINDER_DAYS must be a whole number of days from 0 (on the deadline only) to 90, got ${JSON.stringify(value)}`);
  }
  return n;
}

/** Origins as CSP frame-ancestors takes them: scheme, host and port; `*.` for subdomains. */
const ORIGIN = /^https?:\/\/(\*\.)?[a-z0-9.-]+(:\d{1,5})?$/i;

function origins(value: string | undefined): string[] {
  const list = (value ?? '').split(/[\s,]+/).filter(Boolean).map((origin) => origin.replace(/\/+$/, ''));
  const bad = list.find((origin) => !ORIGIN.test(origin));
  if (bad !== undefined) {
    throw new ConfigError(`EMBED_ORIGINS must be origins separated by commas, such as https://www.rodekors.dk,https://*.drc.ngo, got ${JSON.stringify(bad)}`);
  }
  return list;
}

/**
 * GEO_SOURCE once chose what start-up built the map from. The map is now committed and only
 * `npm run build:geo` rebuilds it, so a GEO_SOURCE left in a service file would silently not
 * apply: stop and say what to do instead.
 */
function noGeoSource(value: string | undefined): void {
  if (value === undefined || value.trim() === '') return;
  throw new ConfigError(
    `GEO_SOURCE is no longer read at start-up: the map is built once, with npm run build:geo -- --source ${value.trim()}; then unset GEO_SOURCE`,
  );
}

function port(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 3000;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < 1 || n > 65535) {
    throw new ConfigError(`PORT must be a whole number from 1 to 65535, got ${JSON.stringify(value)}`);
  }
  return n;
}

function host(value: string | undefined): string {
  if (value === undefined || value.trim() === '') return '127.0.0.1';
  if (/\s|\/|:\/\//.test(value.trim())) {
    throw new ConfigError(`HOST must be a host name or IP address such as 127.0.0.1 or 0.0.0.0, got ${JSON.stringify(value)}`);
  }
  return value.trim();
}

function databasePath(value: string | undefined, cwd: string): string {
  const path = value === undefined || value.trim() === '' ? DEFAULT_DATABASE_PATH : value.trim();
  if (path === ':memory:') return path;
  if (path.endsWith('/')) throw new ConfigError(`DATABASE_PATH must name a file, not a folder, got ${JSON.stringify(value)}`);
  return resolve(cwd, path);
}

function demoData(value: string | undefined): Config['demoData'] {
  if (value === undefined || value.trim() === '') return 'auto';
  const v = value.trim().toLowerCase();
  if (TRUE.includes(v)) return 'auto';
  if (FALSE.includes(v)) return 'off';
  throw new ConfigError(`DEMO_DATA must be 1 (load demo data into an empty database) or 0 (never), got ${JSON.stringify(value)}`);
}

function anonymousRead(value: string | undefined): Config['anonymousRead'] {
  if (value === undefined || value.trim() === '' || value.trim().toLowerCase() === 'auto') return 'auto';
  return flag('ANONYMOUS_READ', value, false) ? 'on' : 'off';
}

const IP_OR_CIDR = /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f:]*:[0-9a-f:.]*)(?:\/\d{1,3})?$/i;
const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

function trustProxy(value: string | undefined): Config['trustProxy'] {
  const v = value?.trim() ?? '';
  if (v === '' || FALSE.includes(v.toLowerCase())) return false;
  if (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 10) return Number(v);
  const list = v.split(',').map((part) => part.trim()).filter(Boolean);
  if (list.length > 0 && list.every((part) => IP_OR_CIDR.test(part) || PROXY_NAMES.includes(part.toLowerCase()))) return list;
  throw new ConfigError(
    `TRUST_PROXY must be 0, the number of reverse proxies in front of the server (1 to 10), or their addresses (e.g. 10.0.0.5,10.0.1.0/24 or loopback), got ${JSON.stringify(value)}`,
  );
}

function flag(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value.trim() === '') return fallback;
  const v = value.trim().toLowerCase();
  if (['1', 'true', 'on', 'yes'].includes(v)) return true;
  if (FALSE.includes(v)) return false;
  throw new ConfigError(`${name} must be 1 (on) or 0 (off), got ${JSON.stringify(value)}`);
}

function logLevel(value: string | undefined): Config['logLevel'] {
  if (value === undefined || value.trim() === '') return 'info';
  const v = value.trim().toLowerCase();
  if ((LOG_LEVELS as readonly string[]).includes(v)) return v as Config['logLevel'];
  throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got ${JSON.stringify(value)}`);
}

function backupDir(value: string | undefined, cwd: string): string {
  const path = value === undefined || value.trim() === '' ? DEFAULT_BACKUP_DIR : value.trim();
  if (path === ':memory:') throw new ConfigError(`BACKUP_DIR must be a folder, got ${JSON.stringify(value)}`);
  return resolve(cwd, path);
}

/** Up to a year; fractions allowed (0.5 = every half hour). */
function backupIntervalHours(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 0;
  const hours = Number(value.trim());
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || hours > 8760) {
    throw new ConfigError(`BACKUP_INTERVAL_HOURS must be a number of hours from 0 (no scheduled backups) to 8760, got ${JSON.stringify(value)}`);
  }
  return hours;
}

function backupKeep(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 14;
  const n = Number(value.trim());
  if (!/^\d+$/.test(value.trim()) || n < 1 || n > 10000) {
    throw new ConfigError(`BACKUP_KEEP must be a whole number of backups from 1 to 10000, got ${JSON.stringify(value)}`);
  }
  return n;
}
