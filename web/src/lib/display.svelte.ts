/**
 * How maps are drawn, chosen by the viewer: patterns over yellow and red (for readers who tell
 * no colours apart; the colours themselves are colour-blind safe for everyone), and name labels.
 * Kept in localStorage (a personal need, not part of a shared view) and mirrored on <html> so the
 * CSS swatches on every page follow.
 */
import { CATEGORY_COLOURS } from './map/paint.ts';

const STORAGE_KEY = 'vv-monitor.display';

class Display {
  /** Patterns over yellow and red ("Mønstre"); named for the readers it is for. */
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
    const root = document.documentElement;
    root.classList.toggle('colour-blind', this.colourBlind);
    // The CSS swatches take the map's own colours, so the palette is set in one place.
    root.style.setProperty('--green', CATEGORY_COLOURS[1]);
    root.style.setProperty('--yellow', CATEGORY_COLOURS[2]);
    root.style.setProperty('--red', CATEGORY_COLOURS[3]);
  }
}

export const display = new Display();
