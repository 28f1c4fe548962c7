export { buildMunicipalityMap, type BuildOptions, type BuildResult, type BuildStats } from './build.ts';
export { GeoSourceError } from './geo-source-error.ts';
export { DAGI_ATTRIBUTION } from './resolve-source.ts';
export type { InsetBox, MapMeta, MunicipalityProperties, MunicipalityTopology } from './types.ts';
export { default as writeMunicipalityMap, MUNICIPALITY_MAP_FILE } from './write-map.ts';
