/**
 * The API as the browser sees it: every request and answer type is the server's own TypeBox
 * schema read through `Static<>`, so a field renamed on the server fails the type check here.
 * Only types are imported (`import type`): nothing from server/ reaches the bundle, which
 * tests/architecture/web-imports.test.ts enforces.
 */
import type { Static } from '@sinclair/typebox';
import type {
  NewUser as NewUserSchema,
  PasswordChange as PasswordChangeSchema,
  SessionInfo as SessionInfoSchema,
  User as UserSchema,
  UserPatch as UserPatchSchema,
  UserWithLogins as UserWithLoginsSchema,
} from '../../../server/schemas/auth.ts';
import type { CategoryCounts as CategoryCountsSchema, ErrorResponse as ErrorResponseSchema } from '../../../server/schemas/common.ts';
import type {
  Activity as ActivitySchema,
  Area as AreaSchema,
  AreaWrite as AreaWriteSchema,
  NewActivity as NewActivitySchema,
  PriorityRow as PriorityRowSchema,
  Recruitment as RecruitmentSchema,
  RecruitmentRow as RecruitmentRowSchema,
  RecruitmentWrite as RecruitmentWriteSchema,
} from '../../../server/schemas/consultants.ts';
import type {
  OpenedQuarter as OpenedQuarterSchema,
  SaveResult as SaveResultSchema,
  StatusWrite as StatusWriteSchema,
} from '../../../server/schemas/entry.ts';
import type { Meta as MetaSchema } from '../../../server/schemas/meta.ts';
import type {
  HistoryEntry as HistoryEntrySchema,
  Municipality as MunicipalitySchema,
  MunicipalityHistory as MunicipalityHistorySchema,
} from '../../../server/schemas/municipality.ts';
import type {
  MunicipalityStatus as MunicipalityStatusSchema,
  Quarter as QuarterSchema,
  QuarterTrend as QuarterTrendSchema,
  StatusMatrix as StatusMatrixSchema,
  Summary as SummarySchema,
} from '../../../server/schemas/quarter.ts';
import type {
  AgreementRow as AgreementRowSchema,
  AuditPage as AuditPageSchema,
  NewAgreement as NewAgreementSchema,
  QuotaRow as QuotaRowSchema,
  QuotaWrite as QuotaWriteSchema,
} from '../../../server/schemas/records.ts';
import type {
  ImportChange as ImportChangeSchema,
  ImportPreview as ImportPreviewSchema,
  ImportResult as ImportResultSchema,
} from '../../../server/schemas/transfer.ts';

// Accounts and sessions
export type User = Static<typeof UserSchema>;
export type Account = Static<typeof UserWithLoginsSchema>;
export type SessionInfo = Static<typeof SessionInfoSchema>;
export type NewUser = Static<typeof NewUserSchema>;
export type UserPatch = Static<typeof UserPatchSchema>;
export type PasswordChange = Static<typeof PasswordChangeSchema>;

// Refusals
export type ErrorBody = Static<typeof ErrorResponseSchema>;
/** One invalid row of a refused bulk write or import (`errors` in a refusal). */
export type RowProblem = NonNullable<ErrorBody['errors']>[number];

// Reference data and the dashboard
export type Meta = Static<typeof MetaSchema>;
export type Label = Meta['reasons'][number]['label'];
export type CategoryCounts = Static<typeof CategoryCountsSchema>;
export type Quarter = Static<typeof QuarterSchema>;
export type MunicipalityStatus = Static<typeof MunicipalityStatusSchema>;
export type Summary = Static<typeof SummarySchema>;
export type StatusMatrix = Static<typeof StatusMatrixSchema>;
export type CategoryChange = StatusMatrix['municipalities'][number]['changes'][number];
export type QuarterTrend = Static<typeof QuarterTrendSchema>;
export type Municipality = Static<typeof MunicipalitySchema>;
export type HistoryEntry = Static<typeof HistoryEntrySchema>;
export type MunicipalityHistory = Static<typeof MunicipalityHistorySchema>;

// Entering a quarter
export type StatusBody = Static<typeof StatusWriteSchema>;
export type SaveResult = Static<typeof SaveResultSchema>;
export type OpenedQuarter = Static<typeof OpenedQuarterSchema>;

// Records
export type AgreementRow = Static<typeof AgreementRowSchema>;
export type NewAgreement = Static<typeof NewAgreementSchema>;
export type QuotaRow = Static<typeof QuotaRowSchema>;
export type QuotaChange = Static<typeof QuotaWriteSchema>['rows'][number];
export type AuditPage = Static<typeof AuditPageSchema>;
export type AuditRow = AuditPage['rows'][number];

// Regional consultants
export type Area = Static<typeof AreaSchema>;
export type AreaWrite = Static<typeof AreaWriteSchema>;
export type PriorityRow = Static<typeof PriorityRowSchema>;
export type PriorityReason = PriorityRow['reasons'][number];
export type Activity = Static<typeof ActivitySchema>;
export type NewActivity = Static<typeof NewActivitySchema>;
export type Recruitment = Static<typeof RecruitmentSchema>;
export type RecruitmentRow = Static<typeof RecruitmentRowSchema>;
export type RecruitmentTotals = Recruitment['totals'];
export type RecruitmentBody = Static<typeof RecruitmentWriteSchema>['rows'][number];

// Import
export type ImportChange = Static<typeof ImportChangeSchema>;
export type StatusContent = ImportChange['after'];
export type ImportPreview = Static<typeof ImportPreviewSchema>;
export type ImportResult = Static<typeof ImportResultSchema>;
