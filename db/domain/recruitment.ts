/** The optional recruitment numbers a municipality reports each quarter. */
export const MEASURES = ['refugeesWaiting', 'volunteersMissing', 'activeMatches', 'newMatches'] as const;
export type Measure = (typeof MEASURES)[number];
