/**
 * Where focus goes in the quarter's grids after a save: back to the row, or to the field a
 * problem names, unless the user has moved on while the request ran.
 */
import type { Entry } from './entry.svelte.ts';
import type { RecruitmentLine } from './recruitment.svelte.ts';

export const entryRow = (code: string): HTMLElement | null => document.getElementById(`entry-${code}`);
export const recruitmentRow = (code: string): HTMLElement | null => document.getElementById(`recruitment-${code}`);

/** Focus is still in the row, or nowhere: the user has not gone on to something else. */
export function stillIn(row: HTMLElement | null): boolean {
  return !!row?.contains(document.activeElement) || document.activeElement === document.body;
}

export function focusEntryProblem(entry: Entry): void {
  const field = entry.problem?.field;
  const input = field && field !== 'category' ? document.getElementById(`entry-${entry.code}-${field}`) : null;
  (input ?? entryRow(entry.code))?.focus();
}

export function focusLineProblem(line: RecruitmentLine): void {
  const field = line.problems.find((p) => p.field !== null)?.field;
  ((field && document.getElementById(`recruitment-${line.code}-${field}`)) || recruitmentRow(line.code))?.focus();
}
