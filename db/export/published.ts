/**
 * Published quarters as open data in CSV (db/queries/publications.ts): the same snapshot the JSON
 * answers give, for Danish Excel like every export (db/export/csv.ts). Reason codes, never texts.
 */
import { CATEGORY_WORD_DA, NOT_ASSESSED_DA } from '../domain/category.ts';
import type { PublishedQuarter } from '../queries/publications.ts';
import { toCsv } from './csv.ts';

const MUNICIPALITY_COLUMNS = ['kvartal', 'kommunekode', 'kommune', 'regionskode', 'kategori', 'kategori_tekst', 'årsag', '0-kvote', 'aftaler'];
const COUNT_COLUMNS = ['kvartal', 'grøn', 'gul', 'rød', 'ikke_vurderet', 'med_tilbud', '0-kvote', 'offentliggjort'];

/** One row per municipality: its category, the reason code of a change, zero quota and agreements. */
export function publishedMunicipalitiesCsv(published: PublishedQuarter): Buffer {
  return toCsv(
    MUNICIPALITY_COLUMNS,
    published.municipalities.map((m) => [
      published.quarter,
      m.code,
      m.name,
      m.regionCode,
      m.category ?? '',
      m.category === null ? NOT_ASSESSED_DA : CATEGORY_WORD_DA[m.category],
      m.reason ?? '',
      m.zeroQuota ? 'ja' : 'nej',
      m.agreements.join(' '),
    ]),
  );
}

/** One row per published quarter: the counts per category. */
export function publishedCountsCsv(list: readonly Pick<PublishedQuarter, 'quarter' | 'counts' | 'municipalitiesWithOffer' | 'zeroQuota' | 'publishedAt'>[]): Buffer {
  return toCsv(
    COUNT_COLUMNS,
    list.map((q) => [q.quarter, q.counts.green, q.counts.yellow, q.counts.red, q.counts.notAssessed, q.municipalitiesWithOffer, q.zeroQuota, q.publishedAt]),
  );
}
