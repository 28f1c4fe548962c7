/**
 * Deadlines, progress and reminders; published quarters and open data; links that set a password
 * (issue #15).
 */
import { Type, type Static } from '@sinclair/typebox';
import { REASONS } from '../../db/domain/reason.ts';
import { CategoryCounts, CategoryValue, IsoDate, Organisation, SingleLineText } from './common.ts';

// Deadlines and progress

export const DeadlineBody = Type.Object(
  { deadline: Type.Union([IsoDate, Type.Null()], { description: 'a date written YYYY-MM-DD (Europe/Copenhagen), or null for none' }) },
  { additionalProperties: false },
);

const counts = {
  total: Type.Integer({ description: 'municipalities counted' }),
  assessed: Type.Integer({ description: 'given a category this quarter that differs from the quarter before' }),
  confirmed: Type.Integer({ description: 'the category of the quarter before, taken over by someone' }),
  notAssessed: Type.Integer({ description: 'marked "not assessed" with a reason' }),
  remaining: Type.Integer({ description: 'still to settle: these stop the quarter from being finalised' }),
};
export const ProgressCounts = Type.Object(counts, { additionalProperties: false });

const Municipality = Type.Object({ code: Type.String(), name: Type.String() }, { additionalProperties: false });

export const Progress = Type.Object(
  {
    quarter: Type.String(),
    state: Type.Union([Type.Literal('open'), Type.Literal('final')]),
    deadline: Type.Union([Type.String(), Type.Null()]),
    daysLeft: Type.Union([Type.Integer(), Type.Null()], { description: 'days from today (Copenhagen) to the deadline; 0 on the day, negative after it; null without a deadline' }),
    national: ProgressCounts,
    areas: Type.Array(
      Type.Object({ id: Type.Integer(), name: Type.String(), ...counts, unsettled: Type.Array(Municipality, { description: 'the area’s municipalities still to settle' }) }, { additionalProperties: false }),
    ),
  },
  { additionalProperties: false },
);
export type Progress = Static<typeof Progress>;

export const Reminder = Type.Object(
  {
    kind: Type.Union([Type.Literal('deadline_soon'), Type.Literal('deadline_today'), Type.Literal('overdue'), Type.Literal('ready_to_finalise')]),
    quarter: Type.String(),
    deadline: Type.Union([Type.String(), Type.Null()]),
    daysLeft: Type.Union([Type.Integer(), Type.Null()]),
    municipalities: Type.Array(Municipality, { description: 'your municipalities still to settle (deadline reminders)' }),
    national: ProgressCounts,
  },
  { additionalProperties: false },
);

export const Reminders = Type.Object(
  {
    delivery: Type.Union([Type.Literal('email'), Type.Literal('app')], { description: '"email" when the server sends reminders by e-mail as well' }),
    enabled: Type.Boolean({ description: 'whether you get reminders (turned off on "Min konto")' }),
    reminders: Type.Array(Reminder),
  },
  { additionalProperties: false },
);
export type Reminders = Static<typeof Reminders>;

export const MyAccountPatch = Type.Object({ reminders: Type.Boolean({ description: 'reminders on or off' }) }, { additionalProperties: false });

// Published quarters and open data

const ReasonCode = Type.Union([...REASONS.map((r) => Type.Literal(r)), Type.Null()], { description: 'why the category changed (a code; the text is never published)' });
const Label = Type.Object({ da: Type.String(), en: Type.String() }, { additionalProperties: false });

export const PublishedQuarter = Type.Object(
  {
    quarter: Type.String({ examples: ['2018K4'] }),
    publishedAt: Type.String(),
    dataset: Type.Union([Type.Literal('demo'), Type.Literal('live')], { description: '"demo" for the invented demo dataset' }),
    definitions: Type.Object({ '1': Label, '2': Label, '3': Label }, { additionalProperties: false, description: 'the category definitions the quarter was assessed under' }),
    counts: CategoryCounts,
    municipalitiesWithOffer: Type.Integer(),
    agreements: Type.Object(
      { active: Type.Integer(), municipalitiesWithAgreement: Type.Integer(), municipalitiesWithBoth: Type.Integer() },
      { additionalProperties: false },
    ),
    zeroQuota: Type.Integer(),
    municipalities: Type.Array(
      Type.Object(
        {
          code: Type.String(),
          name: Type.String(),
          regionCode: Type.String(),
          category: CategoryValue,
          reason: ReasonCode,
          zeroQuota: Type.Boolean(),
          agreements: Type.Array(Organisation),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false, description: 'A published quarter, frozen when it was published: categories, counts and reason codes; no free text, no names of people' },
);
export type PublishedQuarter = Static<typeof PublishedQuarter>;

export const PublishedEntry = Type.Object(
  {
    quarter: Type.String(),
    publishedAt: Type.String(),
    dataset: PublishedQuarter.properties.dataset,
    counts: CategoryCounts,
    municipalitiesWithOffer: Type.Integer(),
    zeroQuota: Type.Integer(),
  },
  { additionalProperties: false },
);
export type PublishedEntry = Static<typeof PublishedEntry>;

// Links that set a password

export const ForgotBody = Type.Object(
  { email: SingleLineText({ minLength: 1, maxLength: 254, description: 'the e-mail address of the account' }) },
  { additionalProperties: false },
);

export const Accepted = Type.Object({ message: Type.String() }, { additionalProperties: false });

const Token = SingleLineText({ minLength: 20, maxLength: 100, description: 'the token of the link (after # in the address)' });

export const TokenBody = Type.Object({ token: Token }, { additionalProperties: false });

export const TokenPasswordBody = Type.Object(
  { token: Token, password: SingleLineText({ minLength: 1, maxLength: 200, description: 'the new password' }) },
  { additionalProperties: false },
);

export const TokenInfo = Type.Object(
  {
    purpose: Type.Union([Type.Literal('reset'), Type.Literal('invite')]),
    email: Type.String(),
    name: Type.String(),
    expiresAt: Type.String(),
  },
  { additionalProperties: false },
);
