/**
 * The quarter's recruitment numbers while they are entered: per municipality what the server holds
 * and what the user has typed since, and the national sums with those edits counted in. Numbers
 * are checked here before anything is sent; the server's own refusals are attached to the rows.
 */
import { COUNT_MAX } from '../../../../db/domain/limits.ts';
import { MEASURES, type Measure } from '../../../../db/domain/recruitment.ts';
import { ApiError } from '../../lib/api.ts';
import type { Recruitment, RecruitmentBody, RecruitmentRow, RecruitmentTotals, RowProblem } from '../../lib/contract.ts';
import type { QuarterMessageKey } from './messages.ts';
import { errorText } from '../../lib/errors.ts';
import type { QuarterEntry } from './quarter.svelte.ts';
import { recruitmentApi } from './recruitment-api.ts';
import { t, tn } from './texts.ts';

/** Column heading and its explanation, in the order of the columns; a Record so no measure is left out. */
export const MEASURE_TEXTS: Record<Measure, { label: QuarterMessageKey; title: QuarterMessageKey }> = {
  refugeesWaiting: { label: 'measure.refugeesWaiting', title: 'measure.refugeesWaiting.title' },
  volunteersMissing: { label: 'measure.volunteersMissing', title: 'measure.volunteersMissing.title' },
  activeMatches: { label: 'measure.activeMatches', title: 'measure.activeMatches.title' },
  newMatches: { label: 'measure.newMatches', title: 'measure.newMatches.title' },
};
export { MEASURES };

type Parsed = { ok: true; value: number | null } | { ok: false; problem: QuarterMessageKey };

/** Empty is "not reported"; otherwise only digits, as a whole number from 0 to the limit. */
export function parseCount(text: string): Parsed {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };
  if (/^\d+$/.test(trimmed)) {
    const value = Number(trimmed);
    return value <= COUNT_MAX ? { ok: true, value } : { ok: false, problem: 'count.tooLarge' };
  }
  if (/^[-−–]\s*\d/.test(trimmed)) return { ok: false, problem: 'count.negative' };
  if (/^\d*[.,]\d+$/.test(trimmed)) return { ok: false, problem: 'count.decimal' };
  return { ok: false, problem: 'count.notNumber' };
}

/** Why a row cannot be saved; `field` is null when the refusal concerns the whole row. */
export interface CountProblem {
  field: Measure | null;
  message: () => string;
}

export type LineState = 'error' | 'saving' | 'unsaved' | 'reported' | 'empty';

const asText = (value: number | null) => (value === null ? '' : String(value));
const reports = (values: Record<Measure, number | null>) => MEASURES.some((m) => values[m] !== null);

/** One municipality's four numbers. */
export class RecruitmentLine {
  readonly code: string;
  readonly name: string;
  readonly regionCode: string;
  /** False for a consultant outside their own area: the server would refuse the write. */
  readonly mayEdit: boolean;

  stored = $state.raw<RecruitmentRow>(null!);
  /** What the inputs hold, as typed. */
  draft = $state<Record<Measure, string>>({ refugeesWaiting: '', volunteersMissing: '', activeMatches: '', newMatches: '' });
  /** Set once the user has left an edited field or tried to save: from then on the checks run live. */
  checked = $state(false);
  /** What the server said about the last attempt; stands until the next one. */
  refusals = $state.raw<CountProblem[]>([]);
  saving = $state(false);

  constructor(stored: RecruitmentRow, mayEdit: boolean) {
    this.code = stored.code;
    this.name = stored.name;
    this.regionCode = stored.regionCode;
    this.mayEdit = mayEdit;
    this.reset(stored);
  }

  parsed = $derived(Object.fromEntries(MEASURES.map((m) => [m, parseCount(this.draft[m])])) as Record<Measure, Parsed>);

  /** Differs from the stored number: a changed field, or one that holds no valid number. */
  edited = $derived(
    Object.fromEntries(
      MEASURES.map((m) => {
        const parsed = this.parsed[m];
        return [m, !parsed.ok || parsed.value !== this.stored[m]];
      }),
    ) as Record<Measure, boolean>,
  );

  dirty = $derived(MEASURES.some((m) => this.edited[m]));

