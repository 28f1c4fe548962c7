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
  /** Where the map geometry is built from (a path or URL); undefined = the default chain. */
  geoSource: string | undefined;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /**
   * Whether the dashboard can be read without logging in. `auto`: only while the database holds
   * the invented demo dataset; real data needs a login unless this is turned `on`.
   */
  anonymousRead: 'auto' | 'on' | 'off';
  /** Trust X-Forwarded-* from a reverse proxy (for https detection and client addresses). */
  trustProxy: boolean;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export const DEFAULT_DATABASE_PATH = 'data/vv-monitor.sqlite';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const TRUE = ['1', 'true', 'on', 'yes', 'auto'];
const FALSE = ['0', 'false', 'off', 'no'];

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  return {
    port: port(env.PORT),
    host: host(env.HOST),
    databasePath: databasePath(env.DATABASE_PATH, cwd),
    demoData: demoData(env.DEMO_DATA),
    geoSource: env.GEO_SOURCE?.trim() || undefined,
    logLevel: logLevel(env.LOG_LEVEL),
    anonymousRead: anonymousRead(env.ANONYMOUS_READ),
    trustProxy: flag('TRUST_PROXY', env.TRUST_PROXY, false),
  };
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
