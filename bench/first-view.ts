/**
 * The files a browser must download before the dashboard at `/` can draw: index.html, the scripts
 * and style sheets it links, every module those scripts import statically, and the map geometry.
 * Pages loaded with `import()` (the lazily loaded chunks) are left out: the first view never asks for them.
 * Web fonts the style sheets name are listed as `font`: with `font-display: swap` the page draws
 * without them, so size.ts reports them on their own line, outside the budget.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface FirstViewFile {
  /** As the browser asks for it, e.g. /assets/index-abc.js. */
  url: string;
  path: string;
  kind: 'html' | 'js' | 'css' | 'geometry' | 'font';
}

// Static `import … from "x"`, `import "x"` and `export … from "x"` in Vite's minified output;
// `import("x")` does not match, because a quote must follow `import` or `from` directly.
const STATIC_IMPORT = /(?:\bimport|\bfrom)\s*["'`]([^"'`]+\.(?:js|mjs|css))["'`]/g;
const CSS_FONT = /url\(\s*["']?([^"')]+\.woff2?)["']?\s*\)/g;
const HTML_ASSET = /<(?:script|link)\b[^>]*?\b(?:src|href)=["']([^"']+\.(?:js|mjs|css))["'][^>]*>/g;

export function firstViewFiles(webRoot: string, geoRoot: string): FirstViewFile[] {
  const files: FirstViewFile[] = [{ url: '/', path: join(webRoot, 'index.html'), kind: 'html' }];
  const html = readFileSync(files[0].path, 'utf8');
  const queue = [...html.matchAll(HTML_ASSET)].map((match) => new URL(match[1], 'http://x/').pathname);
  const seen = new Set<string>();
  while (queue.length > 0) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const path = join(webRoot, url);
    const kind = url.endsWith('.css') ? 'css' : 'js';
    files.push({ url, path, kind });
    if (kind === 'js') {
      for (const match of readFileSync(path, 'utf8').matchAll(STATIC_IMPORT)) queue.push(new URL(match[1], `http://x${url}`).pathname);
    } else {
      for (const match of readFileSync(path, 'utf8').matchAll(CSS_FONT)) {
        const font = new URL(match[1], `http://x${url}`).pathname;
        if (!seen.has(font)) files.push({ url: font, path: join(webRoot, font), kind: 'font' });
        seen.add(font);
      }
    }
  }
  files.push({ url: '/geo/municipalities.topo.json', path: join(geoRoot, 'municipalities.topo.json'), kind: 'geometry' });
  return files;
}
