/** The login form: what is typed, and why the last attempt failed. */
import { api, ApiError } from '../../lib/api.ts';
import { errorText } from '../../lib/errors.ts';
import { translator } from '../../lib/i18n.svelte.ts';
import { session } from '../../lib/session.svelte.ts';
import { MESSAGES } from './messages.ts';

const t = translator(MESSAGES);

export class LoginForm {
  email = $state('');
  password = $state('');
  busy = $state(false);
  error = $state<string | null>(null);

  ready = $derived(this.email !== '' && this.password !== '');

  /** Logs in; true when the session now has a user. */
  async submit(): Promise<boolean> {
    this.busy = true;
    this.error = null;
    try {
      session.set(await api.login(this.email, this.password));
      this.password = '';
      return true;
    } catch (failure) {
      // A refused login says no more than that (which part was wrong is not told); a wait names
      // its length, and a server that does not answer says so.
      const own = failure instanceof ApiError && (failure.status === 429 || failure.status === 0);
      this.error = own ? errorText(failure) : t('failed');
      return false;
    } finally {
      this.busy = false;
    }
  }
}
