/**
 * The VV Monitor application as a Fastify plugin, plus `buildApp`, which makes a ready-to-use
 * instance from a configuration. server.ts boots it; tests build it on a temporary SQLite file.
 */
import { randomUUID } from 'node:crypto';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import fp from 'fastify-plugin';
import Fastify, { LogController, type FastifyInstance, type FastifyPluginAsync, type FastifyServerOptions } from 'fastify';
import { MUNICIPALITY_MAP_FILE } from '../geo/write-map.ts';
import { ErrorResponse } from './schemas/common.ts';
import { formatSchemaErrors, registerErrorHandler } from './errors.ts';
import { useValidation } from './validation.ts';
import database from './plugins/database.ts';
import auth from './plugins/auth.ts';
import security from './plugins/security.ts';
import repository from './plugins/repository.ts';
import web from './plugins/web.ts';
import api from './routes/api/index.ts';

export interface AppOptions {
  databasePath: string;
  demoData: 'auto' | 'off';
  /** The built front end; null serves an explanatory page instead. */
  webRoot?: string | null;
  /** The folder of the map geometry, served under /geo/; by default the committed map. */
  geoRoot?: string | null;
  /** Reading without a session: `auto` allows it only for the demo dataset. */
  anonymousRead?: 'auto' | 'on' | 'off';
  trustProxy?: boolean;
}

export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../dist/web', import.meta.url));
/** The committed map (geo/default, rebuilt only by `npm run build:geo`): no build step serves it. */
export const DEFAULT_GEO_ROOT = dirname(MUNICIPALITY_MAP_FILE);

const vvMonitor: FastifyPluginAsync<AppOptions> = async (fastify, options) => {
  registerErrorHandler(fastify);
  fastify.addSchema(ErrorResponse);

  await fastify.register(security);
  await fastify.register(swagger, {
    openapi: {
      info: {
        title: 'VV Monitor API',
        description: 'Quarterly status of Venner Viser Vej in Denmark’s 98 municipalities.',
        version: '1',
      },
      tags: [
        { name: 'quarters', description: 'Quarters, statuses and key figures' },
        { name: 'municipalities', description: 'Municipalities and their history' },
        { name: 'operations', description: 'Health and metadata' },
        { name: 'entry', description: 'Entering and finalising a quarter' },
        { name: 'records', description: 'Agreements, quotas and the audit log' },
        { name: 'accounts', description: 'Login, sessions and users' },
        { name: 'consultants', description: 'Areas, priorities, the support log and recruitment numbers' },
        { name: 'transfer', description: 'Import and export of statuses (CSV and XLSX)' },
      ],
    },
  });
  await fastify.register(swaggerUi, { routePrefix: '/docs' });

  await fastify.register(database, { databasePath: options.databasePath, demoData: options.demoData });
  await fastify.register(repository);
  const anonymousRead = options.anonymousRead ?? 'auto';
  await fastify.register(auth, {
    anonymousRead: anonymousRead === 'on' || (anonymousRead === 'auto' && fastify.repository.meta().dataset === 'demo'),
  });
  await fastify.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      error: 'Too Many Requests',
      message: `too many attempts; try again in ${context.after}`,
    }),
  });
  await fastify.register(api, { prefix: '/api' });
  await fastify.register(web, {
    webRoot: options.webRoot === undefined ? DEFAULT_WEB_ROOT : options.webRoot,
    geoRoot: options.geoRoot === undefined ? DEFAULT_GEO_ROOT : options.geoRoot,
  });
};

export default vvMonitor;

export async function buildApp(
  options: AppOptions,
  logger: FastifyServerOptions['logger'] = false,
): Promise<FastifyInstance> {
  const fastify = Fastify({
    logger,
    trustProxy: options.trustProxy ?? false,
    // Fastify's own two lines per request are replaced by the single line of the onResponse hook.
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: () => randomUUID(),
    requestIdHeader: 'x-request-id',
    schemaErrorFormatter: formatSchemaErrors,
  }).withTypeProvider<TypeBoxTypeProvider>();
  useValidation(fastify);
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  // One line per request, written when it is answered: method, URL, status and time together.
  fastify.addHook('onResponse', (request, reply, done) => {
    request.log.info(
      { req: { method: request.method, url: request.url }, res: { statusCode: reply.statusCode }, responseTime: reply.elapsedTime },
      'request completed',
    );
    done();
  });
  // Unwrapped (fastify-plugin) so callers see the app's decorators, e.g. `app.repository`.
  await fastify.register(fp(vvMonitor), options);
  return fastify;
}
