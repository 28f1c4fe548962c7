/**
 * A small path router: the page is chosen from location.pathname, links are ordinary <a href>
 * elements (so they open in a new tab too), and in-app clicks use pushState instead of a reload.
 */
class Router {
  path = $state(window.location.pathname);
  search = $state(window.location.search);

  constructor() {
    window.addEventListener('popstate', () => this.#read());
    document.addEventListener('click', (event) => {
      const link = (event.target as Element | null)?.closest?.('a');
      if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      if (link.target || link.hasAttribute('download') || link.origin !== window.location.origin) return;
      if (link.pathname.startsWith('/api/') || link.pathname.startsWith('/docs')) return;
      event.preventDefault();
      this.navigate(link.pathname + link.search);
    });
  }

  navigate(href: string, { replace = false } = {}): void {
    if (replace) history.replaceState(null, '', href);
    else history.pushState(null, '', href);
    this.#read();
    if (!replace) window.scrollTo(0, 0);
  }

  /** Matches "/quarters/:code" style patterns; returns the parameters or null. */
  match(pattern: string): Record<string, string> | null {
    const names: string[] = [];
    const regex = new RegExp(`^${pattern.replace(/:(\w+)/g, (_, name: string) => (names.push(name), '([^/]+)'))}/?$`);
    const found = regex.exec(this.path);
    if (!found) return null;
    return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(found[i + 1])]));
  }

  #read(): void {
    this.path = window.location.pathname;
    this.search = window.location.search;
  }
}

export const router = new Router();
