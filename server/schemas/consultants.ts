import { Type, type Static } from '@sinclair/typebox';
import { ACTIVITY_KINDS } from '../../db/domain/activity.ts';
import { COUNT_MAX, NOTE_MAX_CHARS } from '../../db/domain/limits.ts';
import { PRIORITY_RULES } from '../../db/domain/priority.ts';
import { CategoryValue, Id, IsoDate, MultiLineText, MunicipalityCode, NullableString, QuarterCode, SingleLineText } from './common.ts';

export const Area = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  municipalityCodes: Type.Array(Type.String()),
  consultants: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), email: Type.Union([Type.String(), Type.Null()]) })),
});
export type Area = Static<typeof Area>;

export const AreaWrite = Type.Object(
  {
    name: SingleLineText({ minLength: 1, maxLength: 80, description: '1 to 80 characters' }),
    municipalityCodes: Type.Array(MunicipalityCode, { maxItems: 98 }),
    consultantIds: Type.Array(Id('a user id'), { maxItems: 50 }),
  },
  { additionalProperties: false },
);

export const AreaIdParams = Type.Object({ id: Id('an area id') });

const Kind = Type.Union(ACTIVITY_KINDS.map((k) => Type.Literal(k)));

export const Activity = Type.Object({
  id: Type.Integer(),
  municipalityCode: Type.String(),
  municipalityName: Type.String(),
  kind: Kind,
  happenedOn: Type.String(),
  participants: Type.Union([Type.Integer(), Type.Null()]),
  note: NullableString,
  createdBy: NullableString,
  createdAt: Type.String(),
});
export type Activity = Static<typeof Activity>;

export const ActivityQuery = Type.Object(
  { municipality: Type.Optional(MunicipalityCode), quarter: Type.Optional(QuarterCode) },
  { additionalProperties: false },
);

export const NewActivity = Type.Object(
  {
    municipalityCode: MunicipalityCode,
    kind: Kind,
    happenedOn: IsoDate,
    participants: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 10000 }), Type.Null()])),
    note: Type.Optional(Type.Union([MultiLineText({ maxLength: NOTE_MAX_CHARS }), Type.Null()])),
  },
  { additionalProperties: false },
);

const Count = Type.Union([Type.Integer({ minimum: 0, maximum: COUNT_MAX }), Type.Null()]);

export const RecruitmentRow = Type.Object({
  code: Type.String(),
  name: Type.String(),
  regionCode: Type.String(),
  refugeesWaiting: Count,
  volunteersMissing: Count,
  activeMatches: Count,
  newMatches: Count,
});

export const Recruitment = Type.Object({
  rows: Type.Array(RecruitmentRow),
  totals: Type.Object({
    refugeesWaiting: Type.Integer(),
    volunteersMissing: Type.Integer({ description: 'The national recruitment need' }),
    activeMatches: Type.Integer(),
    newMatches: Type.Integer(),
    reporting: Type.Integer({ description: 'Municipalities that reported any number' }),
  }),
});
export type Recruitment = Static<typeof Recruitment>;

export const RecruitmentWrite = Type.Object(
  {
    rows: Type.Array(
      Type.Object(
        {
          code: MunicipalityCode,
          refugeesWaiting: Type.Optional(Count),
          volunteersMissing: Type.Optional(Count),
          activeMatches: Type.Optional(Count),
          newMatches: Type.Optional(Count),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 98 },
    ),
  },
  { additionalProperties: false },
);

export const PriorityQuery = Type.Object(
  { quarter: Type.Optional(QuarterCode), area: Type.Optional(Id('an area id')) },
  { additionalProperties: false },
);

export const PriorityRow = Type.Object({
  code: Type.String(),
  name: Type.String(),
  regionCode: Type.String(),
  areaId: Type.Union([Type.Integer(), Type.Null()]),
  areaName: NullableString,
  category: CategoryValue,
  score: Type.Integer(),
  volunteersMissing: Type.Integer(),
  reasons: Type.Array(
    Type.Object({
      rule: Type.Union(PRIORITY_RULES.map((r) => Type.Literal(r))),
      points: Type.Integer(),
      detail: Type.Optional(Type.Record(Type.String(), Type.Integer())),
    }),
  ),
});
export type PriorityRow = Static<typeof PriorityRow>;
