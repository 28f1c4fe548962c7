import { describe, expect, it } from 'vitest';
import type { Dashboard } from '../../../../web/src/pages/dashboard/dashboard.svelte.ts';
import { fileName, mapCsv } from '../../../../web/src/pages/dashboard/exports.ts';

const dashboard = (fields: Partial<Dashboard>) => fields as Dashboard;

describe('fileName', () => {
  it('names the view and its quarters', () => {
    expect(fileName(dashboard({ view: 'map', quarter: '2018K4' }), 'png')).toBe('vv-monitor-kort-2018K4.png');
    expect(fileName(dashboard({ view: 'compare', compareFrom: '2016K2', compareTo: '2018K4' }), 'csv')).toBe('vv-monitor-sammenligning-2016K2-2018K4.csv');
    expect(fileName(dashboard({ view: 'trends' }), 'svg')).toBe('vv-monitor-udvikling.svg');
  });

  it('marks a file made from invented data', () => {
    const demo = dashboard({ view: 'map', quarter: '2018K4', meta: { dataset: 'demo' } as Dashboard['meta'] });
    expect(fileName(demo, 'png')).toBe('vv-monitor-kort-2018K4-demodata.png');
  });
});

describe('mapCsv', () => {
  it('writes one row per municipality under Danish headers, with the region’s name', () => {
    const rows = mapCsv(
      dashboard({
        quarter: '2018K4',
        meta: { regions: [{ code: '1084', name: 'Hovedstaden' }] } as unknown as Dashboard['meta'],
        data: {
          statuses: [{ code: '0101', name: 'København', regionCode: '1084', category: 1, agreements: ['DFH'], zeroQuota: false }],
        } as unknown as Dashboard['data'],
      }),
    );
    expect(rows[0][0]).toBe('kvartal');
    expect(rows[1].slice(0, 5)).toEqual(['2018K4', '0101', 'København', 'Hovedstaden', 1]);
    expect(rows).toHaveLength(2);
  });
});
