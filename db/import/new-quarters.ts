/**
 * Which quarters missing from the database a history import may create: none before 2016K2, none
 * after the current calendar quarter, and only so that the database's quarters stay one unbroken
 * run, because every view steps from one quarter to the next.
 */
import { compareQuarters, FIRST_QUARTER, nextQuarter, previousQuarter, quarterOfDate } from '../domain/quarter.ts';

export interface NewQuarters {
  create: string[];
  /** Quarter → why it cannot be created. */
  refused: Map<string, string>;
}

export function newQuarters(existing: string[], wanted: Iterable<string>, now: Date): NewQuarters {
  const have = new Set(existing);
  const current = quarterOfDate(now.toISOString().slice(0, 10));
  const refused = new Map<string, string>();
  const candidates = new Set<string>();
  for (const quarter of new Set(wanted)) {
    if (have.has(quarter)) continue;
    if (compareQuarters(quarter, FIRST_QUARTER) < 0) refused.set(quarter, `it is before ${FIRST_QUARTER}, when the monitoring began`);
    else if (compareQuarters(quarter, current) > 0) refused.set(quarter, `it has not begun yet (the current quarter is ${current})`);
    else candidates.add(quarter);
  }

  const ordered = [...candidates].sort(compareQuarters);
  const run = [...existing].sort(compareQuarters);
  const create: string[] = [];
  // An empty database starts its run at the earliest quarter of the file.
  let first = run[0] ?? ordered[0];
  let last = run.at(-1) ?? ordered[0];
  if (first === undefined) return { create, refused };
  if (!have.has(first)) create.push(first);
  for (let q = nextQuarter(last); candidates.has(q); q = nextQuarter(q)) create.push((last = q));
  for (let q = previousQuarter(first); candidates.has(q); q = previousQuarter(q)) create.push((first = q));

  for (const quarter of ordered.filter((q) => !create.includes(q))) {
    const gap = compareQuarters(quarter, last) > 0 ? nextQuarter(last) : previousQuarter(first);
    refused.set(quarter, `${gap} is neither in the database nor in the file, and quarters must follow each other without gaps`);
  }
  return { create: create.sort(compareQuarters), refused };
}
