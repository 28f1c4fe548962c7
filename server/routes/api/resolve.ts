/**
 * Path and query values arrive in any accepted spelling ("2016Q2", "101"); the schema has checked
 * their form. These turn them into canonical codes and answer 404 for well-formed unknown ones,
 * and for draft quarters to those who may not see drafts.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { normaliseMunicipalityCode } from '../../../db/domain/municipality-code.ts';
import { normaliseQuarterCode } from '../../../db/domain/quarter.ts';
import { badRequest, notFound } from '../../errors/http-error.ts';
import { audienceOf } from '../../plugins/auth.ts';

export function knownQuarter(fastify: FastifyInstance, request: FastifyRequest, input: string, field = 'quarter'): string {
  const code = normaliseQuarterCode(input);
  if (!code) throw badRequest(`${field}: must be a quarter code such as 2016K2; got ${JSON.stringify(input)}`);
  const quarter = fastify.repository.quarters.find(code);
  if (!quarter) throw notFound(`${field}: ${code} is not in the database`);
  if (!fastify.repository.quarters.mayRead(quarter, audienceOf(request))) {
    throw notFound(`${field}: ${code} is a draft; only administrators and consultants see it before it is final`);
  }
  return code;
}

/** The quarter asked for, else the one the dashboard shows first to this caller. */
export function chosenQuarter(fastify: FastifyInstance, request: FastifyRequest, input: string | undefined): string {
  if (input !== undefined) return knownQuarter(fastify, request, input);
  const quarter = fastify.repository.quarters.defaultCode(audienceOf(request));
  if (!quarter) throw notFound('quarter: the database holds no final quarters yet');
  return quarter;
}

export function knownMunicipality(fastify: FastifyInstance, input: string, field = 'code'): string {
  const code = normaliseMunicipalityCode(input);
  if (!code) throw badRequest(`${field}: must be a municipality code such as 0101; got ${JSON.stringify(input)}`);
  if (!fastify.repository.municipalities.find(code)) throw notFound(`${field}: ${code} is not one of the 98 municipalities`);
  return code;
}
