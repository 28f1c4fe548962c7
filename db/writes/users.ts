/**
 * Accounts. Passwords arrive here already hashed (argon2id, in the server), so this module never
 * sees a password and the audit log never holds a hash.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { normaliseEmail } from '../domain/email.ts';
import { invalid, notFound } from '../errors.ts';
import { ROLES, type Role } from '../domain/role.ts';
import { sessions, users } from '../schema.ts';
import { accountTokens } from '../schema/outreach.ts';
import type { Actor } from './actor.ts';
import { appendAudit } from './audit.ts';

export interface PublicUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
  /** Whether the person gets reminders; they turn it off on "Min konto". */
  reminders: boolean;
  /** Invited, and no password chosen yet. */
  invitationPending: boolean;
}

/**
 * The password hash of an account without a password: an invited person who has not chosen one
 * yet, or a pseudonymised account. No password verifies against it.
 */
export const NO_PASSWORD = '!';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function publicUser(user: typeof users.$inferSelect): PublicUser {
  const { id, email, name, role, disabled, createdAt, updatedAt, reminders } = user;
  return { id, email, name, role, disabled, createdAt, updatedAt, reminders, invitationPending: user.passwordHash === NO_PASSWORD && !disabled };
}

function checkName(name: string): string {
  const clean = name.trim();
  if (!clean || clean.length > 120) throw invalid('name: must be 1 to 120 characters');
  return clean;
}

function checkRole(role: string): Role {
  if (!(ROLES as readonly string[]).includes(role)) throw invalid(`role: must be one of ${ROLES.join(', ')}; got ${JSON.stringify(role)}`);
  return role as Role;
}

export function createUser(
  db: Db,
  input: { email: string; name: string; role: Role; passwordHash: string },
  actor: Actor,
  now = new Date(),
): PublicUser {
  const at = now.toISOString();
  const email = normaliseEmail(input.email);
  if (!EMAIL.test(email) || email.length > 254) throw invalid(`email: ${JSON.stringify(input.email)} is not an e-mail address`);
  const name = checkName(input.name);
  const role = checkRole(input.role);
  return db.transaction(
    (tx) => {
      if (tx.select().from(users).where(eq(users.email, email)).get()) throw invalid(`email: ${email} already has an account`);
      const created = tx
        .insert(users)
        .values({ email, name, role, passwordHash: input.passwordHash, createdAt: at, updatedAt: at, passwordChangedAt: at })
        .returning()
        .get();
      appendAudit(tx, actor, at, {
        action: 'create',
        entity: 'user',
        entityKey: String(created.id),
        newValue: { email, name, role, disabled: false },
      });
      return publicUser(created);
    },
    { behavior: 'immediate' },
  );
}

export function updateUser(
  db: Db,
  id: number,
  patch: { name?: string; role?: Role; disabled?: boolean },
  actor: Actor,
  now = new Date(),
): PublicUser {
  const at = now.toISOString();
  return db.transaction(
    (tx) => {
      const before = tx.select().from(users).where(eq(users.id, id)).get();
      if (!before) throw notFound(`id: user ${id} does not exist`);
      const next = {
        name: patch.name === undefined ? before.name : checkName(patch.name),
        role: patch.role === undefined ? before.role : checkRole(patch.role),
        disabled: patch.disabled ?? before.disabled,
      };
      if (actor.id === id && (next.disabled || next.role !== 'admin') && before.role === 'admin') {
        throw invalid('you cannot disable your own account or remove your own administrator role; ask another administrator');
      }
      const after = tx.update(users).set({ ...next, updatedAt: at }).where(eq(users.id, id)).returning().get();
      // A disabled account or a changed role must not live on in an open session.
      if (next.disabled || next.role !== before.role) tx.delete(sessions).where(eq(sessions.userId, id)).run();
      appendAudit(tx, actor, at, {
        action: next.disabled && !before.disabled ? 'disable' : !next.disabled && before.disabled ? 'enable' : 'update',
        entity: 'user',
        entityKey: String(id),
        oldValue: { name: before.name, role: before.role, disabled: before.disabled },
        newValue: next,
      });
      return publicUser(after);
    },
    { behavior: 'immediate' },
  );
}

/** Replaces the password and ends the user's other sessions (keepSession is the one in use). */
export function setPasswordHash(db: Db, id: number, passwordHash: string, actor: Actor, keepSession: string | null, now = new Date()): void {
  const at = now.toISOString();
  db.transaction(
    (tx) => {
      const before = tx.select().from(users).where(eq(users.id, id)).get();
      if (!before) throw notFound(`id: user ${id} does not exist`);
      tx.update(users).set({ passwordHash, passwordChangedAt: at, updatedAt: at }).where(eq(users.id, id)).run();
      for (const session of tx.select().from(sessions).where(eq(sessions.userId, id)).all()) {
        if (session.tokenHash !== keepSession) tx.delete(sessions).where(eq(sessions.tokenHash, session.tokenHash)).run();
      }
      // A reset link or invitation still in a mailbox must not set the password again.
      tx.delete(accountTokens).where(eq(accountTokens.userId, id)).run();
      appendAudit(tx, actor, at, { action: 'password', entity: 'user', entityKey: String(id), newValue: { passwordChanged: true } });
    },
    { behavior: 'immediate' },
  );
}

/** Reminders on or off, as the person chooses on "Min konto". */
export function setReminders(db: Db, id: number, reminders: boolean, actor: Actor, now = new Date()): PublicUser {
  const at = now.toISOString();
  return db.transaction(
    (tx) => {
      const before = tx.select().from(users).where(eq(users.id, id)).get();
      if (!before) throw notFound(`id: user ${id} does not exist`);
      const after = tx.update(users).set({ reminders, updatedAt: at }).where(eq(users.id, id)).returning().get();
      if (before.reminders !== reminders) {
        appendAudit(tx, actor, at, { action: 'reminders', entity: 'user', entityKey: String(id), oldValue: { reminders: before.reminders }, newValue: { reminders } });
      }
      return publicUser(after);
    },
    { behavior: 'immediate' },
  );
}

export function listUsers(db: Db): PublicUser[] {
  return db.select().from(users).orderBy(users.name).all().map(publicUser);
}

export function findUserByEmail(db: Db, email: string) {
  return db.select().from(users).where(eq(users.email, normaliseEmail(email))).get();
}

export function findUser(db: Db, id: number) {
  return db.select().from(users).where(eq(users.id, id)).get();
}
