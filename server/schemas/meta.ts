import { Type, type Static } from '@sinclair/typebox';

const Label = Type.Object({ da: Type.String(), en: Type.String() });

export const Meta = Type.Object({
  dataset: Type.Union([Type.Literal('demo'), Type.Literal('live')], {
    description: '"demo" when the database holds the generated demo dataset',
  }),
  defaultQuarter: Type.Union([Type.String(), Type.Null()], { description: 'The newest final quarter, else the newest' }),
  categoryDefinitions: Type.Array(
    Type.Object({
      version: Type.Integer(),
      validFrom: Type.String(),
      definitions: Type.Object({ '1': Label, '2': Label, '3': Label }),
    }),
  ),
  reasons: Type.Array(Type.Object({ code: Type.String(), label: Label })),
  regions: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
  publicUrl: Type.Union([Type.String(), Type.Null()], { description: 'PUBLIC_URL: the address used in e-mail links and embed code; null when not set' }),
  mail: Type.Boolean({ description: 'Whether the server sends e-mail (SMTP_URL is set)' }),
  reminderDays: Type.Integer({ description: 'REMINDER_DAYS: consultants are reminded this many days before a deadline, and on the day' }),
});
export type Meta = Static<typeof Meta>;
