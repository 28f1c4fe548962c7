/**
 * Every refusal of the API has this body (server/errors/handler.ts). Routes refer to it by its id
 * (`errorResponses(...)` in common.ts), so the OpenAPI document names it once.
 */
import { Type, type Static } from '@sinclair/typebox';
import { MunicipalityStatus } from './quarter.ts';

const RowProblem = Type.Object(
  {
    row: Type.Integer({ description: 'row of the request (1 = first), or the row of an imported file as a spreadsheet shows it' }),
    code: Type.Optional(Type.String({ description: 'the municipality code of the row, when it could be read' })),
    field: Type.String(),
    message: Type.String(),
  },
  { additionalProperties: false },
);

const StatusConflict = Type.Object(
  {
    row: Type.Integer({ description: 'row of the request (1 = first)' }),
    code: Type.String(),
    yourVersion: Type.Integer({ description: 'the version you sent' }),
    current: MunicipalityStatus,
  },
  { additionalProperties: false, description: 'A status someone else changed since you read it' },
);

const Unsettled = Type.Object(
  {
    code: Type.String(),
    name: Type.String(),
    problem: Type.Union([Type.Literal('not assessed'), Type.Literal('carried over, not confirmed')]),
  },
  { additionalProperties: false, description: 'A municipality that stops the quarter from being finalised' },
);

export const ErrorResponse = Type.Object(
  {
    statusCode: Type.Integer(),
    error: Type.String(),
    message: Type.String({ description: 'What was wrong, naming the field (in Danish with Accept-Language: da)' }),
    field: Type.Optional(Type.String({ description: 'The field a one-field refusal is about, by its name in the API' })),
    errors: Type.Optional(
      Type.Array(RowProblem, {
        description: 'Every invalid row, when a bulk write or an import is refused (an import lists its first 100 problems, then one line "and N more")',
      }),
    ),
    errorCount: Type.Optional(Type.Integer({ description: 'Problems of a refused import in all, listed or not' })),
    conflicts: Type.Optional(Type.Array(StatusConflict, { description: 'Rows changed by someone else: your version and the current row' })),
    unsettled: Type.Optional(Type.Array(Unsettled, { description: 'Municipalities that stop a quarter from being finalised' })),
  },
  { $id: 'ErrorResponse', title: 'ErrorResponse' },
);
export type ErrorResponse = Static<typeof ErrorResponse>;
