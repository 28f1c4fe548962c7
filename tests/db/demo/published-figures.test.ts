/**
 * The demo dataset must reproduce the programme's published figures (DOMAIN.md), read back through
 * the same queries the API uses.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../db/client.ts';
import { isEmpty, loadDemoData } from '../../../db/demo/load.ts';
import { agreementCounts, datasetKind, quarterSummary, zeroQuotaCodes } from '../../../db/queries/index.ts';
import { quarterEnd } from '../../../db/domain/quarter.ts';
import { databaseFingerprint, tempDatabasePath } from '../../helper.ts';

let database: Database;
beforeAll(() => {
  database = openDatabase(tempDatabasePath());
  expect(isEmpty(database.db)).toBe(true);
  loadDemoData(database.db);
  return () => database.close();
});

describe('demo dataset, published figures', () => {
  it('2018K4: 63 green, 32 yellow, 3 red, none missing; 95 with a VV offer', () => {
    const summary = quarterSummary(database.db, '2018K4');
    expect(summary.counts).toEqual({ green: 63, yellow: 32, red: 3, notAssessed: 0 });
    expect(summary.municipalitiesWithOffer).toBe(95);
  });

  it('53 active agreements at 2016K2 and 61 at 2018K3', () => {
    expect(agreementCounts(database.db, quarterEnd('2016K2')).active).toBe(53);
    expect(agreementCounts(database.db, quarterEnd('2018K3')).active).toBe(61);
  });

  it('end of 2018: 72 municipalities with an agreement, 5 of them with both organisations', () => {
    const counts = agreementCounts(database.db, quarterEnd('2018K4'));
    expect(counts.municipalitiesWithAgreement).toBe(72);
    expect(counts.municipalitiesWithBoth).toBe(5);
  });

  it('zero quota in 2016: exactly Albertslund, Brøndby, Høje-Taastrup and Ishøj', () => {
    expect([...zeroQuotaCodes(database.db, 2016)].sort()).toEqual(['0153', '0165', '0169', '0183']);
  });

  it('zero quota in 2018: twelve municipalities', () => {
    expect(zeroQuotaCodes(database.db, 2018).size).toBe(12);
  });

  it('is labelled as demo', () => {
    expect(datasetKind(database.db)).toBe('demo');
    const audit = database.sqlite.prepare('SELECT actor, action, entity FROM audit_log').all();
    expect(audit).toEqual([{ actor: 'Demodata', action: 'load', entity: 'dataset' }]);
    const authors = database.sqlite.prepare('SELECT DISTINCT updated_by FROM statuses').pluck().all();
    expect(authors).toEqual(['Demodata']);
  });

  it('loads the same rows into every database', () => {
    const other = openDatabase(tempDatabasePath());
    loadDemoData(other.db, new Date('2030-01-01T00:00:00Z'));
    const again = openDatabase(tempDatabasePath());
    loadDemoData(again.db, new Date('2030-01-01T00:00:00Z'));
    other.close();
    again.close();
    expect(databaseFingerprint(other.path)).toBe(databaseFingerprint(again.path));
  });
});