  /** The page's own checks, one problem per field. */
  invalid = $derived(
    MEASURES.flatMap((m): CountProblem[] => {
      const parsed = this.parsed[m];
      return parsed.ok ? [] : [{ field: m, message: () => t(parsed.problem, { measure: t(MEASURE_TEXTS[m].label) }) }];
    }),
  );

  problems = $derived([...(this.checked ? this.invalid : []), ...this.refusals]);

  /** The numbers as they would be saved now; a field that holds no valid number keeps its stored value. */
  current = $derived(
    Object.fromEntries(
      MEASURES.map((m) => {
        const parsed = this.parsed[m];
        return [m, parsed.ok ? parsed.value : this.stored[m]];
      }),
    ) as Record<Measure, number | null>,
  );

  reported = $derived(reports(this.stored));
  reportsNow = $derived(reports(this.current));

  state = $derived<LineState>(
    this.problems.length > 0
      ? 'error'
      : this.saving
        ? 'saving'
        : this.dirty
          ? 'unsaved'
          : this.reported
            ? 'reported'
            : 'empty',
  );

  /** Takes the stored row as it is, dropping any draft. */
  reset(stored: RecruitmentRow): void {
    this.stored = stored;
    for (const m of MEASURES) this.draft[m] = asText(stored[m]);
    this.checked = false;
    this.refusals = [];
  }

  revert(): void {
    this.reset(this.stored);
  }

  /** Only meaningful when `invalid` is empty. */
  body(): RecruitmentBody {
    return { code: this.code, ...this.current };
  }

  /** The server saved `sent`. Numbers typed while the request was under way stay as a draft. */
  accept(saved: RecruitmentRow, sent: RecruitmentBody): void {
    const untouched = this.invalid.length === 0 && MEASURES.every((m) => this.current[m] === sent[m]);
    if (untouched) this.reset(saved);
    else this.stored = saved;
    this.refusals = [];
  }
}

export class QuarterRecruitment {
  /** The quarter the lines belong to. */
  code = $state<string | null>(null);
  lines = $state.raw<RecruitmentLine[]>([]);
  /** The national sums as stored. */
  storedTotals = $state.raw<RecruitmentTotals | null>(null);
  loading = $state(false);
  /** A failure that concerns the page, not one row. */
  error = $state<string | null>(null);
  busy = $state(false);
  #status = $state.raw<() => string>(() => '');
  get status(): string {
    return this.#status();
  }

  byCode = $derived(new Map(this.lines.map((line) => [line.code, line])));
  unsaved = $derived(this.lines.filter((line) => line.dirty));

  /** The national sums with the unsaved edits counted in: the stored sums plus each edit's difference. */
  totals = $derived.by((): RecruitmentTotals | null => {
    const stored = this.storedTotals;
    if (!stored) return null;
    const live = { ...stored };
    for (const line of this.unsaved) {
      for (const m of MEASURES) live[m] += (line.current[m] ?? 0) - (line.stored[m] ?? 0);
      live.reporting += Number(line.reportsNow) - Number(line.reported);
    }
    return live;
  });

  readonly #entry: QuarterEntry;
  #ticket = 0;

  /** Reads the quarter's state and the consultant's area from the category entry of the same page. */
  constructor(entry: QuarterEntry) {
    this.#entry = entry;
  }

