/**
 * The rows of a write that sets one value per municipality (quotas, recruitment numbers), checked
 * the same way: each code is one of the 98 (with or without its leading zero) and comes once.
 */
import type { Transaction } from '../client.ts';
import { normaliseMunicipalityCode } from '../domain/municipality-code.ts';
import { invalid, type RowProblem } from '../errors.ts';
import { municipalities } from '../schema.ts';

/**
 * `check` adds a row's own problems (through `problem`) and answers what to save for it. Any
 * problem in any row refuses the whole write, listing every problem; otherwise answers the rows.
 */
export function checkMunicipalityRows<I extends { code: string }, R>(
  tx: Transaction,
  inputs: I[],
  check: (input: I, code: string, problem: (field: string, message: string) => void) => R[],
): R[] {
  const known = new Set(tx.select({ code: municipalities.code }).from(municipalities).all().map((m) => m.code));
  const problems: RowProblem[] = [];
  const seen = new Set<string>();
  const rows = inputs.flatMap((input, index) => {
    const code = normaliseMunicipalityCode(String(input.code ?? ''));
    const problem = (field: string, message: string) => {
      problems.push({ row: index + 1, code: code ?? undefined, field, message });
    };
    if (!code || !known.has(code)) return problem('code', `${JSON.stringify(input.code)} is not one of the 98 municipality codes`), [];
    if (seen.has(code)) return problem('code', `${code} appears more than once`), [];
    seen.add(code);
    return check(input, code, problem);
  });
  if (problems.length > 0) throw invalid(`${problems.length} rows have errors; nothing was saved`, { errors: problems });
  return rows;
}
