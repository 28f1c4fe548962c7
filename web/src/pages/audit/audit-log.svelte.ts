/**
 * The audit log page's state: the rows of the current view (filters and page, read from the URL
 * so a copied link or Back reopens the same rows), the filters' choices, and the rows opened to
 * show their old and new values.
 */
import { SvelteSet } from 'svelte/reactivity';
import { normaliseMunicipalityCode } from '../../../../db/domain/municipality-code.ts';
import { normaliseQuarterCode } from '../../../../db/domain/quarter.ts';
import { api } from '../../lib/api.ts';
import type { Account, AuditRow, Municipality, Quarter } from '../../lib/contract.ts';
import { errorText } from '../../lib/errors.ts';
import { auditApi, FILTER_KEYS, type AuditFilter } from './audit-api.ts';

export const PAGE_SIZE = 50;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface AuditView {
  filter: AuditFilter;
  page: number;
}

/** The view a query string asks for; anything malformed is left out rather than sent. */
export function readView(search: string): AuditView {
  const query = new URLSearchParams(search);
  const user = query.get('user') ?? '';
  const from = query.get('from') ?? '';
  const to = query.get('to') ?? '';
  return {
    filter: {
      user: /^\d+$/.test(user) ? user : '',
      municipality: normaliseMunicipalityCode(query.get('municipality') ?? '') ?? '',
      quarter: normaliseQuarterCode(query.get('quarter') ?? '') ?? '',
      from: ISO_DATE.test(from) ? from : '',
      to: ISO_DATE.test(to) ? to : '',
    },
    page: Math.max(1, Number.parseInt(query.get('page') ?? '1', 10) || 1),
  };
}

/** The query string of a view; the language is kept. */
export function viewQuery({ filter, page }: AuditView, language: string): string {
  const query = new URLSearchParams();
  for (const key of FILTER_KEYS) if (filter[key]) query.set(key, filter[key]);
  if (page > 1) query.set('page', String(page));
  if (language !== 'da') query.set('lang', language);
  const search = query.toString();
  return search ? `?${search}` : '';
}

export class AuditLog {
  users = $state<Account[]>([]);
  municipalities = $state<Municipality[]>([]);
  quarters = $state<Quarter[]>([]);
  choicesError = $state<string | null>(null);
  rows = $state<AuditRow[]>([]);
  total = $state(0);
  loading = $state(true);
  error = $state<string | null>(null);
  readonly expanded = new SvelteSet<number>();
  #ticket = 0;

  pages = $derived(Math.max(1, Math.ceil(this.total / PAGE_SIZE)));
  municipalityNames = $derived(new Map(this.municipalities.map((m) => [m.code, m.name])));
  usersById = $derived(new Map(this.users.map((u) => [u.id, u])));

  /** The filters' choices; the log itself loads without them. */
  async loadChoices(): Promise<void> {
    this.choicesError = null;
    try {
      [this.users, this.municipalities, this.quarters] = await Promise.all([auditApi.users(), auditApi.municipalities(), api.quarters()]);
    } catch (failure) {
      this.choicesError = errorText(failure);
    }
  }

  /** Loads a view's rows; a slower answer for a view the user has already left is dropped. */
  async load({ filter, page }: AuditView): Promise<void> {
    const ticket = ++this.#ticket;
    this.loading = true;
    this.error = null;
    try {
      const answer = await auditApi.list(filter, PAGE_SIZE, (page - 1) * PAGE_SIZE);
      if (ticket !== this.#ticket) return;
      this.rows = answer.rows;
      this.total = answer.total;
      this.expanded.clear();
    } catch (failure) {
      if (ticket === this.#ticket) this.error = errorText(failure);
    } finally {
      if (ticket === this.#ticket) this.loading = false;
    }
  }

  toggle(id: number): void {
    if (this.expanded.has(id)) this.expanded.delete(id);
    else this.expanded.add(id);
  }
}
