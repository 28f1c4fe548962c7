/**
 * The state of the quarter entry page: the quarter list, the 98 rows of the chosen quarter, and
 * every write (row, bulk, confirm, open, finalise, reopen). A refused write never loses the
 * user's draft: errors and conflicts are attached to the rows they concern.
 */
import type { Category } from '../../../../db/domain/category.ts';
import { previousQuarter } from '../../../../db/domain/quarter.ts';
import { api, ApiError } from '../../lib/api.ts';
import { errorText } from '../../lib/errors.ts';
import type { Meta, Quarter, RowProblem, StatusBody } from '../../lib/contract.ts';
import { i18n } from '../../lib/i18n.svelte.ts';
import { session } from '../../lib/session.svelte.ts';
import { Entry, type Choice } from './entry.svelte.ts';
import { entryApi, type StatusConflict, type Unsettled } from './entry-api.ts';
import { t, tn } from './texts.ts';

export type Busy = 'saveAll' | 'confirm' | 'finalise' | 'reopen' | 'open';

export class QuarterEntry {
  meta = $state.raw<Meta | null>(null);
  quarters = $state.raw<Quarter[]>([]);
  code = $state<string | null>(null);
  entries = $state.raw<Entry[]>([]);
  loading = $state(true);
  /** A failure that concerns the page, not one row. */
  error = $state<string | null>(null);
  busy = $state<Busy | null>(null);
  /** The outcome of the latest write, announced politely; a function so it follows the language. */
  #status = $state.raw<() => string>(() => '');
  get status(): string {
    return this.#status();
  }
  finalisedBy = $state<string | null>(null);
  /** A consultant's own municipalities; null for an administrator, who may change them all. */
  own = $state.raw<Set<string> | null>(null);

  quarter = $derived(this.quarters.find((q) => q.code === this.code) ?? null);
  newest = $derived(this.quarters.at(-1) ?? null);
  editable = $derived(this.quarter?.state === 'open' && session.canEdit);
  hasPrevious = $derived(this.quarter !== null && this.quarters.some((q) => q.code === previousQuarter(this.quarter!.code)));
  settledCount = $derived(this.entries.filter((e) => e.settled).length);
  unsettled = $derived(this.entries.filter((e) => !e.settled));
  unsaved = $derived(this.entries.filter((e) => e.dirty));
  confirmable = $derived(this.entries.filter((e) => e.confirmable));
  byCode = $derived(new Map(this.entries.map((e) => [e.code, e])));

  /** Categories as stored, for the summary shown before finalising. */
  counts = $derived.by(() => {
    const counts = { green: 0, yellow: 0, red: 0, none: 0 };
    for (const entry of this.entries) {
      const category = entry.stored.category;
      if (category === 1) counts.green++;
      else if (category === 2) counts.yellow++;
      else if (category === 3) counts.red++;
      else counts.none++;
    }
    return counts;
  });

  #loading = 0;

  async loadQuarters(): Promise<void> {
    this.quarters = await entryApi.quarters();
  }

  /** For /quarters without a code: the newest quarter, or null when there is none yet. */
  async findNewest(): Promise<string | null> {
    this.loading = true;
    this.error = null;
    try {
      await this.loadQuarters();
      return this.newest?.code ?? null;
    } catch (error) {
      this.error = errorText(error);
      return null;
    } finally {
      this.loading = false;
    }
  }

