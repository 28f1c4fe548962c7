import { Type, type Static } from '@sinclair/typebox';
import { Id, SingleLineText } from './common.ts';

export const Role = Type.Union([Type.Literal('admin'), Type.Literal('consultant'), Type.Literal('viewer')]);

export const User = Type.Object({
  id: Type.Integer(),
  email: Type.String(),
  name: Type.String(),
  role: Role,
  disabled: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  reminders: Type.Boolean({ description: 'whether the person gets reminders (turned off on "Min konto")' }),
  invitationPending: Type.Boolean({ description: 'invited by e-mail and no password chosen yet' }),
});
export type User = Static<typeof User>;

/** An account as administrators see it, with its failed logins (db/writes/login-failures.ts). */
export const UserWithLogins = Type.Composite([
  User,
  Type.Object({
    failedLogins: Type.Integer({ description: 'failed logins in the last 24 hours' }),
    loginDelayedUntil: Type.Union([Type.String(), Type.Null()], { description: 'the next login attempt must wait until then' }),
  }),
]);
export type UserWithLogins = Static<typeof UserWithLogins>;

export const SessionInfo = Type.Object({
  user: Type.Union([User, Type.Null()]),
  csrfToken: Type.Union([Type.String(), Type.Null()], { description: 'Send it back in the x-csrf-token header on every write' }),
  anonymousRead: Type.Boolean({ description: 'Whether the dashboard can be read without logging in right now' }),
  firstAccountNeeded: Type.Boolean({ description: 'No account exists yet: create the first administrator with npm run user:create' }),
  mail: Type.Boolean({ description: 'The server sends e-mail: "Glemt adgangskode" and invitations work' }),
});
export type SessionInfo = Static<typeof SessionInfo>;

export const Credentials = Type.Object(
  {
    email: SingleLineText({ minLength: 1, maxLength: 254, description: 'e-mail address' }),
    password: SingleLineText({ minLength: 1, maxLength: 200, description: 'password' }),
  },
  { additionalProperties: false },
);

export const PasswordChange = Type.Object(
  {
    currentPassword: SingleLineText({ minLength: 1, maxLength: 200, description: 'your current password' }),
    newPassword: SingleLineText({ minLength: 1, maxLength: 200, description: 'the new password' }),
  },
  { additionalProperties: false },
);

export const NewUser = Type.Object(
  {
    email: SingleLineText({ minLength: 3, maxLength: 254, description: 'an e-mail address' }),
    name: SingleLineText({ minLength: 1, maxLength: 120, description: '1 to 120 characters' }),
    role: Role,
    password: Type.Optional(
      SingleLineText({ minLength: 1, maxLength: 200, description: 'the first password; leave it out to send an invitation by e-mail instead (needs SMTP_URL)' }),
    ),
  },
  { additionalProperties: false },
);

export const UserPatch = Type.Object(
  {
    name: Type.Optional(SingleLineText({ minLength: 1, maxLength: 120, description: '1 to 120 characters' })),
    role: Type.Optional(Role),
    disabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const UserIdParams = Type.Object({ id: Id('a user id') });

export const PasswordReset = Type.Object(
  { password: SingleLineText({ minLength: 1, maxLength: 200, description: 'the new password' }) },
  { additionalProperties: false },
);
