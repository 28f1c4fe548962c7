import { describe, expect, it } from 'vitest';
import { exportFileName } from '../../../db/export/file-name.ts';

describe('exportFileName', () => {
  it('names the range, one quarter once, and marks demo data', () => {
    expect(exportFileName('2016K2', '2018K4', false, 'csv')).toBe('vv-monitor-2016K2-2018K4.csv');
    expect(exportFileName('2018K4', '2018K4', false, 'xlsx')).toBe('vv-monitor-2018K4.xlsx');
    expect(exportFileName('2016K2', '2018K4', true, 'xlsx')).toBe('vv-monitor-2016K2-2018K4-demodata.xlsx');
  });
});
