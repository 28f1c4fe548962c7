/** A column of lib/ui/Table.svelte. */
export interface Column {
  label: string;
  class?: string;
  title?: string;
  /** The heading is for screen readers only (an actions column). */
  hidden?: boolean;
  /** The key the table sorts by when this heading is chosen. */
  sort?: string;
}
