/**
 * The priority page's state (/area): which area and quarter are shown (from the URL, so a copied
 * link opens the same list; a consultant chooses among their own areas), and that choice's
 * priority list, statuses, recruitment numbers and support activities.
 */
import { api } from '../../lib/api.ts';
import type { Activity, Area, Meta, MunicipalityStatus, PriorityRow, Quarter, Recruitment } from '../../lib/contract.ts';
import { errorText } from '../../lib/errors.ts';
import { loadMapGeometry, type MapGeometry } from '../../lib/map/geometry.ts';
import { session } from '../../lib/session.svelte.ts';
import { areasOf, consultantApi } from './consultant-api.ts';

/** How many municipalities "Fremhæv prioriterede" marks: a consultant can visit about this many in a quarter. */
export const TOP = 5;

export interface Shown {
  key: string;
  area: Area | null;
  quarter: string;
  rows: PriorityRow[];
  statuses: MunicipalityStatus[];
  recruitment: Recruitment;
  activities: Activity[];
}

export class PriorityBoard {
  quarters = $state<Quarter[] | null>(null);
  areas = $state<Area[] | null>(null);
  meta = $state<Meta | null>(null);
  geometry = $state<MapGeometry | null>(null);
  startError = $state<string | null>(null);
  /** What is on screen; it stays while the next choice loads, so the page does not flash. */
  shown = $state<Shown | null>(null);
  loadError = $state<string | null>(null);
  highlight = $state(true);
  /** The URL's query, which holds the choice. */
  search = $state('');

  isConsultant = $derived(session.user?.role === 'consultant');

  /** A consultant chooses among their own areas; everyone else among all areas and the whole country. */
  choices = $derived.by(() => {
    if (!this.areas) return [];
    const list = this.isConsultant && session.user ? areasOf(this.areas, session.user.id) : this.areas;
    return [...list].sort((a, b) => a.name.localeCompare(b.name, 'da'));
  });

  area = $derived.by((): Area | null => {
    const wanted = Number(new URLSearchParams(this.search).get('area'));
    return this.choices.find((a) => a.id === wanted) ?? (this.isConsultant ? (this.choices[0] ?? null) : null);
  });

  quarter = $derived.by(() => {
    if (!this.quarters || this.quarters.length === 0) return null;
    const wanted = this.quarters.find((q) => q.code === new URLSearchParams(this.search).get('quarter'));
    return (wanted ?? this.quarters.findLast((q) => q.state === 'final') ?? this.quarters.at(-1)!).code;
  });

  noArea = $derived(this.isConsultant && this.areas !== null && this.choices.length === 0);
  key = $derived(this.quarter ? `${this.quarter}:${this.area?.id ?? 'all'}` : null);
  busy = $derived(this.shown !== null && this.shown.key !== this.key);

  #inArea = $derived(new Set(this.shown?.rows.map((r) => r.code) ?? []));
  topCodes = $derived(this.shown ? this.shown.rows.filter((r) => r.score > 0).slice(0, TOP).map((r) => r.code) : []);
  highlighted = $derived(new Set(this.highlight ? this.topCodes : []));

  figures = $derived.by(() => {
    if (!this.shown) return null;
    const recruitment = this.shown.recruitment.rows.filter((r) => this.#inArea.has(r.code));
    const activities = this.shown.activities.filter((a) => this.#inArea.has(a.municipalityCode));
    return {
      categories: this.shown.rows.map((r) => r.category),
      volunteersMissing: recruitment.reduce((sum, r) => sum + (r.volunteersMissing ?? 0), 0),
      reporting: recruitment.filter((r) => r.volunteersMissing !== null).length,
      activities: activities.length,
      supported: new Set(activities.map((a) => a.municipalityCode)).size,
    };
  });

  async start(): Promise<void> {
    this.startError = null;
    try {
      [this.quarters, this.areas, this.meta] = await Promise.all([api.quarters(), consultantApi.areas(), api.meta()]);
      this.geometry ??= await loadMapGeometry();
    } catch (failure) {
      this.startError = errorText(failure);
    }
  }

  /** Loads the current choice; an answer for a choice the user has already left is dropped. */
  async load(): Promise<void> {
    const { key, quarter, area } = this;
    if (!key || !quarter || this.noArea) return;
    this.loadError = null;
    try {
      const [rows, statuses, recruitment, activities] = await Promise.all([
        consultantApi.priorities(quarter, area?.id),
        api.statuses(quarter),
        consultantApi.recruitment(quarter),
        consultantApi.activities({ quarter }),
      ]);
      if (key === this.key) this.shown = { key, area, quarter, rows, statuses, recruitment, activities };
    } catch (failure) {
      if (key === this.key) this.loadError = errorText(failure);
    }
  }
}