  async load(code: string): Promise<void> {
    const ticket = ++this.#ticket;
    if (code !== this.code) {
      // Drafts of another quarter are gone: the user has already agreed to leave them.
      this.code = null;
      this.lines = [];
      this.storedTotals = null;
    }
    this.loading = true;
    this.error = null;
    try {
      const answer = await recruitmentApi.load(code);
      if (ticket !== this.#ticket) return;
      const own = this.#entry.own;
      this.code = code;
      this.lines = answer.rows.map((row) => new RecruitmentLine(row, own?.has(row.code) ?? true));
      this.storedTotals = answer.totals;
      this.#status = () => '';
    } catch (error) {
      if (ticket === this.#ticket) this.error = errorText(error);
    } finally {
      if (ticket === this.#ticket) this.loading = false;
    }
  }

  /** Saves one row. False when it was not saved; its `problems` then say why. */
  async saveOne(line: RecruitmentLine): Promise<boolean> {
    if (!this.code || line.saving || this.busy) return false;
    line.checked = true;
    line.refusals = [];
    if (line.invalid.length > 0) {
      this.#status = () => t('status.notSent', { n: 1 });
      return false;
    }
    if (!line.dirty) {
      this.#status = () => t('status.nothingToSave', { name: line.name });
      return true;
    }
    const saved = await this.#send([line]);
    if (saved) this.#status = () => t('status.recruitmentSavedOne', { name: line.name });
    return saved;
  }

  /**
   * Sends every changed row that passes the checks, in one request. Rows with a mistake stay as
   * drafts with the mistake shown; they are returned so the page can move focus to the first.
   */
  async saveAll(): Promise<RecruitmentLine[]> {
    if (this.busy) return [];
    const candidates = this.unsaved.filter((line) => !line.saving);
    const invalid: RecruitmentLine[] = [];
    const valid: RecruitmentLine[] = [];
    for (const line of candidates) {
      line.checked = true;
      line.refusals = [];
      (line.invalid.length > 0 ? invalid : valid).push(line);
    }
    if (valid.length === 0) {
      if (invalid.length > 0) this.#status = () => t('status.notSent', { n: invalid.length });
      return invalid;
    }
    this.busy = true;
    try {
      if (await this.#send(valid)) {
        this.#status = () =>
          [tn('status.recruitmentSavedMany', valid.length), invalid.length > 0 ? t('status.notSaved', { n: invalid.length }) : '']
            .filter(Boolean)
            .join(' ');
      }
    } finally {
      this.busy = false;
    }
    return invalid;
  }

  revert(line: RecruitmentLine): void {
    line.revert();
    this.#status = () => t('status.recruitmentReverted', { name: line.name });
  }

  async #send(lines: RecruitmentLine[]): Promise<boolean> {
    const code = this.code!;
    const sent = lines.map((line) => line.body());
    for (const line of lines) line.saving = true;
    try {
      const answer = await recruitmentApi.save(code, sent);
      if (this.code === code) this.#accept(answer, sent);
      return true;
    } catch (error) {
      this.#refused(error, lines);
      return false;
    } finally {
      for (const line of lines) line.saving = false;
    }
  }

  /** The server answers with every row: rows edited meanwhile keep their draft on top of it. */
  #accept(answer: Recruitment, sent: RecruitmentBody[]): void {
    const bodies = new Map(sent.map((body) => [body.code, body]));
    for (const row of answer.rows) {
      const line = this.byCode.get(row.code);
      const body = bodies.get(row.code);
      if (!line) continue;
      if (body) line.accept(row, body);
      else if (line.dirty) line.stored = row;
      else line.reset(row);
    }
    this.storedTotals = answer.totals;
  }

  /** Attaches a refusal to the rows it concerns; `sent` is in request order (the server's `row` is 1-based). */
  #refused(error: unknown, sent: RecruitmentLine[]): void {
    const problems = error instanceof ApiError ? (error.body?.errors as RowProblem[] | undefined) : undefined;
    if (problems?.length) {
      for (const problem of problems) {
        const line = (problem.code && this.byCode.get(problem.code)) || sent[problem.row - 1];
        if (!line) continue;
        const field = MEASURES.find((m) => m === problem.field) ?? null;
        line.refusals = [...line.refusals, { field, message: () => problem.message }];
      }
      this.#status = () => t('status.allInvalid', { n: problems.length });
    } else if (error instanceof ApiError && error.status === 409) {
      // The quarter was finalised meanwhile: show it as it now is.
      this.error = errorText(error);
      this.#status = () => t('status.recruitmentNotSaved');
      void this.#entry.loadQuarters().catch((failure: unknown) => (this.error = errorText(failure)));
    } else if (sent.length === 1) {
      sent[0].refusals = [{ field: null, message: () => errorText(error) }];
      this.#status = () => t('status.recruitmentNotSaved');
    } else {
      this.error = errorText(error);
      this.#status = () => t('status.recruitmentNotSaved');
    }
  }
}
