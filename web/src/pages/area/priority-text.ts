/**
 * The priority list in words: each reason as a plain sentence, and the list as a CSV file. The
 * screen and the file use the same sentences, so an exported list reads like the page.
 */
import { categoryName } from '../../lib/categories.ts';
import { i18n, translator } from '../../lib/i18n.svelte.ts';
import type { PriorityReason, PriorityRow } from '../../lib/contract.ts';
import { MESSAGES } from './messages.ts';

const t = translator(MESSAGES);

export function reasonText(reason: PriorityReason): string {
  const detail = reason.detail ?? {};
  switch (reason.rule) {
    case 'unstable':
      return t('reason.unstable', { changes: i18n.number(detail.changes ?? 2) });
    case 'longYellow':
      return t('reason.longYellow', { quarters: i18n.number(detail.quarters ?? 4) });
    case 'volunteersMissing':
      return detail.volunteers === 1 ? t('reason.volunteersMissingOne') : t('reason.volunteersMissing', { volunteers: i18n.number(detail.volunteers ?? 0) });
    default:
      return t(`reason.${reason.rule}`);
  }
}

/** Danish headers, as the organisation's other CSV files; the texts follow the chosen language. */
export function priorityCsv(rows: PriorityRow[]): (string | number | null)[][] {
  return [
    ['rang', 'kommunekode', 'kommune', 'område', 'kategori', 'kategori_tekst', 'point', 'mangler_frivillige', 'begrundelser'],
    ...rows.map((row, i) => [
      i + 1,
      row.code,
      row.name,
      row.areaName,
      row.category,
      i18n.t(categoryName(row.category)),
      row.score,
      row.volunteersMissing,
      row.reasons.map((reason) => `${reasonText(reason)} (+${reason.points})`).join(', '),
    ]),
  ];
}

/** "Sjælland" → "sjaelland", for file names that survive any file system. */
export function slug(text: string): string {
  return text
    .toLocaleLowerCase('da')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
