/**
 * The API as the browser sees it: every request and answer type is the server's own TypeBox
 * schema read through `Static<>`, so a field renamed on the server fails the type check here.
 * Only types are imported (`import type`): nothing from server/ reaches the bundle, which
 * tests/architecture/web-imports.test.ts enforces.
 */
import type { Static } from '@sinclair/typebox';
import type * as Auth from '../../../server/schemas/auth.ts';
import type * as Common from '../../../server/schemas/common.ts';
import type * as Errors from '../../../server/schemas/error.ts';
import type * as Consultants from '../../../server/schemas/consultants.ts';
import type * as Entry from '../../../server/schemas/entry.ts';
import type * as MetaSchemas from '../../../server/schemas/meta.ts';
import type * as Municipalities from '../../../server/schemas/municipality.ts';
import type * as Outreach from '../../../server/schemas/outreach.ts';
import type * as Quarters from '../../../server/schemas/quarter.ts';
import type * as Records from '../../../server/schemas/records.ts';
import type * as Transfer from '../../../server/schemas/transfer.ts';

// Accounts and sessions
export type User = Static<typeof Auth.User>;
export type Account = Static<typeof Auth.UserWithLogins>;
export type SessionInfo = Static<typeof Auth.SessionInfo>;
export type NewUser = Static<typeof Auth.NewUser>;
export type UserPatch = Static<typeof Auth.UserPatch>;
export type PasswordChange = Static<typeof Auth.PasswordChange>;

// Refusals
export type ErrorBody = Errors.ErrorResponse;
/** One invalid row of a refused bulk write or import (`errors` in a refusal). */
export type RowProblem = NonNullable<ErrorBody['errors']>[number];

// Reference data and the dashboard
export type Meta = Static<typeof MetaSchemas.Meta>;
export type Label = Meta['reasons'][number]['label'];
export type CategoryCounts = Static<typeof Common.CategoryCounts>;
export type Quarter = Static<typeof Quarters.Quarter>;
export type MunicipalityStatus = Static<typeof Quarters.MunicipalityStatus>;
export type Summary = Static<typeof Quarters.Summary>;
export type StatusMatrix = Static<typeof Quarters.StatusMatrix>;
export type CategoryChange = StatusMatrix['municipalities'][number]['changes'][number];
export type QuarterTrend = Static<typeof Quarters.QuarterTrend>;
export type Municipality = Static<typeof Municipalities.Municipality>;
export type HistoryEntry = Static<typeof Municipalities.HistoryEntry>;
export type MunicipalityHistory = Static<typeof Municipalities.MunicipalityHistory>;

// Entering a quarter
export type StatusBody = Static<typeof Entry.StatusWrite>;
export type SaveResult = Static<typeof Entry.SaveResult>;
export type OpenedQuarter = Static<typeof Entry.OpenedQuarter>;

// Records
export type AgreementRow = Static<typeof Records.AgreementRow>;
export type NewAgreement = Static<typeof Records.NewAgreement>;
export type QuotaRow = Static<typeof Records.QuotaRow>;
export type QuotaChange = Static<typeof Records.QuotaWrite>['rows'][number];
export type AuditPage = Static<typeof Records.AuditPage>;
export type AuditRow = AuditPage['rows'][number];

// Regional consultants
export type Area = Static<typeof Consultants.Area>;
export type AreaWrite = Static<typeof Consultants.AreaWrite>;
export type PriorityRow = Static<typeof Consultants.PriorityRow>;
export type PriorityReason = PriorityRow['reasons'][number];
export type Activity = Static<typeof Consultants.Activity>;
export type NewActivity = Static<typeof Consultants.NewActivity>;
export type Recruitment = Static<typeof Consultants.Recruitment>;
export type RecruitmentRow = Static<typeof Consultants.RecruitmentRow>;
export type RecruitmentTotals = Recruitment['totals'];
export type RecruitmentBody = Static<typeof Consultants.RecruitmentWrite>['rows'][number];

// Import
export type ImportChange = Static<typeof Transfer.ImportChange>;
export type StatusContent = ImportChange['after'];
export type ImportPreview = Static<typeof Transfer.ImportPreview>;
export type ImportResult = Static<typeof Transfer.ImportResult>;

// Deadlines, progress and reminders; published quarters; links that set a password (issue #15)
export type Progress = Static<typeof Outreach.Progress>;
export type ProgressCounts = Static<typeof Outreach.ProgressCounts>;
export type AreaProgress = Progress['areas'][number];
export type Reminders = Static<typeof Outreach.Reminders>;
export type Reminder = Reminders['reminders'][number];
export type MyAccountPatch = Static<typeof Outreach.MyAccountPatch>;
export type PublishedQuarter = Static<typeof Outreach.PublishedQuarter>;
export type PublishedEntry = Static<typeof Outreach.PublishedEntry>;
export type TokenInfo = Static<typeof Outreach.TokenInfo>;
export type Accepted = Static<typeof Outreach.Accepted>;
