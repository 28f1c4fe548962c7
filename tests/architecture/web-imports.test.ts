/**
 * What the browser code may import from the rest of the repository: from db/ only the pure domain
 * rules in db/domain (no drizzle, no SQLite), and from server/ only types (`import type`, erased
 * before bundling). The rules are read from the source text, so they hold whatever the bundler does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WEB = join(ROOT, 'web/src');

interface Import {
  file: string;
  line: number;
  specifier: string;
  typeOnly: boolean;
}

// `import … from`, `export … from`, `import '…'` and `import('…')`; `import type` and `export type` are type-only.
const STATEMENT = /\b(import|export)\s+(type\s+)?(?:[\w*${},\s]+?\s+from\s+)?['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string, text: string): Import[] {
  const found: Import[] = [];
  for (const match of text.matchAll(STATEMENT)) {
    const specifier = match[3] ?? match[4];
    const line = text.slice(0, match.index).split('\n').length;
    found.push({ file, line, specifier, typeOnly: match[2] !== undefined });
  }
  return found;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|svelte)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Where an import points, relative to the repository root ("db/domain/quarter.ts"); null for packages. */
function target(entry: Import): string | null {
  if (!entry.specifier.startsWith('.')) return null;
  return relative(ROOT, resolve(dirname(entry.file), entry.specifier));
}

function broken(entry: Import): string | null {
  const to = target(entry);
  if (to === null) return null;
  if (to.startsWith('db/') && !to.startsWith('db/domain/')) return 'imports from db/ outside db/domain';
  if (to.startsWith('server/') && !entry.typeOnly) return 'imports server/ without `import type`';
  return null;
}

const where = (entry: Import) => `${relative(ROOT, entry.file)}:${entry.line} ${entry.specifier}`;

describe('web imports', () => {
  const imports = sourceFiles(WEB).flatMap((file) => importsOf(file, readFileSync(file, 'utf8')));

  it('reads the imports of every web source file', () => {
    expect(imports.length).toBeGreaterThan(100);
    expect(imports.some((entry) => target(entry)?.startsWith('db/domain/'))).toBe(true);
  });

  it('take from db/ only db/domain, and from server/ only types', () => {
    expect(imports.filter((entry) => broken(entry)).map((entry) => `${where(entry)}: ${broken(entry)}`)).toEqual([]);
  });

  it('reach only db/domain files that import nothing outside db/domain but types', () => {
    const domainFiles = new Set(imports.map(target).filter((to): to is string => to?.startsWith('db/domain/') ?? false));
    const problems = [...domainFiles].flatMap((file) =>
      importsOf(join(ROOT, file), readFileSync(join(ROOT, file), 'utf8'))
        .filter((entry) => !entry.typeOnly && target(entry) !== null && !target(entry)!.startsWith('db/domain/'))
        .map(where),
    );
    expect(problems).toEqual([]);
  });
});

describe('web components', () => {
  it('stay within 300 lines each: a longer one holds two jobs (split it, or move its state into a *.svelte.ts class)', () => {
    const long = sourceFiles(WEB)
      .filter((file) => file.endsWith('.svelte'))
      .map((file) => ({ file: relative(ROOT, file), lines: readFileSync(file, 'utf8').split('\n').length - 1 }))
      .filter(({ lines }) => lines > 300);
    expect(sourceFiles(WEB).filter((file) => file.endsWith('.svelte')).length).toBeGreaterThan(50);
    expect(long).toEqual([]);
  });
});

describe('importsOf', () => {
  it('tells a type-only import from one that loads the module', () => {
    const text = [
      "import type { A } from '../../server/schemas/quarter.ts';",
      "import { type B } from '../../server/errors.ts';",
      "export { C } from '../db/schema.ts';",
      "const page = () => import('./Page.svelte');",
    ].join('\n');
    expect(importsOf('/x/web/src/lib/a.ts', text).map(({ line, specifier, typeOnly }) => ({ line, specifier, typeOnly }))).toEqual([
      { line: 1, specifier: '../../server/schemas/quarter.ts', typeOnly: true },
      { line: 2, specifier: '../../server/errors.ts', typeOnly: false },
      { line: 3, specifier: '../db/schema.ts', typeOnly: false },
      { line: 4, specifier: './Page.svelte', typeOnly: false },
    ]);
  });

  it('flags a value import from db/ outside db/domain and from server/', () => {
    const file = join(WEB, 'pages/x/X.svelte');
    const rules = (specifier: string, typeOnly = false) => broken({ file, line: 1, specifier, typeOnly });
    expect(rules('../../../../db/schema.ts', true)).toBe('imports from db/ outside db/domain');
    expect(rules('../../../../db/domain/quarter.ts')).toBeNull();
    expect(rules('../../../../server/schemas/quarter.ts')).toBe('imports server/ without `import type`');
    expect(rules('../../../../server/schemas/quarter.ts', true)).toBeNull();
  });
});
