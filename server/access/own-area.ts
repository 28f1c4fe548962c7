/**
 * Consultants work in their own area: they may change statuses, recruitment numbers, agreements
 * and the support log only for the municipalities of the areas they are assigned to.
 * Administrators may change everything.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from '../errors/http-error.ts';

export function assertMayEdit(fastify: FastifyInstance, request: FastifyRequest, codes: string[]): void {
  const user = request.session?.user;
  if (!user || user.role === 'admin') return;
  const { areas, municipalities } = fastify.repository;
  const own = areas.municipalitiesOf(user.id);
  if (own.size === 0) throw new HttpError(403, 'you have no area yet; an administrator must assign you to one');
  // Codes that are not municipalities at all are left to the write, which names them in its 400.
  const outside = [...new Set(codes)].filter((code) => !own.has(code) && municipalities.find(code));
  if (outside.length > 0) {
    const names = outside.slice(0, 5).map((code) => `${code} ${municipalities.find(code)?.name ?? ''}`.trim());
    throw new HttpError(403, `you may only change municipalities in your own area; not ${names.join(', ')}${outside.length > 5 ? ', …' : ''}`);
  }
}
