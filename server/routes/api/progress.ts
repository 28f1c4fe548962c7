/**
 * Deadlines, progress and reminders (issue #15): an administrator sets a quarter's deadline; the
 * quarter page and a consultant's start page show the progress; the dashboard shows each person
 * the reminders that apply to them now (the same ones the scheduler mails when SMTP is set).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { copenhagenDate } from '../../../db/domain/copenhagen.ts';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses, QuarterParams } from '../../schemas/common.ts';
import { DeadlineBody, Progress, Reminders } from '../../schemas/outreach.ts';
import { Quarter } from '../../schemas/quarter.ts';
import { knownQuarter } from './resolve.ts';

const progress: FastifyPluginAsyncTypebox = async (fastify) => {
  const { outreach } = fastify;

  fastify.put(
    '/quarters/:quarter/deadline',
    {
      onRequest: fastify.requireRole('admin'),
      schema: {
        operationId: 'setQuarterDeadline',
        tags: ['entry'],
        summary: 'Set, move or clear the deadline of an open quarter (a date in Europe/Copenhagen)',
        params: QuarterParams,
        body: DeadlineBody,
        response: { 200: Quarter, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const code = knownQuarter(fastify, request, request.params.quarter);
      fastify.repository.progress.setDeadline(code, request.body.deadline, actorOf(request), outreach.now());
      return fastify.repository.quarters.get(code);
    },
  );

  fastify.get(
    '/quarters/:quarter/progress',
    {
      schema: {
        operationId: 'getQuarterProgress',
        tags: ['entry'],
        summary: 'How far a quarter has come, nationally and per consultant area: assessed, confirmed, not assessed, remaining, days left',
        params: QuarterParams,
        response: { 200: Progress, ...errorResponses(400, 404) },
      },
    },
    async (request) => fastify.repository.progress.read(knownQuarter(fastify, request, request.params.quarter), outreach.now()),
  );

  fastify.get(
    '/reminders',
    {
      onRequest: fastify.requireRole('admin', 'consultant', 'viewer'),
      schema: {
        operationId: 'getMyReminders',
        tags: ['entry'],
        summary: 'The reminders that apply to you today: deadlines of your area’s municipalities, quarters ready to finalise',
        response: { 200: Reminders, ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      const user = request.session!.user;
      const mine = user.reminders
        ? fastify.repository.progress.reminders(copenhagenDate(outreach.now()), outreach.reminderDays).filter((reminder) => reminder.userId === user.id)
        : [];
      return {
        delivery: outreach.mail ? ('email' as const) : ('app' as const),
        enabled: user.reminders,
        reminders: mine.map(({ kind, quarter, deadline, daysLeft, municipalities, national }) => ({ kind, quarter, deadline, daysLeft, municipalities, national })),
      };
    },
  );
};

export default progress;
