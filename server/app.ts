/**
 * The VV Monitor application as a Fastify plugin, plus `buildApp`, which makes a ready-to-use
 * instance from a configuration. server.ts boots it; tests build it on a temporary SQLite file.
 */
import { randomUUID } from 'node:crypto';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import fp from 'fastify-plugin';
import Fastify, { LogController, type FastifyInstance, type FastifyPluginAsync, type FastifyServerOptions } from 'fastify';
import { MUNICIPALITY_MAP_FILE } from '../geo/write-map.ts';
import { SECURITY_SCHEMES } from './http/openapi.ts';
import { ErrorResponse } from './schemas/error.ts';
import { registerErrorHandler } from './errors/handler.ts';
import { useJsonBodies } from './http/json-body.ts';
import { formatSchemaErrors } from './http/schema-errors.ts';
import { useValidation } from './http/validation.ts';
import database from './plugins/database.ts';
import auth, { publicRoutes } from './plugins/auth.ts';
import security from './plugins/security.ts';
import outreach from './plugins/outreach.ts';
import repository from './plugins/repository.ts';
import web from './plugins/web.ts';
import api from './routes/api/index.ts';
import embed from './routes/embed.ts';

export interface AppOptions {
  databasePath: string;
  demoData: 'auto' | 'off';
  /** The built front end; null serves an explanatory page instead. */
  webRoot?: string | null;
  /** The folder of the map geometry, served under /geo/; by default the committed map. */
  geoRoot?: string | null;
  /** Reading without a session: `auto` allows it only while the database holds the demo dataset and no accounts. */
  anonymousRead?: 'auto' | 'on' | 'off';
  /** Which X-Forwarded-For hops to believe: false, a number of proxies, or their addresses (server/config.ts). */
  trustProxy?: TrustProxy;
  /** Limits on slow clients; the defaults suit production, tests shorten them. */
  timeouts?: Partial<Timeouts>;
  /** The address people reach VV Monitor at: links in mail and embed code (PUBLIC_URL). */
  publicUrl?: string | null;
  /** SMTP server and sender (SMTP_URL, MAIL_FROM); without it nothing is mailed. */
  mail?: { smtpUrl: string; from: string } | null;
  /** Days before a deadline that consultants are reminded (REMINDER_DAYS, default 7). */
  reminderDays?: number;
  /** Origins that may frame the embed pages (EMBED_ORIGINS). */
  embedOrigins?: string[];
  /** The clock that deadlines, reminders and links are read by; tests set it instead of waiting. */
  clock?: () => Date;
}

export type TrustProxy = false | number | string[];

export interface Timeouts {
  /** From the first byte of a request to its last: a slow upload may not hold a connection open. */
  requestMs: number;
  /** For the request line and headers alone. */
  headersMs: number;
  /** How long an idle keep-alive connection stays open. */
  keepAliveMs: number;
  /** A socket with no traffic at all. */
  idleMs: number;
}

/** A hop count becomes "believe the last n hops"; Fastify's types know only functions and lists. */
function proxyTrust(trust: TrustProxy): false | string[] | ((address: string, hop: number) => boolean) {
  return typeof trust === 'number' ? (_address, hop) => hop < trust : trust;
}

export const DEFAULT_TIMEOUTS: Timeouts = { requestMs: 30_000, headersMs: 10_000, keepAliveMs: 5_000, idleMs: 60_000 };

const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../dist/web', import.meta.url));
/** The committed map (geo/default, rebuilt only by `npm run build:geo`): no build step serves it. */
export const DEFAULT_GEO_ROOT = dirname(MUNICIPALITY_MAP_FILE);

