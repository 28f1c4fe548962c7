/** What an embed page reads: published snapshots only (open data), and the map's geometry. */
import { get } from '../lib/api.ts';
import type { PublishedEntry, PublishedQuarter } from '../lib/contract.ts';
import type { EmbedView } from '../lib/embed-code.ts';
import { loadMapGeometry, type MapGeometry } from '../lib/map/geometry.ts';

export type EmbedData =
  | { kind: 'map'; geometry: MapGeometry; published: PublishedQuarter }
  | { kind: 'compare'; geometry: MapGeometry; from: PublishedQuarter; to: PublishedQuarter }
  | { kind: 'trend'; entries: PublishedEntry[] };

const published = (quarter: string) => get<PublishedQuarter>(`/api/published/${encodeURIComponent(quarter)}`);

export async function loadEmbed(view: EmbedView): Promise<EmbedData> {
  if (view.kind === 'trend') return { kind: 'trend', entries: await get<PublishedEntry[]>('/api/published') };
  if (view.kind === 'map') {
    const [geometry, quarter] = await Promise.all([loadMapGeometry(), published(view.quarter)]);
    return { kind: 'map', geometry, published: quarter };
  }
  const [geometry, from, to] = await Promise.all([loadMapGeometry(), published(view.from), published(view.to)]);
  return { kind: 'compare', geometry, from, to };
}
