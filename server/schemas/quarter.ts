import { Type, type Static } from '@sinclair/typebox';
import { CategoryCounts, CategoryValue, NullableString, Organisation } from './common.ts';
import { Reason } from './municipality.ts';

export const Quarter = Type.Object({
  code: Type.String({ examples: ['2018K4'] }),
  state: Type.Union([Type.Literal('open'), Type.Literal('final')]),
  definitionsVersion: Type.Integer(),
  openedAt: Type.String(),
  finalisedAt: NullableString,
  deadline: Type.Union([Type.String({ format: 'date' }), Type.Null()], { description: 'The date (Europe/Copenhagen) by which every municipality should be settled' }),
  publishedAt: Type.Union([Type.String(), Type.Null()], { description: 'When the published snapshot was taken; null when the quarter is not published' }),
  counts: CategoryCounts,
});
export type Quarter = Static<typeof Quarter>;

export const MunicipalityStatus = Type.Object({
  code: Type.String(),
  name: Type.String(),
  regionCode: Type.String(),
  category: CategoryValue,
  reason: Reason,
  reasonText: NullableString,
  note: NullableString,
  agreements: Type.Array(Organisation, { description: 'Organisations with an agreement active on the last day of the quarter' }),
  zeroQuota: Type.Boolean({ description: 'Zero reception quota in the quarter’s year: counts as need covered' }),
  carriedOver: Type.Boolean(),
  version: Type.Integer({ description: '0 when never written; grows with every write' }),
  updatedBy: NullableString,
  updatedAt: NullableString,
});
export type MunicipalityStatus = Static<typeof MunicipalityStatus>;

export const Summary = Type.Object(
  {
    quarter: Type.String(),
    counts: CategoryCounts,
    municipalitiesWithOffer: Type.Integer({ description: 'Green and yellow municipalities' }),
    agreements: Type.Object(
      {
        active: Type.Integer({ description: 'Agreements active on the last day of the quarter' }),
        municipalitiesWithAgreement: Type.Integer(),
        municipalitiesWithBoth: Type.Integer({ description: 'Municipalities with an agreement with both RK and DFH' }),
      },
      { additionalProperties: false },
    ),
    zeroQuota: Type.Integer({ description: 'Municipalities with a zero quota in the quarter’s year' }),
  },
  { additionalProperties: false },
);
export type Summary = Static<typeof Summary>;

const Category123 = Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3)]);

export const StatusMatrix = Type.Object({
  quarters: Type.Array(Type.String()),
  municipalities: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      regionCode: Type.String(),
      categories: Type.Array(CategoryValue, { description: 'One per quarter, in the order of `quarters`' }),
      changes: Type.Array(
        Type.Object({
          quarter: Type.String(),
          from: Category123,
          to: Category123,
          reason: Reason,
          reasonText: NullableString,
          note: NullableString,
        }),
      ),
    }),
  ),
});
export type StatusMatrix = Static<typeof StatusMatrix>;

export const QuarterTrend = Type.Object({
  quarter: Type.String(),
  counts: CategoryCounts,
  municipalitiesWithOffer: Type.Integer(),
  agreements: Summary.properties.agreements,
  zeroQuota: Type.Integer(),
  downgrades: Type.Record(Type.String(), Type.Integer(), { description: 'Municipalities that got a worse category, by reason' }),
  upgrades: Type.Integer(),
});
export type QuarterTrend = Static<typeof QuarterTrend>;