  /**
   * Loads a quarter's rows and the previous quarter's categories beside them. The code, list and
   * rows change together, so the rows on screen always belong to the quarter named above them.
   */
  async load(code: string): Promise<void> {
    const ticket = ++this.#loading;
    this.loading = true;
    this.error = null;
    try {
      const user = session.user;
      const [meta, quarters, own] = await Promise.all([
        this.meta ?? api.meta(),
        entryApi.quarters(),
        user?.role === 'consultant' ? entryApi.ownMunicipalities(user.id) : null,
      ]);
      const quarter = quarters.find((q) => q.code === code);
      const previousCode = quarter ? previousQuarter(code) : null;
      const hasPrevious = quarters.some((q) => q.code === previousCode);
      const [rows, previousRows] = quarter
        ? await Promise.all([api.statuses(code), hasPrevious ? api.statuses(previousCode!) : Promise.resolve(null)])
        : [[], null];
      if (ticket !== this.#loading) return;
      const previous = new Map<string, Category | null>(previousRows?.map((row) => [row.code, row.category]));
      this.meta = meta;
      this.quarters = quarters;
      this.own = own;
      this.code = code;
      this.entries = rows.map(
        (row) => new Entry(row, previousRows ? (previous.get(row.code) ?? null) : (undefined as Choice), own?.has(row.code) ?? true),
      );
      this.#status = () => '';
      this.finalisedBy = null;
      if (quarter?.state === 'final') void this.#loadFinalisedBy(code);
    } catch (error) {
      if (ticket === this.#loading) this.error = errorText(error);
    } finally {
      if (ticket === this.#loading) this.loading = false;
    }
  }

  async #loadFinalisedBy(code: string): Promise<void> {
    if (!session.isAdmin) return;
    // Who finalised it is a courtesy: without it the notice says when, not who.
    const who = await entryApi.finalisedBy(code).catch(() => null);
    if (this.code === code) this.finalisedBy = who;
  }

  /**
   * Saves one row; a carried-over row without edits is confirmed. False when it was not saved; the
   * row's `problem` then says why, so the caller can move focus to the field concerned.
   */
  async saveOne(entry: Entry): Promise<boolean> {
    if (!this.code || entry.saving) return false;
    entry.refusal = entry.validate();
    if (entry.refusal) return false;
    if (!entry.dirty && !entry.stored.carriedOver) {
      this.#status = () => t('status.nothingToSave', { name: entry.name });
      return true;
    }
    const sent = entry.body();
    entry.saving = true;
    try {
      entry.accept(await entryApi.saveOne(this.code, entry.code, sent), sent);
      this.#status = () => t('status.savedOne', { name: entry.name });
      return true;
    } catch (error) {
      this.#refused(error, [entry]);
      return false;
    } finally {
      entry.saving = false;
    }
  }

  /**
   * Sends every unsaved row that passes the checks in one transaction. Rows with a problem stay as
   * drafts with the problem shown; rows in conflict wait for the user's choice.
   */
  async saveAll(): Promise<Entry[]> {
    const candidates = this.unsaved.filter((e) => !e.conflict && !e.saving);
    const skipped = this.unsaved.length - candidates.length;
    const invalid: Entry[] = [];
    const valid: Entry[] = [];
    for (const entry of candidates) {
      entry.refusal = entry.validate();
      (entry.refusal ? invalid : valid).push(entry);
    }
    if (valid.length === 0) {
      if (invalid.length > 0) this.#status = () => t('status.allInvalid', { n: invalid.length });
      return invalid;
    }
    const saved = await this.#bulk('saveAll', valid);
    if (saved !== null) {
      this.#status = () =>
        [
          tn('status.savedMany', saved),
          invalid.length > 0 ? t('status.notSaved', { n: invalid.length }) : '',
          skipped > 0 ? tn('status.skippedConflicts', skipped) : '',
        ]
          .filter(Boolean)
          .join(' ');
    }
    return invalid;
  }

  async confirmUnchanged(): Promise<void> {
    const entries = this.confirmable;
    if (entries.length === 0) return;
    const saved = await this.#bulk('confirm', entries);
    if (saved !== null) this.#status = () => tn('status.confirmed', saved);
  }

  /** One bulk request; returns how many rows the server wrote, or null when it refused. */
  async #bulk(kind: Busy, entries: Entry[]): Promise<number | null> {
    if (!this.code || this.busy) return null;
    const sent = new Map<string, StatusBody>(entries.map((e) => [e.code, e.body()]));
    this.busy = kind;
    for (const entry of entries) entry.saving = true;
    try {
      const result = await entryApi.saveMany(
        this.code,
        entries.map((e) => ({ code: e.code, ...sent.get(e.code)! })),
      );
      for (const row of result.rows) this.byCode.get(row.code)?.accept(row, sent.get(row.code)!);
      return result.saved.length;
    } catch (error) {
      this.#refused(error, entries);
      return null;
    } finally {
      for (const entry of entries) entry.saving = false;
      this.busy = null;
    }
  }

  /** Attaches a refusal to the rows it concerns; `sent` is in request order (the server's `row` is 1-based). */
  #refused(error: unknown, sent: Entry[]): void {
    const body = error instanceof ApiError ? error.body : null;
    const problems = body?.errors as RowProblem[] | undefined;
    const conflicts = body?.conflicts as StatusConflict[] | undefined;
    if (problems?.length) {
      for (const problem of problems) {
        const entry = (problem.code && this.byCode.get(problem.code)) || sent[problem.row - 1];
        if (!entry) continue;
        const field = (['category', 'reason', 'reasonText', 'note'] as const).find((f) => f === problem.field) ?? 'category';
        entry.refusal = { field, message: () => problem.message, server: true };
      }
      this.#status = () => t('status.allInvalid', { n: problems.length });
    } else if (conflicts?.length) {
      for (const conflict of conflicts) {
        const entry = this.byCode.get(conflict.code);
        if (entry) entry.conflict = conflict.current;
      }
      this.#status = () => tn('status.conflicts', conflicts.length);
    } else if (error instanceof ApiError && error.status === 409) {
      // A 409 without conflicts means the quarter was finalised meanwhile: show it as it now is.
      this.error = errorText(error);
      void this.loadQuarters().catch((failure: unknown) => (this.error = errorText(failure)));
    } else if (sent.length === 1) {
      sent[0].refusal = { field: 'category', message: () => errorText(error), server: true };
    } else {
      this.error = errorText(error);
    }
  }

