/**
 * An import of a history file, step by step: choose the file (and, optionally, the one quarter it
 * is for), check it (the server answers with the changes it would make, and writes nothing), then
 * commit exactly that file; or see why it was refused.
 */
import { MAX_FILE_BYTES } from '../../../../db/domain/limits.ts';
import { api, ApiError } from '../../lib/api.ts';
import type { ImportPreview, ImportResult, Quarter, RowProblem } from '../../lib/contract.ts';
import { errorText } from '../../lib/errors.ts';
import { translator } from '../../lib/i18n.svelte.ts';
import { MESSAGES } from './messages.ts';
import { transferApi } from './transfer-api.ts';

const t = translator(MESSAGES);
export const MAX_MEGABYTES = MAX_FILE_BYTES / 1024 / 1024;

export type Phase = 'choose' | 'checking' | 'preview' | 'saving' | 'done' | 'rejected' | 'conflict' | 'failed';

// "done" is past the last step, so every step shows as completed.
const STEP: Record<Phase, number> = { choose: 0, checking: 1, rejected: 1, failed: 1, preview: 2, saving: 2, conflict: 2, done: 4 };

export class ImportFlow {
  quarters = $state<Quarter[]>([]);
  quartersError = $state<string | null>(null);
  file = $state<File | null>(null);
  quarterMode = $state<'file' | 'chosen'>('file');
  chosenQuarter = $state('');
  phase = $state<Phase>('choose');
  preview = $state<ImportPreview | null>(null);
  result = $state<ImportResult | null>(null);
  problems = $state<RowProblem[]>([]);
  /** All problems in the file; the server lists only the first ones. */
  problemCount = $state(0);
  message = $state<string | null>(null);

  tooLarge = $derived(this.file !== null && this.file.size > MAX_FILE_BYTES);
  target = $derived(this.quarterMode === 'chosen' && this.chosenQuarter ? this.chosenQuarter : null);
  busy = $derived(this.phase === 'checking' || this.phase === 'saving');
  step = $derived(STEP[this.phase]);

  /** The quarters to choose from; the usual single-quarter file is for the newest open one. */
  async loadQuarters(): Promise<void> {
    this.quartersError = null;
    try {
      this.quarters = await api.quarters();
      this.chosenQuarter ||= [...this.quarters].reverse().find((q) => q.state === 'open')?.code ?? this.quarters.at(-1)?.code ?? '';
    } catch (failure) {
      this.quartersError = errorText(failure);
    }
  }

  /** A new file or quarter makes any earlier check stale. */
  restart(): void {
    this.phase = 'choose';
    this.preview = null;
    this.result = null;
    this.problems = [];
    this.message = null;
  }

  choose(file: File | null): void {
    this.file = file;
    this.restart();
  }

  async check(): Promise<void> {
    if (!this.file || this.tooLarge || this.busy) return;
    this.restart();
    this.phase = 'checking';
    try {
      this.preview = await transferApi.preview(this.file, this.target);
      this.phase = 'preview';
    } catch (failure) {
      this.#fail(failure);
    }
  }

  async commit(): Promise<void> {
    if (!this.file || !this.preview || this.busy) return;
    this.phase = 'saving';
    try {
      this.result = await transferApi.commit(this.file, this.target, this.preview.fingerprint);
      this.phase = 'done';
      // The import may have created quarters: the choices and the export follow.
      void this.loadQuarters();
    } catch (failure) {
      this.#fail(failure);
    }
  }

  #fail(failure: unknown): void {
    this.message = errorText(failure);
    const status = failure instanceof ApiError ? failure.status : null;
    if (status === 400) {
      const body = (failure as ApiError).body;
      this.problems = body?.errors ?? [];
      this.problemCount = body?.errorCount ?? this.problems.length;
      this.phase = 'rejected';
    } else if (status === 409) {
      this.phase = 'conflict';
    } else {
      if (status === 413) this.message = t('tooLarge', { mb: MAX_MEGABYTES });
      this.phase = 'failed';
    }
  }
}
