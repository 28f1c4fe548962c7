/**
 * An area while it is created or edited: its name, municipalities and consultants, what moving
 * municipalities from other areas means, and a refusal shown at the field the server names.
 */
import { SvelteSet } from 'svelte/reactivity';
import type { Account, Area, Municipality } from '../../lib/contract.ts';
import { errorText, fieldOf } from '../../lib/errors.ts';
import { translator } from '../../lib/i18n.svelte.ts';
import { consultantApi } from '../area/consultant-api.ts';
import { MESSAGES } from './messages.ts';

const t = translator(MESSAGES);

export interface Region {
  code: string;
  name: string;
  municipalities: Municipality[];
}

export class AreaDraft {
  readonly area: Area | null;
  readonly #areas: Area[];
  readonly #municipalities: Municipality[];
  readonly #consultants: Account[];
  name = $state('');
  readonly chosen: SvelteSet<string>;
  readonly chosenConsultants: SvelteSet<number>;
  filter = $state('');
  busy = $state(false);
  errors = $state<{ name?: string; municipalities?: string; consultants?: string; general?: string }>({});

  /** The form edits a copy: `area` (null for a new one) is the state it starts from. */
  constructor(area: Area | null, areas: Area[], municipalities: Municipality[], consultants: Account[]) {
    this.area = area;
    this.#areas = areas;
    this.#municipalities = municipalities;
    this.#consultants = consultants;
    this.name = area?.name ?? '';
    this.chosen = new SvelteSet(area?.municipalityCodes ?? []);
    this.chosenConsultants = new SvelteSet(area?.consultants.map((c) => c.id) ?? []);
  }

  /** Which other area each municipality belongs to now. */
  get owner(): Map<string, string> {
    return new Map(this.#areas.filter((a) => a.id !== this.area?.id).flatMap((a) => a.municipalityCodes.map((code) => [code, a.name] as const)));
  }

  /** The municipalities by region, each in Danish alphabetical order. */
  get regions(): Region[] {
    const groups = new Map<string, Region>();
    for (const m of this.#municipalities) {
      const group = groups.get(m.regionCode) ?? { code: m.regionCode, name: m.regionName, municipalities: [] };
      group.municipalities.push(m);
      groups.set(m.regionCode, group);
    }
    for (const group of groups.values()) group.municipalities.sort((a, b) => a.name.localeCompare(b.name, 'da'));
    return [...groups.values()].sort((a, b) => a.code.localeCompare(b.code));
  }

  matches(m: Municipality): boolean {
    const needle = this.filter.trim().toLocaleLowerCase('da');
    return !needle || m.name.toLocaleLowerCase('da').includes(needle) || m.code.includes(needle);
  }

  #name(code: string): string {
    return this.#municipalities.find((m) => m.code === code)?.name ?? code;
  }

  /** Municipalities this area takes from others, by the area they leave. */
  get moves(): [string, string[]][] {
    const owner = this.owner;
    const from = new Map<string, string[]>();
    for (const code of this.chosen) {
      const other = owner.get(code);
      if (other) from.set(other, [...(from.get(other) ?? []), this.#name(code)]);
    }
    return [...from.entries()].sort(([a], [b]) => a.localeCompare(b, 'da'));
  }

  /** Municipalities this area gives up: they end up in no area. */
  get leaving(): string[] {
    return (this.area?.municipalityCodes ?? []).filter((code) => !this.chosen.has(code)).map((code) => this.#name(code));
  }

  /** Consultants to choose from: the active ones, and any disabled one the area already has. */
  get consultantChoices(): Account[] {
    return this.#consultants
      .filter((c) => c.role === 'consultant' && (!c.disabled || this.chosenConsultants.has(c.id)))
      .sort((a, b) => a.name.localeCompare(b.name, 'da'));
  }

  /** The other areas a consultant works in, for the hint beside their name. */
  otherAreas(userId: number): string {
    return this.#areas
      .filter((a) => a.id !== this.area?.id && a.consultants.some((c) => c.id === userId))
      .map((a) => a.name)
      .join(', ');
  }

  toggle<T>(set: SvelteSet<T>, values: T[], on: boolean): void {
    for (const value of values) {
      if (on) set.add(value);
      else set.delete(value);
    }
  }

  /** Saves the area; the saved area, or null when a check or the server stopped it. */
  async submit(): Promise<Area | null> {
    this.errors = {};
    if (!this.name.trim()) {
      this.errors = { name: t('form.nameRequired') };
      return null;
    }
    this.busy = true;
    const body = {
      name: this.name.trim(),
      // In the map's order, so the saved area reads the same as the form.
      municipalityCodes: this.#municipalities.map((m) => m.code).filter((code) => this.chosen.has(code)),
      consultantIds: [...this.chosenConsultants],
    };
    try {
      return this.area ? await consultantApi.updateArea(this.area.id, body) : await consultantApi.createArea(body);
    } catch (failure) {
      const message = errorText(failure);
      const field = fieldOf(failure);
      this.errors =
        field === 'name'
          ? { name: message }
          : field === 'municipalityCodes'
            ? { municipalities: message }
            : field === 'consultantIds'
              ? { consultants: message }
              : { general: message };
      return null;
    } finally {
      this.busy = false;
    }
  }
}
