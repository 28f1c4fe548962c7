/**
 * The quarter's own actions, each behind a dialog: finalise (an administrator, once every
 * municipality is settled), reopen (with a reason), and open the next quarter (or, in an empty
 * database, the first one, chosen by the administrator).
 */
import { FIRST_QUARTER, nextQuarter, quarterOfDate, quarterRange } from '../../../../db/domain/quarter.ts';
import type { Unsettled } from '../../../../db/domain/unsettled.ts';
import { errorText } from '../../lib/errors.ts';
import { session } from '../../lib/session.svelte.ts';
import type { QuarterEntry } from './quarter.svelte.ts';

export type QuarterDialog = 'finalise' | 'reopen' | 'open';

export class QuarterLifecycle {
  readonly #entry: QuarterEntry;
  /** The dialog that is open, if any. */
  dialog = $state<QuarterDialog | null>(null);
  /** Why the last action in the open dialog failed. */
  error = $state<string | null>(null);
  reopenReason = $state('');
  /** An empty database starts where the administrator chooses: 2016K2 at the earliest, this quarter at the latest. */
  readonly startChoices = quarterRange(FIRST_QUARTER, quarterOfDate(new Date().toISOString().slice(0, 10))).reverse();
  firstCode = $state(this.startChoices[0]);
  /** The new quarter's deadline (YYYY-MM-DD), optional; it can be set later too. */
  deadline = $state('');
  /** The municipalities the server named when it refused to finalise. */
  #serverUnsettled = $state.raw<Unsettled[] | null>(null);

  constructor(entry: QuarterEntry) {
    this.#entry = entry;
  }

  get nextCode(): string {
    const newest = this.#entry.newest;
    return newest ? nextQuarter(newest.code) : this.firstCode;
  }

  get canOpenNext(): boolean {
    return session.isAdmin && (this.#entry.newest === null || this.#entry.newest.state === 'final');
  }

  /** What stops finalising: as the server said, or as the rows on this page show it. */
  get unsettled(): Unsettled[] {
    return (
      this.#serverUnsettled ??
      this.#entry.unsettled.map((e) => ({
        code: e.code,
        name: e.name,
        problem: e.stored.carriedOver ? 'carried over, not confirmed' : 'not assessed',
      }))
    );
  }

  start(dialog: QuarterDialog): void {
    this.#serverUnsettled = null;
    this.error = null;
    this.reopenReason = '';
    this.deadline = '';
    this.dialog = dialog;
  }

  close(): void {
    this.dialog = null;
  }

  async finalise(): Promise<void> {
    await this.#attempt(async () => {
      this.#serverUnsettled = await this.#entry.finalise();
      if (!this.#serverUnsettled) this.close();
    });
  }

  async reopen(): Promise<void> {
    const reason = this.reopenReason.trim();
    if (!reason) return;
    await this.#attempt(async () => {
      await this.#entry.reopen(reason);
      this.close();
    });
  }

  /** Opens the next (or first) quarter; its code, or null when the server refused. */
  async openNext(): Promise<string | null> {
    let opened: string | null = null;
    await this.#attempt(async () => {
      opened = await this.#entry.openNext(this.#entry.newest ? undefined : this.firstCode, this.deadline || undefined);
      this.close();
    });
    return opened;
  }

  async #attempt(action: () => Promise<void>): Promise<void> {
    this.error = null;
    try {
      await action();
    } catch (error) {
      this.error = errorText(error);
    }
  }
}
