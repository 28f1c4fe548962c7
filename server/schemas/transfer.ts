import { Type, type Static } from '@sinclair/typebox';
import { CategoryValue, NullableString, QuarterCode } from './common.ts';
import { Reason } from './municipality.ts';

const StatusContent = Type.Object({ category: CategoryValue, reason: Reason, reasonText: NullableString, note: NullableString });

export const ImportChange = Type.Object({
  line: Type.Integer({ description: 'line of the file (the header is line 1)' }),
  quarter: Type.String(),
  code: Type.String(),
  name: Type.String(),
  action: Type.Union([Type.Literal('create'), Type.Literal('update'), Type.Literal('confirm')], {
    description: 'confirm: a carried-over draft row taken over as it is',
  }),
  before: Type.Union([StatusContent, Type.Null()], { description: 'null when the municipality has no row in that quarter yet' }),
  after: StatusContent,
});

export const ImportPreview = Type.Object({
  fingerprint: Type.String({ description: 'send it back to /api/imports/commit with the same file' }),
  fileName: Type.String(),
  format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')]),
  rows: Type.Integer({ description: 'data rows in the file' }),
  quartersToCreate: Type.Array(Type.String(), { description: 'quarters the import creates as open quarters' }),
  ignoredColumns: Type.Array(Type.String(), { description: 'columns of the file that are not read' }),
  changes: Type.Array(ImportChange),
  unchanged: Type.Integer({ description: 'rows that already hold exactly these values' }),
});
export type ImportPreview = Static<typeof ImportPreview>;

export const ImportResult = Type.Object({
  saved: Type.Integer(),
  unchanged: Type.Integer(),
  quartersCreated: Type.Array(Type.String()),
});
export type ImportResult = Static<typeof ImportResult>;

/** Both ends included; without them, every quarter in the database. */
export const ExportQuery = Type.Object(
  {
    from: Type.Optional(QuarterCode),
    to: Type.Optional(QuarterCode),
  },
  { additionalProperties: false },
);
