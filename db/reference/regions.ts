/** Denmark's five regions (regionskode), as used by Statistics Denmark and DAGI. */
export interface Region {
  code: string;
  name: string;
}

export const REGIONS: readonly Region[] = [
  { code: '1081', name: 'Region Nordjylland' },
  { code: '1082', name: 'Region Midtjylland' },
  { code: '1083', name: 'Region Syddanmark' },
  { code: '1084', name: 'Region Hovedstaden' },
  { code: '1085', name: 'Region Sjælland' },
];
