/**
 * Every page of the app, each with the selector that shows it has drawn: the accessibility check
 * and the phone check walk the same list, so a new page is added once and checked by both.
 */
export type PageCheck = readonly [name: string, path: string, ready: string];

/**
 * `view`: the dashboard's views that meeting mode and print are made for; `dashboard`: its other
 * states; `reader`: pages every reader has; `admin`: the administrators' own pages.
 */
type Kind = 'view' | 'dashboard' | 'reader' | 'admin';

const ALL: readonly (readonly [...PageCheck, Kind])[] = [
  ['map', '/?quarter=2018K4', 'path.municipality', 'view'],
  ['compare', '/?view=compare', '.change-map path.municipality', 'view'],
  ['timeline', '/?view=timeline&quarter=2017K2', '[data-testid="timeline-slider"]', 'view'],
  ['trends', '/?view=trends', '[data-chart] svg', 'view'],
  ['movements', '/?view=transitions', '[data-testid="transition-matrix"]', 'dashboard'],
  ['table', '/?quarter=2018K4&table=1', '[data-testid="municipality-table"]', 'dashboard'],
  ['history', '/?quarter=2018K4&municipality=0751', '[data-testid="history-strip"]', 'dashboard'],
  ['municipality', '/municipalities/0751', '[data-testid="category-strip"]', 'reader'],
  ['agreements', '/agreements', 'table', 'reader'],
  ['quotas', '/quotas', 'table', 'reader'],
  ['priorities', '/area', '[data-testid="priority-list"]', 'reader'],
  ['account', '/account', 'form', 'reader'],
  ['areas', '/areas', 'table', 'admin'],
  ['quarter', '/quarters/2018K4', 'table', 'admin'],
  ['import', '/import', 'main form', 'admin'],
  ['audit', '/audit', 'table', 'admin'],
  ['users', '/users', 'table', 'admin'],
];

const of = (...kinds: Kind[]): PageCheck[] => ALL.filter((page) => kinds.includes(page[3])).map(([name, path, ready]) => [name, path, ready] as const);

export const VIEWS = of('view');
export const DASHBOARD = of('view', 'dashboard');
export const READER_PAGES = of('reader');
export const ADMIN_PAGES = of('admin');
