/**
 * The server's layering, checked on the source: routes reach the database only through the
 * repository (fastify.repository), the folders of server/ import each other in one direction
 * only, and every module of server/ and db/ can be read at once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MAX_LINES = 300;

/** Every TypeScript module under a folder of the project, by its path from the project root. */
function modules(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.ts'))
    .map((path) => join(folder, path));
}

/** The project modules a module imports or re-exports, by their paths from the project root. */
function importsOf(module: string): string[] {
  const source = readFileSync(join(ROOT, module), 'utf8');
  return [...source.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+'(\.[^']+)'|^\s*import\s+'(\.[^']+)'/gm)].map((match) =>
    relative(ROOT, resolve(ROOT, dirname(module), match[1] ?? match[2])),
  );
}

/** The folder of server/ a module belongs to ("routes" for server/routes/api/quarters.ts), or "(root)". */
function serverFolder(module: string): string {
  const parts = relative('server', module).split('/');
  return parts.length === 1 ? '(root)' : parts[0];
}

/** Folder → the folders its modules import, for the folders of server/. */
function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const module of modules('server')) {
    const from = serverFolder(module);
    const edges = graph.get(from) ?? new Set<string>();
    graph.set(from, edges);
    for (const target of importsOf(module)) {
      if (!target.startsWith('server/')) continue;
      const to = serverFolder(target);
      if (to !== from) edges.add(to);
    }
  }
  return graph;
}

/** One import cycle between folders, as the folders along it, or null when there is none. */
function findCycle(graph: Map<string, Set<string>>): string[] | null {
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (folder: string): string[] | null => {
    if (path.includes(folder)) return [...path.slice(path.indexOf(folder)), folder];
    if (done.has(folder)) return null;
    path.push(folder);
    for (const next of graph.get(folder) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    done.add(folder);
    return null;
  };
  for (const folder of graph.keys()) {
    const cycle = visit(folder);
    if (cycle) return cycle;
  }
  return null;
}

describe('server imports', () => {
  it('routes reach the database only through the repository: from db/ they import pure domain values alone', () => {
    const reaching = modules('server/routes').flatMap((route) =>
      importsOf(route)
        .filter((target) => target.startsWith('db/') && !target.startsWith('db/domain/'))
        .map((target) => `${route} imports ${target}`),
    );
    expect(reaching).toEqual([]);
    const queriesOrWrites = modules('server/routes').flatMap((route) => importsOf(route).filter((target) => /^db\/(queries|writes)\//.test(target)));
    expect(queriesOrWrites).toEqual([]);
  });

  it('has no import cycle between the folders of server/', () => {
    const graph = folderGraph();
    expect([...graph.keys()]).toContain('routes');
    expect(findCycle(graph)).toBeNull();
  });

  it('findCycle finds a cycle through several folders', () => {
    const graph = new Map([
      ['routes', new Set(['http'])],
      ['http', new Set(['errors'])],
      ['errors', new Set(['routes'])],
    ]);
    expect(findCycle(graph)).toEqual(['routes', 'http', 'errors', 'routes']);
  });

  it(`keeps every module of server/ and db/ within ${MAX_LINES} lines (generated migrations aside)`, () => {
    const long = [...modules('server'), ...modules('db').filter((module) => !module.startsWith('db/migrations/'))]
      .map((module) => ({ module, lines: readFileSync(join(ROOT, module), 'utf8').split('\n').length - 1 }))
      .filter(({ lines }) => lines > MAX_LINES);
    expect(long).toEqual([]);
  });
});
