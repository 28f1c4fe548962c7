/**
 * The single source of truth for the database. Fields are camelCase here and snake_case in SQLite
 * (drizzle `casing: 'snake_case'`); migrations in db/migrations are generated from this file and db/schema/outreach.ts.
 * Dates are ISO strings: `YYYY-MM-DD` for calendar dates, full ISO timestamps for "when".
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { noneNegative, notNegative, oneOf } from './checks.ts';
import { ACTIVITY_KINDS } from './domain/activity.ts';
import { ORGANISATIONS } from './domain/organisation.ts';
import { QUARTER_STATES } from './domain/quarter.ts';
import { REASONS } from './domain/reason.ts';
import { ROLES } from './domain/role.ts';

// The pages and tests name an account's role by this type.
export type { Role } from './domain/role.ts';

/** Columns many tables share: a municipality, a quarter, or the account behind a change. */
const municipalityCode = () => text().notNull().references(() => municipalities.code);
const quarterCode = () => text().notNull().references(() => quarters.code);
const accountId = () => integer().references(() => users.id);

export const regions = sqliteTable('regions', {
  code: text().primaryKey(),
  name: text().notNull(),
});

export const municipalities = sqliteTable(
  'municipalities',
  {
    code: text().primaryKey(),
    name: text().notNull(),
    regionCode: text().notNull().references(() => regions.code),
  },
  (t) => [check('municipality_code_has_four_digits', sql`${t.code} GLOB '[0-9][0-9][0-9][0-9]'`)],
);

/** Wording of the three categories; a quarter records the version it was assessed under. */
export const categoryDefinitions = sqliteTable('category_definitions', {
  version: integer().primaryKey(),
  validFrom: text().notNull(),
  definitions: text({ mode: 'json' }).notNull().$type<Record<'1' | '2' | '3', { da: string; en: string }>>(),
});

export const quarters = sqliteTable(
  'quarters',
  {
    code: text().primaryKey(),
    year: integer().notNull(),
    quarter: integer().notNull(),
    state: text({ enum: QUARTER_STATES }).notNull().default('open'),
    definitionsVersion: integer().notNull().references(() => categoryDefinitions.version),
    openedAt: text().notNull(),
    finalisedAt: text(),
    finalisedBy: text(),
    /** The account that finalised it; finalisedBy keeps the name shown (rewritten on pseudonymisation). */
    finalisedById: accountId(),
    /** Optional: the date (Europe/Copenhagen) by which every municipality should be settled. */
    deadline: text(),
  },
  (t) => [
    check('quarter_code_canonical', sql`${t.code} = ${t.year} || 'K' || ${t.quarter}`),
    check('quarter_in_range', sql`${t.quarter} BETWEEN 1 AND 4`),
    check('quarter_state_known', oneOf(t.state, QUARTER_STATES)),
  ],
);

/**
 * One municipality's category in one quarter. A missing row means "not yet assessed"; a row with a
 * null category is an explicit "not assessed" (with a reason). `version` grows with every write so
 * a stale edit can be detected instead of silently overwriting a colleague's.
 */
export const statuses = sqliteTable(
  'statuses',
  {
    quarterCode: quarterCode(),
    municipalityCode: municipalityCode(),
    category: integer(),
    reason: text({ enum: REASONS }),
    reasonText: text(),
    note: text(),
    carriedOver: integer({ mode: 'boolean' }).notNull().default(false),
    version: integer().notNull().default(1),
    updatedBy: text().notNull(),
    /** The account behind updatedBy (null for scripts and the demo loader), for pseudonymisation. */
    updatedById: accountId(),
    updatedAt: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.quarterCode, t.municipalityCode] }),
    index('statuses_municipality_idx').on(t.municipalityCode, t.quarterCode),
    // Category counts per quarter (quarter list, summary) are read from this index alone.
    index('statuses_quarter_category_idx').on(t.quarterCode, t.category),
    check('status_category_known', sql`${t.category} IS NULL OR ${t.category} IN (1, 2, 3)`),
    check('status_reason_known', sql`${t.reason} IS NULL OR ${oneOf(t.reason, REASONS)}`),
  ],
);

/** A cooperation agreement (samarbejdsaftale): active from signedOn until endedOn (exclusive). */
export const agreements = sqliteTable(
  'agreements',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    municipalityCode: municipalityCode(),
    organisation: text({ enum: ORGANISATIONS }).notNull(),
    signedOn: text().notNull(),
    endedOn: text(),
    note: text(),
    createdAt: text().notNull(),
    updatedAt: text().notNull(),
  },
  (t) => [
    index('agreements_municipality_idx').on(t.municipalityCode),
    index('agreements_period_idx').on(t.signedOn, t.endedOn),
    // "Active on a day" reads only agreements still running or ended after that day, so the map's
    // agreement markers cost the same however many agreements have ended over the years.
    index('agreements_active_idx').on(t.endedOn, t.signedOn, t.municipalityCode, t.organisation),
    check('agreement_organisation_known', oneOf(t.organisation, ORGANISATIONS)),
    check('agreement_ends_after_signing', sql`${t.endedOn} IS NULL OR ${t.endedOn} >= ${t.signedOn}`),
  ],
);

/** The year's reception quota (landstal share); a zero quota counts as "need covered". */
export const receptionQuotas = sqliteTable(
  'reception_quotas',
  {
    municipalityCode: municipalityCode(),
    year: integer().notNull(),
    quota: integer(),
    zeroQuota: integer({ mode: 'boolean' }).notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.municipalityCode, t.year] }), index('reception_quotas_year_idx').on(t.year), check('quota_not_negative', notNegative(t.quota))],
);

