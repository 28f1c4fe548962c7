/**
 * The map's credit comes from the map file, never from the code: served a map built from other
 * boundaries (the grid fixture, with a label of its own), every place that credits the map
 * names those boundaries, and none names DAGI.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMunicipalityMap } from '../../geo/build.ts';
import writeMunicipalityMap from '../../geo/write-map.ts';
import { tempDir } from '../helper.ts';
import { exportMap, openMap, startSession, type Session } from './browser.ts';

const LABEL = 'Prøvegrænser til test, Eksempel Kommune';
let session: Session;
beforeAll(async () => {
  const geoRoot = tempDir('vv-geo-');
  const source = fileURLToPath(new URL('../fixtures/geo/grid-dataforsyningen.geojson', import.meta.url));
  const { topology } = await buildMunicipalityMap({ source, label: LABEL });
  await writeMunicipalityMap(topology, join(geoRoot, 'municipalities.topo.json'));
  session = await startSession(undefined, { geoRoot });
});
afterAll(() => session?.close());

const downloadSvg = async () => (await exportMap(session.page, 'svg')).bytes.toString('utf8');
const text = (selector: string) => session.page.$eval(selector, (element) => element.textContent!.replace(/\s+/g, ' ').trim());

describe('the map credit', () => {
  it('is the served map’s own label in the footer, in Danish and in English', async () => {
    await openMap(session, '?quarter=2018K4');
    expect(await text('[data-testid="page-source"]')).toBe(`Kilde: VV Monitor, Røde Kors og Dansk Flygtningehjælp. Kort: ${LABEL}.`);
    await openMap(session, '?quarter=2018K4&lang=en');
    expect(await text('[data-testid="page-source"]')).toBe(`Source: VV Monitor, Danish Red Cross and Danish Refugee Council. Map: ${LABEL}.`);
  });

  it('stands in the exported map and comparison, on a line of its own', async () => {
    await openMap(session, '?quarter=2018K4');
    const map = await downloadSvg();
    expect(map).toContain(`>Kort: ${LABEL}.</text>`);
    expect(map).toMatch(/>Kilde: VV Monitor, Røde Kors og Dansk Flygtningehjælp\. DEMODATA: [^<]*<\/text>/);
    expect(map).not.toContain('DAGI');
    await openMap(session, '?view=compare');
    const comparison = await downloadSvg();
    expect(comparison).toContain(`>Kort: ${LABEL}.</text>`);
  });

  it('stands on the printed page', async () => {
    await openMap(session, '?quarter=2018K4');
    await session.page.emulateMedia({ media: 'print' });
    expect(await session.page.locator('[data-testid="print-source"]').isVisible()).toBe(true);
    expect(await text('[data-testid="print-source"]')).toContain(`Kort: ${LABEL}.`);
    await session.page.emulateMedia({ media: 'screen' });
  });

  it('is left out where no map is drawn: the trend charts', async () => {
    await session.page.goto(`${session.baseUrl}/?view=trends`);
    await session.page.waitForSelector('[data-chart] svg');
    expect(await text('[data-testid="print-source"]')).not.toContain('Kort:');
  });

  it('raised no errors in the page', () => {
    expect(session.errors).toEqual([]);
  });
});
