/** A quarter's progress as a page holds it: loaded for a quarter, loaded again after a change. */
import type { Progress } from '../contract.ts';
import { errorText } from '../errors.ts';
import { progressApi } from './progress-api.ts';

export class QuarterProgress {
  progress = $state.raw<Progress | null>(null);
  error = $state<string | null>(null);
  #quarter: string | null = null;

  async load(quarter: string): Promise<void> {
    this.#quarter = quarter;
    this.error = null;
    try {
      const progress = await progressApi.progress(quarter);
      // A later choice of quarter wins over an answer that arrives late.
      if (this.#quarter === quarter) this.progress = progress;
    } catch (failure) {
      if (this.#quarter === quarter) this.error = errorText(failure);
    }
  }

  reload(): Promise<void> {
    return this.#quarter ? this.load(this.#quarter) : Promise.resolve();
  }
}
