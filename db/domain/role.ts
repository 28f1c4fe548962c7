/**
 * Who uses VV Monitor: `admin` is the national project group, `consultant` a regional consultant,
 * `viewer` the following group. One list for the database, the API and the pages.
 */
export const ROLES = ['admin', 'consultant', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
