import { Type, type Static } from '@sinclair/typebox';
import { REASONS } from '../../db/domain/reason.ts';
import { CategoryValue, NullableString, Organisation } from './common.ts';

export const Municipality = Type.Object({
  code: Type.String({ examples: ['0101'] }),
  name: Type.String({ examples: ['København'] }),
  regionCode: Type.String({ examples: ['1084'] }),
  regionName: Type.String({ examples: ['Region Hovedstaden'] }),
});
export type Municipality = Static<typeof Municipality>;

export const Reason = Type.Union([...REASONS.map((r) => Type.Literal(r)), Type.Null()]);

export const HistoryEntry = Type.Object({
  quarter: Type.String(),
  state: Type.Union([Type.Literal('open'), Type.Literal('final')]),
  category: CategoryValue,
  reason: Reason,
  reasonText: NullableString,
  note: NullableString,
  updatedBy: NullableString,
  updatedAt: NullableString,
});

export const Agreement = Type.Object({
  id: Type.Integer(),
  organisation: Organisation,
  signedOn: Type.String({ format: 'date' }),
  endedOn: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  note: NullableString,
});

export const MunicipalityHistory = Type.Object({
  municipality: Municipality,
  quarters: Type.Array(HistoryEntry),
  agreements: Type.Array(Agreement),
  quotas: Type.Array(
    Type.Object({ year: Type.Integer(), quota: Type.Union([Type.Integer(), Type.Null()]), zeroQuota: Type.Boolean() }),
  ),
});
export type MunicipalityHistory = Static<typeof MunicipalityHistory>;
