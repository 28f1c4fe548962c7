/**
 * The regional consultants' tools: areas, the priority list, the support log and recruitment
 * numbers. Consultants change only their own area's municipalities (area-access.ts).
 */
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { normaliseMunicipalityCode } from '../../../db/domain/municipality-code.ts';
import { listActivities, listAreas, quarterRecruitment } from '../../../db/queries/index.ts';
import { visibleActivities } from '../../../db/queries/visible.ts';
import { saveArea } from '../../../db/writes/areas.ts';
import { saveRecruitment } from '../../../db/writes/recruitment.ts';
import { logActivity } from '../../../db/writes/support.ts';
import { assertMayEdit } from '../../access/own-area.ts';
import { notFound } from '../../errors/http-error.ts';
import { actorOf, audienceOf } from '../../plugins/auth.ts';
import { QuarterParams } from '../../schemas/common.ts';
import {
  Activity,
  ActivityQuery,
  Area,
  AreaIdParams,
  AreaWrite,
  NewActivity,
  PriorityQuery,
  PriorityRow,
  Recruitment,
  RecruitmentWrite,
} from '../../schemas/consultants.ts';
import { chosenQuarter, knownQuarter } from './resolve.ts';

const errors = {
  400: { $ref: 'ErrorResponse#' },
  401: { $ref: 'ErrorResponse#' },
  403: { $ref: 'ErrorResponse#' },
  404: { $ref: 'ErrorResponse#' },
  409: { $ref: 'ErrorResponse#' },
};

const consultants: FastifyPluginAsyncTypebox = async (fastify) => {
  const db = fastify.database.db;
  const adminOnly = fastify.requireRole('admin');
  const editors = fastify.requireRole('admin', 'consultant');
  const areaById = (id: number) => listAreas(db).find((a) => a.id === id);

  fastify.get(
    '/areas',
    { schema: { tags: ['consultants'], summary: 'Consultant areas with their municipalities and consultants', response: { 200: Type.Array(Area) } } },
    async (request) => fastify.repository.areas(audienceOf(request)),
  );

  fastify.post(
    '/areas',
    {
      onRequest: adminOnly,
      schema: { tags: ['consultants'], summary: 'Create an area (municipalities move from their old area)', body: AreaWrite, response: { 201: Area, ...errors } },
    },
    async (request, reply) => reply.status(201).send(areaById(saveArea(db, null, request.body, actorOf(request)))!),
  );

  fastify.put(
    '/areas/:id',
    {
      onRequest: adminOnly,
      schema: { tags: ['consultants'], summary: 'Rename an area, or set its municipalities and consultants', params: AreaIdParams, body: AreaWrite, response: { 200: Area, ...errors } },
    },
    async (request) => areaById(saveArea(db, request.params.id, request.body, actorOf(request)))!,
  );

  fastify.get(
    '/priorities',
    {
      schema: {
        tags: ['consultants'],
        summary: 'Municipalities ranked by need for support in a quarter (default: the newest), each with its reasons',
        querystring: PriorityQuery,
        response: { 200: Type.Array(PriorityRow), ...errors },
      },
    },
    async (request) => {
      const quarter = chosenQuarter(fastify, request, request.query.quarter);
      if (request.query.area !== undefined && !areaById(request.query.area)) throw notFound(`area: ${request.query.area} does not exist`);
      const list = fastify.repository.priorities(quarter, audienceOf(request));
      return request.query.area === undefined ? list : list.filter((row) => row.areaId === request.query.area);
    },
  );

  fastify.get(
    '/activities',
    {
      schema: {
        tags: ['consultants'],
        summary: 'The support log, newest first, optionally for one municipality or quarter',
        querystring: ActivityQuery,
        response: { 200: Type.Array(Activity), ...errors },
      },
    },
    async (request) =>
      visibleActivities(
        listActivities(db, {
          municipalityCode: request.query.municipality ? normaliseMunicipalityCode(request.query.municipality)! : undefined,
          quarterCode: request.query.quarter ? knownQuarter(fastify, request, request.query.quarter) : undefined,
        }),
        audienceOf(request),
      ),
  );

  fastify.post(
    '/activities',
    {
      onRequest: editors,
      schema: { tags: ['consultants'], summary: 'Record a support activity', body: NewActivity, response: { 201: Activity, ...errors } },
    },
    async (request, reply) => {
      const code = normaliseMunicipalityCode(request.body.municipalityCode);
      if (code) assertMayEdit(fastify, request, [code]);
      const row = logActivity(db, request.body, actorOf(request));
      return reply.status(201).send(listActivities(db, { municipalityCode: row.municipalityCode }).find((a) => a.id === row.id)!);
    },
  );

  fastify.get(
    '/quarters/:quarter/recruitment',
    {
      schema: {
        tags: ['consultants'],
        summary: 'Recruitment numbers of the 98 municipalities in a quarter, and the national sums',
        params: QuarterParams,
        response: { 200: Recruitment, ...errors },
      },
    },
    async (request) => quarterRecruitment(db, knownQuarter(fastify, request, request.params.quarter)),
  );

  fastify.put(
    '/quarters/:quarter/recruitment',
    {
      onRequest: editors,
      schema: {
        tags: ['consultants'],
        summary: 'Set recruitment numbers for many municipalities in one transaction',
        params: QuarterParams,
        body: RecruitmentWrite,
        response: { 200: Recruitment, ...errors },
      },
    },
    async (request) => {
      const quarter = knownQuarter(fastify, request, request.params.quarter);
      assertMayEdit(fastify, request, request.body.rows.map((row) => normaliseMunicipalityCode(row.code) ?? row.code));
      saveRecruitment(db, quarter, request.body.rows, actorOf(request));
      return quarterRecruitment(db, quarter);
    },
  );

};

export default consultants;
