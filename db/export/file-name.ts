/** "vv-monitor-2016K2-2018K4.csv"; "-demodata" so a downloaded demo file is never taken for real data. */
export function exportFileName(from: string, to: string, demo: boolean, extension: 'csv' | 'xlsx'): string {
  const range = from === to ? from : `${from}-${to}`;
  return `vv-monitor-${range}${demo ? '-demodata' : ''}.${extension}`;
}
