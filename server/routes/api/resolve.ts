/**
 * Path and query values arrive in any accepted spelling ("2016Q2", "101"); the schema has checked
 * their form. These turn them into canonical codes and answer 404 for well-formed unknown ones.
 */
import type { FastifyInstance } from 'fastify';
import { normaliseMunicipalityCode } from '../../../db/domain/municipality-code.ts';
import { normaliseQuarterCode } from '../../../db/domain/quarter.ts';
import { badRequest, notFound } from '../../errors.ts';

export function knownQuarter(fastify: FastifyInstance, input: string, field = 'quarter'): string {
  const code = normaliseQuarterCode(input);
  if (!code) throw badRequest(`${field}: must be a quarter code such as 2016K2; got ${JSON.stringify(input)}`);
  if (!fastify.repository.quarter(code)) throw notFound(`${field}: ${code} is not in the database`);
  return code;
}

export function knownMunicipality(fastify: FastifyInstance, input: string, field = 'code'): string {
  const code = normaliseMunicipalityCode(input);
  if (!code) throw badRequest(`${field}: must be a municipality code such as 0101; got ${JSON.stringify(input)}`);
  if (!fastify.repository.municipality(code)) throw notFound(`${field}: ${code} is not one of the 98 municipalities`);
  return code;
}
