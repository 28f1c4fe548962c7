/**
 * Embed pages (issue #15): a published quarter's map, a comparison of two published quarters, and
 * the category trend of the published quarters, each a page of its own (web/embed.html, a small
 * bundle apart from the dashboard's) that other sites show in an iframe. These pages, and only
 * these, may be framed, by the origins in EMBED_ORIGINS (CSP frame-ancestors); the rest of the app
 * stays unframeable. A quarter that is not published (a draft, or never published) is refused
 * here with a page that says so, framed alike, so the host site shows the refusal, not a blank.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { normaliseQuarterCode, QUARTER_CODE_PATTERN } from '../../db/domain/quarter.ts';
import { embedPolicy, securityHeaders } from '../plugins/security.ts';

export interface EmbedOptions {
  webRoot: string | null;
  embedOrigins: readonly string[];
}

const QUARTER = new RegExp(QUARTER_CODE_PATTERN);

const htmlPage = (title: string, lines: string[]) => `<!doctype html><html lang="da"><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${title}</title><body style="font-family:system-ui,sans-serif;margin:1rem;color:#1a1a1a">
${lines.map((line) => `<p>${line}</p>`).join('\n')}</body></html>`;

const NOT_PUBLISHED = htmlPage('Ikke offentliggjort – VV Monitor', [
  '<strong>Dette kvartal er ikke offentliggjort.</strong> Kun offentliggjorte kvartaler kan vises her.',
  '<span lang="en">This quarter is not published. Only published quarters can be shown here.</span>',
]);
const NOT_BUILT = htmlPage('VV Monitor', ['Indlejringen er ikke bygget endnu (<code>npm run build</code>).', '<span lang="en">The embed page has not been built yet.</span>']);

const embed: FastifyPluginAsync<EmbedOptions> = async (fastify, { webRoot, embedOrigins }) => {
  const headers = securityHeaders(embedPolicy(embedOrigins));
  const file = webRoot === null ? null : join(webRoot, 'embed.html');
  const html = file && existsSync(file) ? readFileSync(file) : null;
  const { publications } = fastify.repository;

  const answer = (reply: FastifyReply, published: boolean) => {
    reply.headers(headers).removeHeader('x-frame-options');
    reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8');
    if (!published) return reply.status(404).send(NOT_PUBLISHED);
    if (!html) return reply.status(503).send(NOT_BUILT);
    return reply.send(html);
  };
  const isPublished = (input: string) => QUARTER.test(input) && publications.isPublished(normaliseQuarterCode(input)!);

  // Pages, not API operations: left out of the OpenAPI document.
  const page = { schema: { hide: true } };
  fastify.get<{ Params: { quarter: string } }>('/embed/map/:quarter', page, (request, reply) => answer(reply, isPublished(request.params.quarter)));
  fastify.get<{ Params: { from: string; to: string } }>('/embed/compare/:from/:to', page, (request, reply) =>
    answer(reply, isPublished(request.params.from) && isPublished(request.params.to)),
  );
  fastify.get('/embed/trend', page, (_request, reply) => answer(reply, publications.list().length > 0));
};

export default embed;
