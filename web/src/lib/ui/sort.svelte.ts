/**
 * The sort order of a table: one column at a time; choosing the same column again turns the
 * order round. Headers read `aria` and `arrow`; `sorted` sorts rows by a value per column.
 */
export class Sort<Key extends string> {
  key = $state<Key>() as Key;
  ascending = $state(true);

  constructor(key: Key) {
    this.key = key;
  }

  by(key: Key): void {
    this.ascending = this.key === key ? !this.ascending : true;
    this.key = key;
  }

  /** aria-sort of a column header: left out on the columns the table is not sorted by. */
  aria(key: Key): 'ascending' | 'descending' | undefined {
    return this.key === key ? (this.ascending ? 'ascending' : 'descending') : undefined;
  }

  arrow(key: Key): string {
    return this.key === key ? (this.ascending ? '▲' : '▼') : '↕';
  }

  /**
   * The rows in this order; ties keep the order `tie` gives (say, by code), whichever way the
   * column runs, so the list is stable. Numbers compare as numbers, text in Danish alphabetical order.
   */
  sorted<Row>(rows: readonly Row[], value: (row: Row, key: Key) => string | number, tie: (a: Row, b: Row) => number = () => 0): Row[] {
    const direction = this.ascending ? 1 : -1;
    return [...rows].sort((a, b) => direction * compareValues(value(a, this.key), value(b, this.key)) || tie(a, b));
  }
}

export function compareValues(a: string | number, b: string | number): number {
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), 'da');
}
