/**
 * The audit log cannot be rewritten, not even with INSERT OR REPLACE, which deletes the old row
 * without firing delete triggers, from any connection.
 */
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../helper.ts';

describe('the audit log', () => {
  it('refuses UPDATE, DELETE, INSERT OR REPLACE and an upsert of an existing row', async () => {
    const { app, databasePath } = await buildTestApp();
    await app.close();
    const sqlite = new Sqlite(databasePath);
    try {
      const first = sqlite.prepare('SELECT * FROM audit_log ORDER BY id LIMIT 1').get() as { id: number; at: string };
      expect(first).toBeDefined();
      expect(() => sqlite.prepare('UPDATE audit_log SET reason = ? WHERE id = ?').run('x', first.id)).toThrow(/append-only/);
      expect(() => sqlite.prepare('DELETE FROM audit_log WHERE id = ?').run(first.id)).toThrow(/append-only/);
      expect(() =>
        sqlite
          .prepare("INSERT OR REPLACE INTO audit_log (id, at, actor, action, entity, entity_key) VALUES (?, ?, 'forger', 'load', 'dataset', 'demo')")
          .run(first.id, first.at),
      ).toThrow(/append-only/);
      expect(() =>
        sqlite
          .prepare("REPLACE INTO audit_log (id, at, actor, action, entity, entity_key) VALUES (?, ?, 'forger', 'load', 'dataset', 'demo')")
          .run(first.id, first.at),
      ).toThrow(/append-only/);
      expect(sqlite.prepare('SELECT actor FROM audit_log WHERE id = ?').pluck().get(first.id)).not.toBe('forger');
      // New rows are still appended as usual.
      sqlite.prepare("INSERT INTO audit_log (at, actor, action, entity, entity_key) VALUES ('2026-01-01T00:00:00Z', 'test', 'note', 'dataset', 'x')").run();
    } finally {
      sqlite.close();
    }
  });
});