const vvMonitor: FastifyPluginAsync<AppOptions> = async (fastify, options) => {
  registerErrorHandler(fastify);
  useJsonBodies(fastify);
  fastify.addSchema(ErrorResponse);

  await fastify.register(security);
  await fastify.register(swagger, {
    // Shared schemas keep their own names ("ErrorResponse"), not def-0, def-1 …
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
    openapi: {
      // 3.1: null is a type of its own, so nullable fields read as what they are in generated clients.
      openapi: '3.1.0',
      info: {
        title: 'VV Monitor API',
        description:
          'Quarterly status of Venner Viser Vej in Denmark’s 98 municipalities. Log in with POST /api/auth/login; ' +
          'the session cookie then authorises reads, and every write also sends the answered csrfToken in the ' +
          'x-csrf-token header. Refusals are ErrorResponse bodies; with Accept-Language: da their messages are Danish.',
        version: '1',
      },
      servers: [{ url: '/', description: 'this VV Monitor' }],
      components: { securitySchemes: SECURITY_SCHEMES },
      tags: [
        { name: 'quarters', description: 'Quarters, statuses and key figures' },
        { name: 'municipalities', description: 'Municipalities and their history' },
        { name: 'operations', description: 'Health and metadata' },
        { name: 'entry', description: 'Entering and finalising a quarter' },
        { name: 'records', description: 'Agreements, quotas and the audit log' },
        { name: 'accounts', description: 'Login, sessions and users' },
        { name: 'consultants', description: 'Areas, priorities, the support log and recruitment numbers' },
        { name: 'transfer', description: 'Import and export of statuses (CSV and XLSX)' },
        { name: 'published', description: 'Published quarters as open data (JSON and CSV), readable without login' },
      ],
    },
  });
  await fastify.register(async (docs) => {
    publicRoutes(docs);
    await docs.register(swaggerUi, { routePrefix: '/docs' });
  });

  await fastify.register(database, { databasePath: options.databasePath, demoData: options.demoData });
  await fastify.register(repository);
  await fastify.register(outreach, {
    publicUrl: options.publicUrl ?? null,
    mail: options.mail ?? null,
    reminderDays: options.reminderDays ?? 7,
    embedOrigins: options.embedOrigins ?? [],
    clock: options.clock ?? (() => new Date()),
  });
  await fastify.register(auth, { anonymousRead: options.anonymousRead ?? 'auto' });
  await fastify.register(api, { prefix: '/api' });
  await fastify.register(async (pages) => {
    // The pages, scripts and the map outline hold no data; the data comes from the API.
    publicRoutes(pages);
    await pages.register(embed, {
      webRoot: options.webRoot === undefined ? DEFAULT_WEB_ROOT : options.webRoot,
      embedOrigins: options.embedOrigins ?? [],
    });
    await pages.register(web, {
      webRoot: options.webRoot === undefined ? DEFAULT_WEB_ROOT : options.webRoot,
      geoRoot: options.geoRoot === undefined ? DEFAULT_GEO_ROOT : options.geoRoot,
    });
  });
};

export default vvMonitor;

export async function buildApp(
  options: AppOptions,
  logger: FastifyServerOptions['logger'] = false,
): Promise<FastifyInstance> {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const fastify = Fastify({
    logger,
    trustProxy: proxyTrust(options.trustProxy ?? false),
    requestTimeout: timeouts.requestMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    connectionTimeout: timeouts.idleMs,
    // Node checks the request and header deadlines every connectionsCheckingInterval (30 s by
    // default); checking more often keeps a slow client from outliving its deadline by that much.
    http: { headersTimeout: timeouts.headersMs, requestTimeout: timeouts.requestMs, connectionsCheckingInterval: Math.min(5_000, timeouts.headersMs / 2) },
    // Fastify's own two lines per request are replaced by the single line of the onResponse hook.
    logController: new LogController({ disableRequestLogging: true }),
    // A caller's X-Request-Id (from a proxy, to follow a request across logs) is kept only when
    // it is a short plain token: it is sent back in a header and written to every log line.
    requestIdHeader: false,
    genReqId: (request) => {
      const wanted = request.headers['x-request-id'];
      return typeof wanted === 'string' && SAFE_REQUEST_ID.test(wanted) ? wanted : randomUUID();
    },
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
