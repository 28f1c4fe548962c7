/**
 * The published views other sites can embed (server/routes/embed.ts), their addresses, and the
 * <iframe> code the dashboard's "Indlejr" dialog hands out. Pure, so the dialog, the embed pages
 * and the tests agree on one spelling of each address.
 */
export type EmbedView = { kind: 'map'; quarter: string } | { kind: 'compare'; from: string; to: string } | { kind: 'trend' };

/** The embed page of a view, e.g. "/embed/map/2018K4". */
export function embedPath(view: EmbedView): string {
  if (view.kind === 'map') return `/embed/map/${view.quarter}`;
  if (view.kind === 'compare') return `/embed/compare/${view.from}/${view.to}`;
  return '/embed/trend';
}

/** The view an embed page's path names, or null for any other path. */
export function embedViewOf(pathname: string): EmbedView | null {
  const parts = pathname.replace(/\/+$/, '').split('/').slice(1).map(decodeURIComponent);
  if (parts[0] !== 'embed') return null;
  if (parts[1] === 'map' && parts.length === 3) return { kind: 'map', quarter: parts[2].toUpperCase() };
  if (parts[1] === 'compare' && parts.length === 4) return { kind: 'compare', from: parts[2].toUpperCase(), to: parts[3].toUpperCase() };
  if (parts[1] === 'trend' && parts.length === 2) return { kind: 'trend' };
  return null;
}

/** The same view in the dashboard, for the embed's "Se i VV Monitor" link. */
export function dashboardPath(view: EmbedView, language: 'da' | 'en'): string {
  const params = new URLSearchParams();
  if (view.kind === 'map') params.set('quarter', view.quarter);
  if (view.kind === 'compare') {
    params.set('view', 'compare');
    params.set('from', view.from);
    params.set('to', view.to);
  }
  if (view.kind === 'trend') params.set('view', 'trends');
  if (language === 'en') params.set('lang', 'en');
  return `/?${params}`;
}

/** A height that shows the whole view at a laptop's width; the host page may change it. */
export const EMBED_HEIGHT: Record<EmbedView['kind'], number> = { map: 620, compare: 620, trend: 480 };

const attribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The code a partner pastes into their page: PUBLIC_URL (no trailing slash) plus the embed page. */
export function iframeCode(publicUrl: string, view: EmbedView, title: string, language: 'da' | 'en' = 'da'): string {
  const src = `${publicUrl.replace(/\/+$/, '')}${embedPath(view)}${language === 'en' ? '?lang=en' : ''}`;
  return `<iframe src="${attribute(src)}" title="${attribute(title)}" style="width:100%;border:0" height="${EMBED_HEIGHT[view.kind]}" loading="lazy"></iframe>`;
}
