/** The two organisations behind Venner Viser Vej: Røde Kors (RK) and Dansk Flygtningehjælp (DFH). */
export const ORGANISATIONS = ['RK', 'DFH'] as const;
export type Organisation = (typeof ORGANISATIONS)[number];
