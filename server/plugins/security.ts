/**
 * Security headers (Content-Security-Policy, HSTS, nosniff, frame and referrer policies …) as
 * helmet writes them for our policy. @fastify/helmet builds helmet's middleware again for every
 * request, which cost about a tenth of the CPU of a cached API answer (bench/http.ts); the headers
 * never depend on the request, so helmet is run once at start-up and its headers replayed.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';

const DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // Svelte sets inline style attributes (tooltip positions, strip colours).
  styleSrc: ["'self'", "'unsafe-inline'"],
  // Exports are drawn from data: and blob: URLs.
  imgSrc: ["'self'", 'data:', 'blob:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

export const SECURITY_POLICY: HelmetOptions = { contentSecurityPolicy: { directives: DIRECTIVES } };

/**
 * The policy of the embed pages (server/routes/embed.ts): the same, except that the allowed origins
 * (EMBED_ORIGINS) may show them in a frame. X-Frame-Options cannot name several origins, so these
 * pages go without it; frame-ancestors says it for every browser that reads CSP.
 */
export function embedPolicy(origins: readonly string[]): HelmetOptions {
  return { contentSecurityPolicy: { directives: { ...DIRECTIVES, frameAncestors: ["'self'", ...origins] } }, frameguard: false };
}

/** The headers helmet sets for a policy, collected from one run of its middleware. */
export function securityHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number | string[]) => {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
  });
  return headers;
}

export default fp(
  async (fastify) => {
    const headers = securityHeaders(SECURITY_POLICY);
    fastify.addHook('onRequest', (_request, reply, done) => {
      reply.headers(headers);
      done();
    });
  },
  { name: 'security' },
);
