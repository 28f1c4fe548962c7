/**
 * The accounts page's state: every account with its failed logins, the account a change was made
 * to (its outcome is shown in that row), and the change waiting in a dialog for the
 * administrator's confirmation: disable or enable, set a new password, or pseudonymise.
 */
import type { Role } from '../../../../db/domain/role.ts';
import type { Account, User } from '../../lib/contract.ts';
import { errorText } from '../../lib/errors.ts';
import { translator } from '../../lib/i18n.svelte.ts';
import { MESSAGES } from './messages.ts';
import { PASSWORD_MIN } from './password.ts';
import { usersApi } from './users-api.ts';

const t = translator(MESSAGES);

export type AccountAction = 'toggle' | 'reset' | 'pseudonymise';

export class AccountList {
  accounts = $state<Account[]>([]);
  loading = $state(true);
  loadError = $state<string | null>(null);
  /** The account a request is under way for. */
  savingId = $state<number | null>(null);
  /** The outcome of the last change, shown in that account's row. */
  rowNote = $state<{ id: number; text: string; ok: boolean } | null>(null);

  /** The change waiting for confirmation in a dialog. */
  asking = $state<{ action: AccountAction; account: Account } | null>(null);
  busy = $state(false);
  error = $state<string | null>(null);
  newPassword = $state('');
  #passwordTried = $state(false);

  activeCount = $derived(this.accounts.filter((a) => !a.disabled).length);
  passwordProblem = $derived(this.#passwordTried && this.newPassword.length < PASSWORD_MIN ? t('password.tooShort', { min: PASSWORD_MIN }) : null);

  async load(): Promise<void> {
    this.loading = true;
    this.loadError = null;
    try {
      this.accounts = await usersApi.list();
    } catch (failure) {
      this.loadError = errorText(failure);
    } finally {
      this.loading = false;
    }
  }

  /** A write answers with the account alone; its login counts stay as the list had them. */
  #replace(updated: User | Account): void {
    this.accounts = this.accounts.map((a) => (a.id === updated.id ? { ...a, ...updated } : a));
  }

  /** A change made straight from the row; false when refused (the row says why). */
  async #inRow(account: Account, change: () => Promise<string>): Promise<boolean> {
    this.savingId = account.id;
    this.rowNote = null;
    try {
      this.rowNote = { id: account.id, ok: true, text: await change() };
      return true;
    } catch (failure) {
      this.rowNote = { id: account.id, ok: false, text: `${t('list.refused')}: ${errorText(failure)}` };
      return false;
    } finally {
      this.savingId = null;
    }
  }

  changeRole(account: Account, role: Role): Promise<boolean> {
    return this.#inRow(account, async () => {
      const updated = await usersApi.update(account.id, { role });
      this.#replace(updated);
      return t('list.roleChanged', { name: updated.name, role: t(`role.${role}`) });
    });
  }

  clearDelay(account: Account): Promise<boolean> {
    return this.#inRow(account, async () => {
      await usersApi.clearLoginDelay(account.id);
      this.#replace({ ...account, failedLogins: 0, loginDelayedUntil: null });
      return t('logins.cleared', { name: account.name });
    });
  }

  /** Mails a new invitation link (with SMTP); the earlier one stops working. */
  inviteAgain(account: Account): Promise<boolean> {
    return this.#inRow(account, async () => {
      await usersApi.invite(account.id);
      return t('invite.sent', { email: account.email });
    });
  }

  ask(action: AccountAction, account: Account): void {
    this.asking = { action, account };
    this.error = null;
    this.rowNote = null;
    this.newPassword = '';
    this.#passwordTried = false;
  }

  cancel(): void {
    this.asking = null;
  }

  /** Carries out the change in the dialog; the dialog stays open with the reason when refused. */
  async confirm(): Promise<void> {
    const asked = this.asking;
    if (!asked || this.busy) return;
    const { action, account } = asked;
    if (action === 'reset') {
      this.#passwordTried = true;
      if (this.passwordProblem) return;
    }
    this.busy = true;
    this.error = null;
    try {
      let text: string;
      if (action === 'toggle') {
        const updated = await usersApi.update(account.id, { disabled: !account.disabled });
        this.#replace(updated);
        text = t(updated.disabled ? 'list.disabledDone' : 'list.enabledDone', { name: updated.name });
      } else if (action === 'pseudonymise') {
        const updated = await usersApi.pseudonymise(account.id);
        this.#replace(updated);
        text = t('pseudonymise.done', { name: updated.name });
      } else {
        await usersApi.setPassword(account.id, this.newPassword);
        text = t('reset.done', { name: account.name });
      }
      this.asking = null;
      this.rowNote = { id: account.id, ok: true, text };
    } catch (failure) {
      this.error = errorText(failure);
    } finally {
      this.busy = false;
    }
  }
}
