/** The areas page's state: every area, the municipalities and consultants to choose from. */
import type { Account, Area, Municipality } from '../../lib/contract.ts';
import { errorText } from '../../lib/errors.ts';
import { consultantApi } from '../area/consultant-api.ts';

export class AreaList {
  areas = $state<Area[] | null>(null);
  municipalities = $state<Municipality[]>([]);
  consultants = $state<Account[]>([]);
  loadError = $state<string | null>(null);

  sorted = $derived([...(this.areas ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'da')));

  /** Municipalities in no area, by name. */
  unassigned = $derived.by(() => {
    const taken = new Set((this.areas ?? []).flatMap((a) => a.municipalityCodes));
    return this.municipalities.filter((m) => !taken.has(m.code)).map((m) => m.name);
  });

  async load(): Promise<void> {
    this.loadError = null;
    try {
      const [areas, municipalities, users] = await Promise.all([consultantApi.areas(), consultantApi.municipalities(), consultantApi.users()]);
      this.areas = areas;
      this.municipalities = municipalities;
      this.consultants = users.filter((u) => u.role === 'consultant');
    } catch (failure) {
      this.loadError = errorText(failure);
    }
  }
}
