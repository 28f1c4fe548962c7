/**
 * A geometry source that is missing, unreachable or malformed. The message names the source and
 * is meant for the person running the build, so the CLI prints it without a stack trace.
 */
export class GeoSourceError extends Error {
  override name = 'GeoSourceError';
}
