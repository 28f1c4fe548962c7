/**
 * The credit of the boundaries the map is drawn from, as the geometry file itself names them
 * (its `vv.sourceLabel`), so the footer and every figure credit whichever map the server serves.
 */
import { i18n } from '../i18n.svelte.ts';

class MapCredit {
  /** Null until a page has loaded the map: a page without a map owes it no credit. */
  label = $state<string | null>(null);
}

export const mapCredit = new MapCredit();

/** "Kort: <label>." The label is the licensor's wording, so it is shown as it is in both languages. */
export function mapCreditLine(label: string): string {
  return i18n.t('app.mapSource', { label: label.trim().replace(/\.$/, '') });
}
