/**
 * One municipality's row while a quarter is entered: what the server holds (`stored`), what the
 * user has typed since (the draft fields), and what stands in the way of saving it.
 */
import type { Category } from '../../../../db/domain/category.ts';
import type { Reason } from '../../../../db/domain/reason.ts';
import type { MunicipalityStatus, StatusBody } from '../../lib/contract.ts';
import { categoryName } from '../../lib/categories.ts';
import { i18n } from '../../lib/i18n.svelte.ts';
import { t } from './texts.ts';

export type Field = 'category' | 'reason' | 'reasonText' | 'note';

/** Why a row cannot be saved. `message` is a function so the text follows a change of language. */
export interface Problem {
  field: Field;
  message: () => string;
  /** Said by the server, rather than found by the checks on this page. */
  server?: boolean;
}

export type RowState = 'conflict' | 'error' | 'saving' | 'unsaved' | 'carried' | 'missing' | 'saved';

/** "Nothing chosen yet" (undefined) only exists for a municipality that has no row this quarter. */
export type Choice = Category | null | undefined;

function clean(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}

function initialChoice(stored: MunicipalityStatus): Choice {
  return stored.version === 0 ? undefined : stored.category;
}

export class Entry {
  readonly code: string;
  readonly name: string;
  readonly regionCode: string;
  readonly zeroQuota: boolean;
  /** The previous quarter's category; undefined when there is no previous quarter at all. */
  readonly previous: Choice;
  /** False for a consultant outside their own area: the server would refuse the write. */
  readonly mayEdit: boolean;

  stored = $state.raw<MunicipalityStatus>(null!);
  category = $state<Choice>(undefined);
  reason = $state<Reason | ''>('');
  reasonText = $state('');
  note = $state('');
  /** Why the last attempt to save was refused; cleared by a save or a revert. */
  refusal = $state.raw<Problem | null>(null);
  /** The row as someone else saved it after this one was loaded. */
  conflict = $state.raw<MunicipalityStatus | null>(null);
  saving = $state(false);

  constructor(stored: MunicipalityStatus, previous: Choice, mayEdit: boolean) {
    this.code = stored.code;
    this.name = stored.name;
    this.regionCode = stored.regionCode;
    this.zeroQuota = stored.zeroQuota;
    this.previous = previous;
    this.mayEdit = mayEdit;
    this.reset(stored);
  }

  dirty = $derived(
    this.category !== initialChoice(this.stored) ||
      (this.reason || null) !== this.stored.reason ||
      clean(this.reasonText) !== this.stored.reasonText ||
      clean(this.note) !== this.stored.note,
  );

  /** Differs from the previous quarter: these rows are the ones that need a second look. */
  changed = $derived.by(() => this.previous !== undefined && this.category !== undefined && this.category !== this.previous);

  /** The server's rule: a move between two categories needs a reason. */
  reasonRequired = $derived.by(() => this.previous != null && this.category != null && this.category !== this.previous);

  textRequired = $derived(this.category === null || this.reason === 'other');

  /**
   * What is wrong now. After a refused attempt the page's own checks run live, so the message goes
   * as soon as the user has fixed the row; the server's word stands until the next save.
   */
  problem = $derived(this.refusal && (this.refusal.server ? this.refusal : this.validate()));

  /**
   * A stored value is never hidden, even where the field would not be asked for; nor is the field
   * the server asks for (its previous quarter may have changed since this page loaded).
   */
  showReason = $derived(this.changed || this.category === null || this.reason !== '' || this.problem?.field === 'reason');
  showText = $derived(this.textRequired || this.reasonText !== '');

  /** Counts as assessed for the quarter (the same rule the server applies when finalising). */
  settled = $derived(
    this.stored.version > 0 && !this.stored.carriedOver && (this.stored.category !== null || this.stored.reasonText !== null),
  );

  /** A carried-over draft nobody has touched, still equal to last quarter: confirming it is safe in bulk. */
  confirmable = $derived.by(
    () =>
      this.mayEdit &&
      this.stored.carriedOver &&
      !this.dirty &&
      !this.conflict &&
      !this.saving &&
      this.stored.category === this.previous,
  );

  state = $derived<RowState>(
    this.conflict
      ? 'conflict'
      : this.problem
        ? 'error'
        : this.saving
          ? 'saving'
          : this.dirty
            ? 'unsaved'
            : this.stored.carriedOver
              ? 'carried'
              : this.stored.version === 0
                ? 'missing'
                : 'saved',
  );

  /** Takes the stored row as it is, dropping any draft. */
  reset(stored: MunicipalityStatus): void {
    this.stored = stored;
    this.category = initialChoice(stored);
    this.reason = (stored.reason as Reason | null) ?? '';
    this.reasonText = stored.reasonText ?? '';
    this.note = stored.note ?? '';
    this.refusal = null;
  }

  revert(): void {
    this.reset(this.stored);
  }

  /** The client-side form of the server's rules, so most mistakes are caught before a request. */
  validate(): Problem | null {
    const category = this.category;
    if (category === undefined) return { field: 'category', message: () => t('problem.category') };
    if (category === null && !clean(this.reasonText)) return { field: 'reasonText', message: () => t('problem.notAssessedText') };
    if (this.reasonRequired && !this.reason) {
      const from = this.previous as Category;
      return {
        field: 'reason',
        message: () => t('problem.reason', { from: i18n.t(categoryName(from)), to: i18n.t(categoryName(category)) }),
      };
    }
    if (this.reason === 'other' && !clean(this.reasonText)) return { field: 'reasonText', message: () => t('problem.otherText') };
    return null;
  }

  body(): Required<StatusBody> {
    return {
      category: this.category ?? null,
      reason: this.reason || null,
      reasonText: clean(this.reasonText),
      note: clean(this.note),
      version: this.stored.version,
    };
  }

  /**
   * The server saved `sent`. Edits typed while the request was under way are kept as a new draft
   * on top of the saved row rather than thrown away.
   */
  accept(saved: MunicipalityStatus, sent: StatusBody): void {
    const now = this.body();
    const untouched =
      now.category === sent.category && now.reason === sent.reason && now.reasonText === sent.reasonText && now.note === sent.note;
    if (untouched) this.reset(saved);
    else this.stored = saved;
    this.refusal = null;
    this.conflict = null;
  }
}

/** What each row of the entry grid may do: handed from the page through EntryTable to every EntryRow. */
export interface EntryRowActions {
  editable: boolean;
  hasPrevious: boolean;
  onsave: (entry: Entry) => void;
  onkeep: (entry: Entry) => void;
  ontake: (entry: Entry) => void;
}
