import { Type, type Static } from '@sinclair/typebox';
import { COUNT_MAX, MAX_INTEGER, NOTE_MAX_CHARS } from '../../db/domain/limits.ts';
import { Id, IsoDate, MultiLineText, MunicipalityCode, NullableString, Organisation } from './common.ts';

export const AgreementRow = Type.Object({
  id: Type.Integer(),
  municipalityCode: Type.String(),
  municipalityName: Type.String(),
  organisation: Organisation,
  signedOn: Type.String(),
  endedOn: NullableString,
  note: NullableString,
  updatedAt: Type.String(),
});
export type AgreementRow = Static<typeof AgreementRow>;

export const AgreementQuery = Type.Object(
  {
    municipality: Type.Optional(MunicipalityCode),
    organisation: Type.Optional(Organisation),
    activeOn: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);

export const NewAgreement = Type.Object(
  {
    municipalityCode: MunicipalityCode,
    organisation: Organisation,
    signedOn: IsoDate,
    endedOn: Type.Optional(Type.Union([IsoDate, Type.Null()])),
    note: Type.Optional(Type.Union([MultiLineText({ maxLength: NOTE_MAX_CHARS }), Type.Null()])),
  },
  { additionalProperties: false },
);

/** An agreement stays with its municipality: to move one, end it and register a new one. */
export const AgreementPatch = Type.Partial(Type.Omit(NewAgreement, ['municipalityCode']), { additionalProperties: false, minProperties: 1 });

export const AgreementIdParams = Type.Object({ id: Id('an agreement id') });

export const YearParams = Type.Object({
  year: Type.Integer({ minimum: 2000, maximum: 2100, description: 'a year such as 2018' }),
});

export const QuotaRow = Type.Object({
  code: Type.String(),
  name: Type.String(),
  regionCode: Type.String(),
  quota: Type.Union([Type.Integer(), Type.Null()]),
  zeroQuota: Type.Boolean(),
});
export type QuotaRow = Static<typeof QuotaRow>;

export const QuotaWrite = Type.Object(
  {
    rows: Type.Array(
      Type.Object(
        {
          code: MunicipalityCode,
          quota: Type.Union([Type.Integer({ minimum: 0, maximum: COUNT_MAX }), Type.Null()]),
          zeroQuota: Type.Boolean(),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 98 },
    ),
  },
  { additionalProperties: false },
);

export const AuditQuery = Type.Object(
  {
    user: Type.Optional(Id('a user id')),
    municipality: Type.Optional(MunicipalityCode),
    quarter: Type.Optional(Type.String({ pattern: '^[0-9]{4}[KkQq][1-4]$', description: 'a quarter code such as 2016K2' })),
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
    // Optional for the caller; validation fills in the defaults.
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100, description: 'rows per page (default 100)' })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_INTEGER, default: 0, description: 'rows to skip (default 0)' })),
  },
  { additionalProperties: false },
);

export const AuditPage = Type.Object({
  total: Type.Integer(),
  rows: Type.Array(
    Type.Object({
      id: Type.Integer(),
      at: Type.String(),
      actor: Type.String(),
      actorId: Type.Union([Type.Integer(), Type.Null()]),
      action: Type.String(),
      entity: Type.String(),
      entityKey: Type.String(),
      municipalityCode: NullableString,
      quarterCode: NullableString,
      oldValue: Type.Unknown(),
      newValue: Type.Unknown(),
      reason: NullableString,
    }),
  ),
});
export type AuditPage = Static<typeof AuditPage>;
