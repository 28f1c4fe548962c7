/**
 * Who is logged in, and the CSRF token every write must carry. Loaded once at start; the API
 * client clears it when the server answers 401.
 */
import type { SessionInfo, User } from './contract.ts';

class Session {
  user = $state<User | null>(null);
  csrfToken = $state<string | null>(null);
  anonymousRead = $state(false);
  firstAccountNeeded = $state(false);
  /** The server sends e-mail (SMTP_URL): "Glemt adgangskode" and invitations work. */
  mail = $state(false);
  loaded = $state(false);

  /** Reading is allowed: logged in, or the server allows anonymous reading. */
  canRead = $derived(this.user !== null || this.anonymousRead);
  isAdmin = $derived(this.user?.role === 'admin');
  canEdit = $derived(this.user?.role === 'admin' || this.user?.role === 'consultant');

  set(info: SessionInfo): void {
    this.user = info.user;
    this.csrfToken = info.csrfToken;
    this.anonymousRead = info.anonymousRead;
    this.firstAccountNeeded = info.firstAccountNeeded;
    this.mail = info.mail;
    this.loaded = true;
  }

  expired(): void {
    this.user = null;
    this.csrfToken = null;
  }
}

export const session = new Session();
