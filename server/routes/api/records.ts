/**
 * Agreements, reception quotas and the audit log. Consultants and administrators register
 * agreements; quotas and the audit log are the administrators'.
 */
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { normaliseMunicipalityCode } from '../../../db/domain/municipality-code.ts';
import { normaliseQuarterCode } from '../../../db/domain/quarter.ts';
import { findAgreement, listAgreements, listAudit, yearQuotas } from '../../../db/queries/index.ts';
import { visibleAgreements } from '../../../db/queries/visible.ts';
import { assertMayEdit } from '../../access/own-area.ts';
import { notFound } from '../../errors/http-error.ts';
import { createAgreement, updateAgreement } from '../../../db/writes/agreements.ts';
import { saveQuotas } from '../../../db/writes/quotas.ts';
import { actorOf, audienceOf } from '../../plugins/auth.ts';
import {
  AgreementIdParams,
  AgreementPatch,
  AgreementQuery,
  AgreementRow,
  AuditPage,
  AuditQuery,
  NewAgreement,
  QuotaRow,
  QuotaWrite,
  YearParams,
} from '../../schemas/records.ts';

const errors = {
  400: { $ref: 'ErrorResponse#' },
  401: { $ref: 'ErrorResponse#' },
  403: { $ref: 'ErrorResponse#' },
  404: { $ref: 'ErrorResponse#' },
};

const records: FastifyPluginAsyncTypebox = async (fastify) => {
  const db = fastify.database.db;
  const editors = fastify.requireRole('admin', 'consultant');
  const adminOnly = fastify.requireRole('admin');
  const withName = (id: number) => listAgreements(db).find((a) => a.id === id)!;

  fastify.get(
    '/agreements',
    {
      schema: {
        tags: ['records'],
        summary: 'Cooperation agreements, optionally for one municipality, organisation or day',
        querystring: AgreementQuery,
        response: { 200: Type.Array(AgreementRow), ...errors },
      },
    },
    async (request) =>
      visibleAgreements(
        listAgreements(db, {
          municipalityCode: request.query.municipality ? normaliseMunicipalityCode(request.query.municipality)! : undefined,
          organisation: request.query.organisation,
          activeOn: request.query.activeOn,
        }),
        audienceOf(request),
      ),
  );

  fastify.post(
    '/agreements',
    {
      onRequest: editors,
      schema: { tags: ['records'], summary: 'Register an agreement', body: NewAgreement, response: { 201: AgreementRow, ...errors } },
    },
    async (request, reply) => {
      const code = normaliseMunicipalityCode(request.body.municipalityCode);
      if (code) assertMayEdit(fastify, request, [code]);
      return reply.status(201).send(withName(createAgreement(db, request.body, actorOf(request)).id));
    },
  );

  fastify.patch(
    '/agreements/:id',
    {
      onRequest: editors,
      schema: {
        tags: ['records'],
        summary: 'Edit or end an agreement (set endedOn)',
        params: AgreementIdParams,
        body: AgreementPatch,
        response: { 200: AgreementRow, ...errors },
      },
    },
    async (request) => {
      const agreement = findAgreement(db, request.params.id);
      if (!agreement) throw notFound(`id: agreement ${request.params.id} does not exist`);
      assertMayEdit(fastify, request, [agreement.municipalityCode]);
      return withName(updateAgreement(db, request.params.id, request.body, actorOf(request)).id);
    },
  );

  fastify.get(
    '/quotas/:year',
    {
      schema: {
        tags: ['records'],
        summary: 'The 98 municipalities’ reception quota and zero-quota flag for a year',
        params: YearParams,
        response: { 200: Type.Array(QuotaRow), ...errors },
      },
    },
    async (request) => yearQuotas(db, request.params.year),
  );

  fastify.put(
    '/quotas/:year',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['records'],
        summary: 'Set quotas and zero-quota flags for a year (all rows or none)',
        params: YearParams,
        body: QuotaWrite,
        response: { 200: Type.Array(QuotaRow), ...errors },
      },
    },
    async (request) => {
      saveQuotas(db, request.params.year, request.body.rows, actorOf(request));
      return yearQuotas(db, request.params.year);
    },
  );

  fastify.get(
    '/audit',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['records'],
        summary: 'Who changed what, when and why; newest first',
        querystring: AuditQuery,
        response: { 200: AuditPage, ...errors },
      },
    },
    async (request) => {
      const { user, municipality, quarter, from, to, limit, offset } = request.query;
      return listAudit(db, {
        actorId: user,
        municipalityCode: municipality ? normaliseMunicipalityCode(municipality)! : undefined,
        quarterCode: quarter ? normaliseQuarterCode(quarter)! : undefined,
        from,
        to,
        limit,
        offset,
      });
    },
  );
};

export default records;
