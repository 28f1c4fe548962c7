/**
 * Official municipality codes have four characters ("0101" København … "0860" Hjørring).
 * Excel strips the leading zero, so "101" is accepted on input; four characters are always emitted.
 */
export const MUNICIPALITY_CODE_PATTERN = '^[0-9]{3,4}$';

const MUNICIPALITY_INPUT = /^\d{3,4}$/;

export function normaliseMunicipalityCode(input: string): string | null {
  const trimmed = input.trim();
  return MUNICIPALITY_INPUT.test(trimmed) ? trimmed.padStart(4, '0') : null;
}
