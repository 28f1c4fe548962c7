import { describe, expect, it } from 'vitest';
import { normaliseMunicipalityCode } from '../../../db/domain/municipality-code.ts';

describe('normaliseMunicipalityCode', () => {
  it('keeps four-character codes', () => expect(normaliseMunicipalityCode('0101')).toBe('0101'));
  it('restores the leading zero Excel strips', () => {
    expect(normaliseMunicipalityCode('101')).toBe('0101');
    expect(normaliseMunicipalityCode('860')).toBe('0860');
  });
  it.each(['', '1', '12', '01011', 'abc', '10a', '-101', '1.0'])('rejects %j', (input) =>
    expect(normaliseMunicipalityCode(input)).toBeNull(),
  );
});
