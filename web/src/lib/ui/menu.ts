/** What a menu (lib/ui/Menu.svelte) offers: commands, or links to pages. */
export interface MenuItem {
  label: string;
  /** A link: the router follows it like any other. */
  href?: string;
  /** A command. */
  onselect?: () => void;
  /** The page the user is on (a link). */
  current?: boolean;
  /** Extra attributes for tests and styles, e.g. { 'data-export': 'png' }. */
  data?: Record<string, string>;
}

/** The button that opens a menu: its text, class and attributes (data-testid, aria-busy…). */
export interface MenuTrigger {
  label: string;
  class: string;
  attributes?: Record<string, string | boolean | undefined>;
}
