/**
 * How maps are drawn, chosen by the viewer: colour-blind-safe colours with patterns, and name
 * labels. Kept in localStorage (a personal need, not part of a shared view) and mirrored on <html>
 * so the CSS swatches on every page follow.
 */
const STORAGE_KEY = 'vv-monitor.display';

class Display {
  colourBlind = $state(false);
  labels = $state(false);

  constructor() {
    try {
      const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}');
      this.colourBlind = saved.colourBlind === true;
      this.labels = saved.labels === true;
    } catch {
      // A broken or blocked localStorage only loses the preference.
    }
    this.#apply();
  }

  set(change: Partial<{ colourBlind: boolean; labels: boolean }>): void {
    if (change.colourBlind !== undefined) this.colourBlind = change.colourBlind;
    if (change.labels !== undefined) this.labels = change.labels;
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify({ colourBlind: this.colourBlind, labels: this.labels }));
    } catch {
      // See above.
    }
    this.#apply();
  }

  #apply(): void {
    document.documentElement.classList.toggle('colour-blind', this.colourBlind);
  }
}

export const display = new Display();
