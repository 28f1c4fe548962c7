/**
 * The rows of a quarter's keyboard grid (status or recruitment), one per municipality: the row Tab
 * reaches (the last one focused, else the first), and which row and item a key was pressed in.
 */
export class GridRows<Item extends { code: string }> {
  /** The table body holding the rows (bind:this). */
  body = $state<HTMLTableSectionElement>();
  #items: () => Item[];
  #focused = $state<string | null>(null);
  #byCode = $derived.by(() => new Map(this.#items().map((item) => [item.code, item])));

  constructor(items: () => Item[]) {
    this.#items = items;
  }

  /** The code of the row that takes part in the tab order. */
  get active(): string | null {
    return this.#byCode.has(this.#focused ?? '') ? this.#focused : (this.#items()[0]?.code ?? null);
  }

  rows(): HTMLTableRowElement[] {
    return [...(this.body?.querySelectorAll<HTMLTableRowElement>('tr[data-code]') ?? [])];
  }

  /** The row `delta` rows below (above, if negative) `from`, if there is one. */
  neighbour(from: HTMLTableRowElement, delta: number): HTMLTableRowElement | undefined {
    const all = this.rows();
    return all[all.indexOf(from) + delta];
  }

  readonly focusin = (event: FocusEvent) => {
    const tr = (event.target as HTMLElement).closest<HTMLTableRowElement>('tr[data-code]');
    if (tr) this.#focused = tr.dataset.code!;
  };

  /** The row and item a key was pressed in; null for a key with a modifier (the browser's) or outside the rows. */
  keyAt(event: KeyboardEvent): { target: HTMLElement; tr: HTMLTableRowElement; item: Item } | null {
    if (event.altKey || event.ctrlKey || event.metaKey) return null;
    const target = event.target as HTMLElement;
    const tr = target.closest<HTMLTableRowElement>('tr[data-code]');
    const item = tr && this.#byCode.get(tr.dataset.code!);
    return tr && item ? { target, tr, item } : null;
  }
}
