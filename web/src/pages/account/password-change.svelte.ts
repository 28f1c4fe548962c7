/**
 * Changing one's own password: the three fields, the checks made before asking the server, and
 * the server's refusal, kept with the field it names.
 */
import { api } from '../../lib/api.ts';
import { errorText, fieldOf } from '../../lib/errors.ts';
import { translator } from '../../lib/i18n.svelte.ts';
import { PASSWORD_MIN } from '../users/password.ts';
import { MESSAGES } from './messages.ts';

const t = translator(MESSAGES);

export type PasswordField = 'currentPassword' | 'newPassword' | 'repeat';

export class PasswordChangeForm {
  current = $state('');
  next = $state('');
  repeat = $state('');
  visible = $state(false);
  busy = $state(false);
  done = $state(false);
  /** Checks show once the user has tried to submit. */
  #tried = $state(false);
  #refusal = $state.raw<unknown>(null);

  /** What is wrong with each field, found here or said by the server about that field. */
  problems = $derived.by((): Record<PasswordField, string | null> => {
    const tried = this.#tried;
    const refusedAt = fieldOf(this.#refusal);
    const refused = (field: PasswordField) => (refusedAt === field ? errorText(this.#refusal, { atField: true }) : null);
    return {
      currentPassword: tried && !this.current ? t('missingCurrent') : refused('currentPassword'),
      newPassword:
        tried && this.next.length < PASSWORD_MIN
          ? t('tooShort', { min: PASSWORD_MIN })
          : tried && this.next === this.current
            ? t('sameAsCurrent')
            : refused('newPassword'),
      // Checked as soon as the repeat is as long as the new one, so a typo shows before submitting.
      repeat: this.repeat !== this.next && (tried || (this.repeat !== '' && this.repeat.length >= this.next.length)) ? t('mismatch') : null,
    };
  });

  /** A refusal that names no field of this form (or no answer at all). */
  failure = $derived(this.#refusal !== null && fieldOf(this.#refusal) === null ? errorText(this.#refusal) : null);

  /** Typing clears the server's earlier refusal. */
  edited(): void {
    this.#refusal = null;
  }

  /** Sends the change; false when a check or the server stops it (the first bad field is in `problems`). */
  async submit(): Promise<boolean> {
    this.#tried = true;
    this.done = false;
    this.#refusal = null;
    if (Object.values(this.problems).some(Boolean)) return false;
    this.busy = true;
    try {
      await api.changePassword({ currentPassword: this.current, newPassword: this.next });
      this.current = this.next = this.repeat = '';
      this.#tried = false;
      this.done = true;
      return true;
    } catch (error) {
      this.#refusal = error;
      return false;
    } finally {
      this.busy = false;
    }
  }
}
