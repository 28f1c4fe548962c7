/** Why a municipality stops its quarter from being finalised: the server lists these in a refusal. */
export const UNSETTLED_PROBLEMS = ['not assessed', 'carried over, not confirmed'] as const;
export type UnsettledProblem = (typeof UNSETTLED_PROBLEMS)[number];

export interface Unsettled {
  code: string;
  name: string;
  problem: UnsettledProblem;
}
