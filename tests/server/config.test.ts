import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.ts';

describe('loadConfig', () => {
  it('has a default for every setting', () => {
    expect(loadConfig({}, '/srv/vv')).toEqual({
      port: 3000,
      host: '127.0.0.1',
      databasePath: '/srv/vv/data/vv-monitor.sqlite',
      demoData: 'auto',
      logLevel: 'info',
      anonymousRead: 'auto',
      trustProxy: false,
      backupDir: '/srv/vv/data/backups',
      backupIntervalHours: 0,
      backupKeep: 14,
      publicUrl: null,
      smtpUrl: null,
      mailFrom: null,
      reminderDays: 7,
      embedOrigins: [],
    });
  });

  it('reads every setting from the environment', () => {
    const config = loadConfig(
      {
        PORT: '8080',
        HOST: '0.0.0.0',
        DATABASE_PATH: '/var/lib/vv.sqlite',
        DEMO_DATA: '0',
        LOG_LEVEL: 'warn',
        ANONYMOUS_READ: '1',
        TRUST_PROXY: '1',
        BACKUP_DIR: '/var/backups/vv',
        BACKUP_INTERVAL_HOURS: '24',
        BACKUP_KEEP: '30',
        PUBLIC_URL: 'https://vv.rodekors.dk/',
        SMTP_URL: 'smtps://vv:secret@mail.rodekors.dk:465',
        MAIL_FROM: 'VV Monitor <vv@rodekors.dk>',
        REMINDER_DAYS: '10',
        EMBED_ORIGINS: 'https://www.rodekors.dk, https://*.drc.ngo',
      },
      '/srv/vv',
    );
    expect(config).toEqual({
      port: 8080,
      host: '0.0.0.0',
      databasePath: '/var/lib/vv.sqlite',
      demoData: 'off',
      logLevel: 'warn',
      anonymousRead: 'on',
      trustProxy: 1,
      backupDir: '/var/backups/vv',
      backupIntervalHours: 24,
      backupKeep: 30,
      publicUrl: 'https://vv.rodekors.dk',
      smtpUrl: 'smtps://vv:secret@mail.rodekors.dk:465',
      mailFrom: 'VV Monitor <vv@rodekors.dk>',
      reminderDays: 10,
      embedOrigins: ['https://www.rodekors.dk', 'https://*.drc.ngo'],
    });
  });

  it('stops when GEO_SOURCE is set, which start-up no longer reads, and says how to rebuild the map', () => {
    expect(() => loadConfig({ GEO_SOURCE: '/maps/k.json' })).toThrow(
      'GEO_SOURCE is no longer read at start-up: the map is built once, with npm run build:geo -- --source /maps/k.json; then unset GEO_SOURCE',
    );
    expect(loadConfig({ GEO_SOURCE: ' ' })).not.toHaveProperty('geoSource');
  });

  it('needs PUBLIC_URL with SMTP_URL or EMBED_ORIGINS, for the links they give out', () => {
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail.example.dk' })).toThrow(/^PUBLIC_URL must be set when SMTP_URL is/);
    expect(() => loadConfig({ EMBED_ORIGINS: 'https://www.rodekors.dk' })).toThrow(/^PUBLIC_URL must be set when EMBED_ORIGINS is/);
    expect(loadConfig({ PUBLIC_URL: 'http://127.0.0.1:3000' }).publicUrl).toBe('http://127.0.0.1:3000');
  });

  it('sends from vv-monitor@ the public host unless MAIL_FROM says otherwise', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://vv.rodekors.dk', SMTP_URL: 'smtp://mail.rodekors.dk' }).mailFrom).toBe('VV Monitor <vv-monitor@vv.rodekors.dk>');
    expect(loadConfig({ PUBLIC_URL: 'https://vv.rodekors.dk', SMTP_URL: 'smtp://m', MAIL_FROM: 'vv@rodekors.dk' }).mailFrom).toBe('vv@rodekors.dk');
    expect(() => loadConfig({ PUBLIC_URL: 'https://vv.rodekors.dk', SMTP_URL: 'smtp://m', MAIL_FROM: 'VV Monitor' })).toThrow(/^MAIL_FROM must be/);
  });

  it('never repeats the password of a refused SMTP_URL', () => {
    expect(() => loadConfig({ PUBLIC_URL: 'https://vv.dk', SMTP_URL: 'http://vv:hunter2secret@mail.dk' })).toThrow(/^SMTP_URL must be/);
    try {
      loadConfig({ PUBLIC_URL: 'https://vv.dk', SMTP_URL: 'http://vv:hunter2secret@mail.dk' });
    } catch (error) {
      expect((error as Error).message).not.toContain('hunter2secret');
      expect((error as Error).message).toContain('vv:***@mail.dk');
    }
  });

  it('resolves a relative DATABASE_PATH against the working folder', () => {
    expect(loadConfig({ DATABASE_PATH: 'x/y.sqlite' }, '/srv/vv').databasePath).toBe('/srv/vv/x/y.sqlite');
  });

  it('resolves a relative BACKUP_DIR against the working folder and accepts fractions of an hour', () => {
    const config = loadConfig({ BACKUP_DIR: 'copies', BACKUP_INTERVAL_HOURS: '0.5' }, '/srv/vv');
    expect(config.backupDir).toBe('/srv/vv/copies');
    expect(config.backupIntervalHours).toBe(0.5);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '0'],
    ['PORT', '70000'],
    ['PORT', '3000.5'],
    ['HOST', 'http://localhost'],
    ['HOST', 'my host'],
    ['DATABASE_PATH', 'data/'],
    ['DEMO_DATA', 'maybe'],
    ['LOG_LEVEL', 'loud'],
    ['ANONYMOUS_READ', 'sometimes'],
    ['TRUST_PROXY', 'maybe'],
    ['BACKUP_DIR', ':memory:'],
    ['PUBLIC_URL', 'vv.rodekors.dk'],
    ['PUBLIC_URL', 'ftp://vv.rodekors.dk'],
    ['PUBLIC_URL', 'https://vv.rodekors.dk/?x=1'],
    ['REMINDER_DAYS', 'a week'],
    ['REMINDER_DAYS', '91'],
    ['REMINDER_DAYS', '-1'],
    ['EMBED_ORIGINS', 'https://www.rodekors.dk/side'],
    ['EMBED_ORIGINS', '*'],
    ['BACKUP_INTERVAL_HOURS', 'daily'],
    ['BACKUP_INTERVAL_HOURS', '-1'],
    ['BACKUP_INTERVAL_HOURS', '9000'],
    ['BACKUP_KEEP', '0'],
    ['BACKUP_KEEP', '2.5'],
    ['BACKUP_KEEP', 'all'],
    ['GEO_SOURCE', '/maps/k.json'],
  ])('stops on %s=%j with a message naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^${name} `));
  });
});