/**
 * People who log in: `admin` the national project group, `consultant` a regional consultant, `viewer` the
 * following group; `reminders` is turned off on "Min konto". Disabled, never deleted: the audit log keeps its authors.
 */
export const users = sqliteTable(
  'users',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    email: text().notNull().unique(),
    name: text().notNull(),
    role: text({ enum: ROLES }).notNull(),
    passwordHash: text().notNull(),
    disabled: integer({ mode: 'boolean' }).notNull().default(false),
    createdAt: text().notNull(),
    updatedAt: text().notNull(),
    passwordChangedAt: text().notNull(),
    reminders: integer({ mode: 'boolean' }).notNull().default(true),
  },
  (t) => [check('user_role_known', oneOf(t.role, ROLES)), check('user_email_lower_case', sql`${t.email} = lower(${t.email})`)],
);

/**
 * Server-side sessions. The cookie carries a random token; only its SHA-256 is stored, so a copy
 * of the database does not hand out live sessions.
 */
export const sessions = sqliteTable(
  'sessions',
  {
    tokenHash: text().primaryKey(),
    userId: integer().notNull().references(() => users.id),
    csrfToken: text().notNull(),
    createdAt: text().notNull(),
    expiresAt: text().notNull(),
    lastSeenAt: text().notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

/**
 * Append-only: every write appends one row in the same transaction. Triggers in the migration
 * refuse UPDATE and DELETE so history cannot be rewritten from inside the application either.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    at: text().notNull(),
    /** Who, as shown at the time ("Anne Hansen <anne@rodekors.dk>"); actorId links the account. */
    actor: text().notNull(),
    actorId: accountId(),
    action: text().notNull(),
    entity: text().notNull(),
    entityKey: text().notNull(),
    municipalityCode: text(),
    quarterCode: text(),
    oldValue: text({ mode: 'json' }),
    newValue: text({ mode: 'json' }),
    reason: text(),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_municipality_idx').on(t.municipalityCode, t.at),
    index('audit_log_quarter_idx').on(t.quarterCode, t.at),
    index('audit_log_actor_idx').on(t.actor, t.at),
    // The audit page filters by account id: without this index that filter read the whole log.
    index('audit_log_actor_id_idx').on(t.actorId, t.at),
  ],
);

/**
 * Failed logins, kept in the database so a restart does not reset the limits: per address (at most
 * 10 failures in 15 minutes) and per account (a growing delay). Successful logins are not recorded;
 * rows older than a day are purged.
 */
export const loginFailures = sqliteTable(
  'login_failures',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    at: text().notNull(),
    address: text().notNull(),
    /** The e-mail address typed, normalised; it need not belong to an account. */
    email: text().notNull(),
  },
  (t) => [index('login_failures_address_idx').on(t.address, t.at), index('login_failures_email_idx').on(t.email, t.at)],
);

/** Facts about the database itself, e.g. `dataset = demo` so every view can label demo data. */
export const meta = sqliteTable('meta', {
  key: text().primaryKey(),
  value: text().notNull(),
});

/**
 * A regional consultant's area: a set of municipalities (each in at most one area) and the
 * consultants who work it. Areas are data, so the national project group can redraw them.
 */
export const areas = sqliteTable('areas', {
  id: integer().primaryKey({ autoIncrement: true }),
  name: text().notNull().unique(),
  createdAt: text().notNull(),
  updatedAt: text().notNull(),
});

export const areaMunicipalities = sqliteTable(
  'area_municipalities',
  {
    municipalityCode: text().primaryKey().references(() => municipalities.code),
    areaId: integer().notNull().references(() => areas.id),
  },
  (t) => [index('area_municipalities_area_idx').on(t.areaId)],
);

export const areaConsultants = sqliteTable(
  'area_consultants',
  {
    areaId: integer().notNull().references(() => areas.id),
    userId: integer().notNull().references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.areaId, t.userId] }), index('area_consultants_user_idx').on(t.userId)],
);

/** What a consultant did with a municipality: the support log. */
export const supportActivities = sqliteTable(
  'support_activities',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    municipalityCode: municipalityCode(),
    kind: text({ enum: ACTIVITY_KINDS }).notNull(),
    happenedOn: text().notNull(),
    participants: integer(),
    note: text(),
    createdBy: text().notNull(),
    createdById: accountId(),
    createdAt: text().notNull(),
  },
  (t) => [
    index('support_activities_municipality_idx').on(t.municipalityCode, t.happenedOn),
    index('support_activities_date_idx').on(t.happenedOn),
    check('support_activity_kind_known', oneOf(t.kind, ACTIVITY_KINDS)),
    check('support_participants_not_negative', notNegative(t.participants)),
  ],
);

/**
 * Optional recruitment numbers per municipality and quarter. Summed nationally, volunteers
 * missing is the recruitment need (about 991 in December 2018).
 */
export const recruitmentMeasures = sqliteTable(
  'recruitment_measures',
  {
    quarterCode: quarterCode(),
    municipalityCode: municipalityCode(),
    refugeesWaiting: integer(),
    volunteersMissing: integer(),
    activeMatches: integer(),
    newMatches: integer(),
    updatedBy: text().notNull(),
    updatedById: accountId(),
    updatedAt: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.quarterCode, t.municipalityCode] }),
    index('recruitment_measures_municipality_idx').on(t.municipalityCode, t.quarterCode),
    check('recruitment_not_negative', noneNegative(t.refugeesWaiting, t.volunteersMissing, t.activeMatches, t.newMatches)),
  ],
);