  /** Keeps the user's draft, resending it on top of the other person's version. */
  async keepMine(entry: Entry): Promise<void> {
    const theirs = entry.conflict;
    if (!theirs) return;
    entry.stored = theirs;
    entry.conflict = null;
    if (entry.dirty) await this.saveOne(entry);
  }

  takeTheirs(entry: Entry): void {
    const theirs = entry.conflict;
    if (!theirs) return;
    entry.reset(theirs);
    entry.conflict = null;
  }

  async openNext(first?: string, deadline?: string): Promise<string> {
    this.busy = 'open';
    try {
      const opened = await entryApi.openNext(first, deadline);
      await this.loadQuarters();
      this.#status = () => t('status.opened', { quarter: i18n.quarter(opened.code), n: opened.carriedOver });
      return opened.code;
    } finally {
      this.busy = null;
    }
  }

  /** Finalises, or returns the municipalities the server says are not settled. */
  async finalise(): Promise<Unsettled[] | null> {
    const code = this.code;
    if (!code) return null;
    this.busy = 'finalise';
    try {
      await entryApi.finalise(code);
      await this.loadQuarters();
      this.finalisedBy = session.user?.name ?? null;
      this.#status = () => t('status.finalised', { quarter: i18n.quarter(code) });
      return null;
    } catch (error) {
      const unsettled = error instanceof ApiError ? (error.body?.unsettled as Unsettled[] | undefined) : undefined;
      if (unsettled?.length) return unsettled;
      throw error;
    } finally {
      this.busy = null;
    }
  }

  async reopen(reason: string): Promise<void> {
    const code = this.code;
    if (!code) return;
    this.busy = 'reopen';
    try {
      await entryApi.reopen(code, reason);
      await this.loadQuarters();
      this.finalisedBy = null;
      this.#status = () => t('status.reopened', { quarter: i18n.quarter(code) });
    } finally {
      this.busy = null;
    }
  }
}
