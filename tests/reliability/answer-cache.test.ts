/**
 * db/queries/cache.ts keeps the dashboard's answers between writes. It must never serve a stale
 * or uncommitted answer: every write, through this connection or another, shows at once.
 */
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client.ts';
import { listQuarters, quarterStatuses, quarterSummary } from '../../db/queries/index.ts';
import { SYSTEM_ACTOR } from '../../db/writes/actor.ts';
import { openNextQuarter } from '../../db/writes/quarters.ts';
import { applyStatuses, saveStatuses } from '../../db/writes/statuses.ts';
import { copyDemoDatabase } from '../demo-template.ts';
import { tempDatabasePath } from '../helper.ts';

function demo() {
  const path = tempDatabasePath();
  copyDemoDatabase(path);
  const database = openDatabase(path);
  openNextQuarter(database.db, SYSTEM_ACTOR);
  return { path, database };
}

const noteOf = (rows: { code: string; note: string | null }[], code: string) => rows.find((r) => r.code === code)!.note;

describe('cached answers', () => {
  it('are the same object until something is written', () => {
    const { database } = demo();
    expect(quarterStatuses(database.db, '2019K1')).toBe(quarterStatuses(database.db, '2019K1'));
    expect(quarterSummary(database.db, '2018K4')).toBe(quarterSummary(database.db, '2018K4'));
    database.close();
  });

  it('change with a write through the same connection', () => {
    const { database } = demo();
    const before = quarterStatuses(database.db, '2019K1');
    const row = before.find((r) => r.code === '0101')!;
    saveStatuses(database.db, '2019K1', [{ code: '0101', category: row.category, note: 'same connection', version: row.version }], SYSTEM_ACTOR);
    expect(noteOf(quarterStatuses(database.db, '2019K1'), '0101')).toBe('same connection');
    database.close();
  });

  it('change with a write committed by another connection', () => {
    const { path, database } = demo();
    const counts = listQuarters(database.db).at(-1)!.counts;
    const other = new Sqlite(path);
    other.prepare("UPDATE statuses SET category = 3, note = 'other connection' WHERE quarter_code = '2019K1' AND municipality_code = '0101'").run();
    other.close();
    expect(noteOf(quarterStatuses(database.db, '2019K1'), '0101')).toBe('other connection');
    expect(listQuarters(database.db).at(-1)!.counts).not.toEqual(counts);
    database.close();
  });

  it('never keep what a transaction saw before it rolled back', () => {
    const { database } = demo();
    const row = quarterStatuses(database.db, '2019K1').find((r) => r.code === '0101')!;
    expect(() =>
      database.db.transaction((tx) => {
        applyStatuses(tx, '2019K1', [{ code: '0101', category: row.category, note: 'rolled back', version: row.version }], SYSTEM_ACTOR, new Date().toISOString());
        // A read on the connection (not the transaction) while the write is open: must not be cached.
        expect(noteOf(quarterStatuses(database.db, '2019K1'), '0101')).toBe('rolled back');
        throw new Error('undo');
      }),
    ).toThrow('undo');
    expect(noteOf(quarterStatuses(database.db, '2019K1'), '0101')).toBe(row.note);
    database.close();
  });

  it('cannot be changed by one caller under another’s feet', () => {
    const { database } = demo();
    const rows = quarterStatuses(database.db, '2018K4');
    expect(() => rows.pop()).toThrow(TypeError);
    expect(() => ((rows[0] as { note: string | null }).note = 'changed')).toThrow(TypeError);
    expect(quarterStatuses(database.db, '2018K4')).toHaveLength(98);
    database.close();
  });
});
