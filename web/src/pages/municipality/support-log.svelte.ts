/**
 * A municipality's support log: the consultants' activities there, whether this user may record
 * one (administrators anywhere, a consultant in their own areas, as the server allows), and a new
 * activity while it is being recorded.
 */
import { ACTIVITY_LABELS, type ActivityKind } from '../../../../db/domain/activity.ts';
import { compareQuarters, quarterOfDate } from '../../../../db/domain/quarter.ts';
import type { Activity } from '../../lib/contract.ts';
import { errorText, fieldOf } from '../../lib/errors.ts';
import { i18n, translator } from '../../lib/i18n.svelte.ts';
import { session } from '../../lib/session.svelte.ts';
import { today } from '../agreements/agreements.ts';
import { areasOf, consultantApi } from '../area/consultant-api.ts';
import { SUPPORT_MESSAGES } from './support-messages.ts';

const t = translator(SUPPORT_MESSAGES);
/** The server's bound on participants. */
const MAX_PARTICIPANTS = 10_000;

export class SupportLog {
  code = $state('');
  activities = $state<Activity[] | null>(null);
  loadError = $state<string | null>(null);
  mayRecord = $state(false);
  outsideArea = $state(false);
  announcement = $state('');

  perQuarter = $derived.by(() => {
    const counts = new Map<string, number>();
    for (const activity of this.activities ?? []) {
      const quarter = quarterOfDate(activity.happenedOn);
      counts.set(quarter, (counts.get(quarter) ?? 0) + 1);
    }
    return [...counts.entries()].sort(([a], [b]) => compareQuarters(b, a));
  });

  /** Loads the log of `code` and decides whether this user may add to it. */
  async load(code: string): Promise<void> {
    this.code = code;
    this.activities = null;
    this.loadError = null;
    this.announcement = '';
    try {
      const [list, mayRecord] = await Promise.all([consultantApi.activities({ municipality: code }), this.#mayRecord(code)]);
      if (code !== this.code) return;
      this.activities = list;
      this.mayRecord = mayRecord;
      this.outsideArea = !mayRecord && session.user?.role === 'consultant';
    } catch (failure) {
      if (code === this.code) this.loadError = errorText(failure);
    }
  }

  async #mayRecord(code: string): Promise<boolean> {
    const user = session.user;
    if (!user || user.role !== 'consultant') return session.isAdmin;
    return areasOf(await consultantApi.areas(), user.id).some((area) => area.municipalityCodes.includes(code));
  }

  added(saved: Activity): void {
    // Newest first, as the server lists them: by date, then by when it was recorded.
    this.activities = [saved, ...(this.activities ?? [])].sort((a, b) => b.happenedOn.localeCompare(a.happenedOn) || b.id - a.id);
    this.announcement = t('saved', { kind: i18n.label(ACTIVITY_LABELS[saved.kind]), date: i18n.date(saved.happenedOn) });
  }
}

/** An activity while it is being recorded. */
export class ActivityDraft {
  kind = $state<ActivityKind>('dialogue_meeting');
  happenedOn = $state(today());
  /** A number field binds a number, or nothing while it is empty. */
  participants = $state<number | null | undefined>(null);
  note = $state('');
  busy = $state(false);
  errors = $state<{ date?: string; participants?: string; general?: string }>({});

  /** Records the activity; the saved one, or null when a check or the server stopped it. */
  async submit(code: string): Promise<Activity | null> {
    const errors: typeof this.errors = {};
    const count = this.participants ?? null;
    if (!this.happenedOn) errors.date = t('dateRequired');
    else if (this.happenedOn > today()) errors.date = t('dateFuture');
    if (count !== null && (!Number.isInteger(count) || count < 0 || count > MAX_PARTICIPANTS)) errors.participants = t('participantsInvalid');
    this.errors = errors;
    if (errors.date || errors.participants) return null;
    this.busy = true;
    try {
      return await consultantApi.logActivity({
        municipalityCode: code,
        kind: this.kind,
        happenedOn: this.happenedOn,
        participants: count,
        note: this.note.trim() || null,
      });
    } catch (failure) {
      // The server names the field a refusal is about: show the message there.
      const field = fieldOf(failure);
      const message = errorText(failure);
      this.errors = field === 'happenedOn' ? { date: message } : field === 'participants' ? { participants: message } : { general: message };
      return null;
    } finally {
      this.busy = false;
    }
  }
}
