export { buildMunicipalityMap, type BuildOptions, type BuildResult, type BuildStats } from './build.ts';
export { GeoSourceError } from './geo-source-error.ts';
export { REACT_DENMARK_MAP } from './resolve-source.ts';
export type { InsetBox, MapMeta, MunicipalityProperties, MunicipalityTopology, SourceKind } from './types.ts';
export { default as writeMunicipalityMap, MUNICIPALITY_MAP_PATH } from './write-map.ts';
