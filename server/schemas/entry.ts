import { Type, type Static } from '@sinclair/typebox';
import { REASONS } from '../../db/domain/reason.ts';
import { MAX_INTEGER, NOTE_MAX_CHARS, REASON_TEXT_MAX_CHARS } from '../../db/domain/limits.ts';
import { CategoryValue, MultiLineText, MunicipalityCode, QuarterCode } from './common.ts';
import { MunicipalityStatus, Quarter } from './quarter.ts';

const ReasonValue = Type.Union([...REASONS.map((r) => Type.Literal(r)), Type.Null()], {
  // Read as "must be …" in a refusal; the rule for when it is required is in the route's summary.
  description: `one of ${REASONS.join(', ')}, or null`,
});

const statusFields = {
  category: CategoryValue,
  reason: Type.Optional(ReasonValue),
  reasonText: Type.Optional(
    Type.Union([MultiLineText({ maxLength: REASON_TEXT_MAX_CHARS }), Type.Null()], {
      description: 'free text: required with reason "other" and when marking "not assessed" (category null)',
    }),
  ),
  note: Type.Optional(Type.Union([MultiLineText({ maxLength: NOTE_MAX_CHARS }), Type.Null()])),
  version: Type.Integer({ minimum: 0, maximum: MAX_INTEGER, description: 'the version you started from (0 for a new row); a stale one answers 409' }),
};

export const StatusWrite = Type.Object(statusFields, { additionalProperties: false });

export const StatusBulkWrite = Type.Object(
  {
    rows: Type.Array(Type.Object({ code: MunicipalityCode, ...statusFields }, { additionalProperties: false }), {
      minItems: 1,
      maxItems: 500,
    }),
  },
  { additionalProperties: false },
);

export const SaveResult = Type.Object({
  saved: Type.Array(Type.String()),
  unchanged: Type.Array(Type.String()),
  rows: Type.Array(MunicipalityStatus),
});
export type SaveResult = Static<typeof SaveResult>;

export const OpenedQuarter = Type.Object({ code: Type.String(), carriedOver: Type.Integer() });
export type OpenedQuarter = Static<typeof OpenedQuarter>;

export const OpenQuarterBody = Type.Object(
  {
    /** Only for the first quarter of an empty database: where monitoring starts (2016K2 at the earliest). */
    quarter: Type.Optional(QuarterCode),
    deadline: Type.Optional(Type.String({ format: 'date', description: 'the quarter’s deadline, a date written YYYY-MM-DD (Europe/Copenhagen); can be set later' })),
  },
  { additionalProperties: false },
);

export const ReopenBody = Type.Object(
  { reason: MultiLineText({ minLength: 1, maxLength: REASON_TEXT_MAX_CHARS, description: 'why the quarter is reopened' }) },
  { additionalProperties: false },
);

export { Quarter };
