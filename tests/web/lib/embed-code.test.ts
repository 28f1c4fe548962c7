import { describe, expect, it } from 'vitest';
import { dashboardPath, embedPath, embedViewOf, iframeCode } from '../../../web/src/lib/embed-code.ts';

describe('embed addresses', () => {
  it('reads each embed page’s view from its path, and nothing else', () => {
    expect(embedViewOf('/embed/map/2018k4')).toEqual({ kind: 'map', quarter: '2018K4' });
    expect(embedViewOf('/embed/compare/2016K2/2018K4/')).toEqual({ kind: 'compare', from: '2016K2', to: '2018K4' });
    expect(embedViewOf('/embed/trend')).toEqual({ kind: 'trend' });
    expect(embedViewOf('/embed/map')).toBeNull();
    expect(embedViewOf('/embed/trend/2018K4')).toBeNull();
    expect(embedViewOf('/quarters/2018K4')).toBeNull();
  });

  it('writes the path of each view back as the server routes it', () => {
    for (const path of ['/embed/map/2018K4', '/embed/compare/2016K2/2018K4', '/embed/trend']) expect(embedPath(embedViewOf(path)!)).toBe(path);
  });

  it('links each view to the same view in the dashboard, in the embed’s language', () => {
    expect(dashboardPath({ kind: 'map', quarter: '2018K4' }, 'da')).toBe('/?quarter=2018K4');
    expect(dashboardPath({ kind: 'compare', from: '2016K2', to: '2018K4' }, 'en')).toBe('/?view=compare&from=2016K2&to=2018K4&lang=en');
    expect(dashboardPath({ kind: 'trend' }, 'da')).toBe('/?view=trends');
  });
});

describe('iframeCode', () => {
  it('uses PUBLIC_URL without a doubled slash, and gives the frame a title and a height', () => {
    expect(iframeCode('https://vv.rodekors.dk/', { kind: 'map', quarter: '2018K4' }, 'Venner Viser Vej: status i kommunerne, 4. kvt. 2018')).toBe(
      '<iframe src="https://vv.rodekors.dk/embed/map/2018K4" title="Venner Viser Vej: status i kommunerne, 4. kvt. 2018" style="width:100%;border:0" height="620" loading="lazy"></iframe>',
    );
  });

  it('escapes the title and asks for English when the dashboard shows English', () => {
    const code = iframeCode('https://vv.example', { kind: 'trend' }, 'A "quoted" <title> & more', 'en');
    expect(code).toContain('src="https://vv.example/embed/trend?lang=en"');
    expect(code).toContain('title="A &quot;quoted&quot; &lt;title&gt; &amp; more"');
  });
});
