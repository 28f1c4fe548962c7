/**
 * Everything the quarterly report shows, loaded at once from the dashboard's own routes: the
 * quarter, the quarter before it and the first quarter (for the changes on the cover), every
 * quarter's categories with the reasons for each change, the trends, and the recruitment numbers.
 * Only a final quarter has a report: a draft may still change, and its figures must not be printed.
 */
import { api, ApiError } from '../../lib/api.ts';
import type { Meta, MunicipalityStatus, Quarter, QuarterTrend, Recruitment, StatusMatrix, Summary } from '../../lib/contract.ts';
import { errorText } from '../../lib/errors.ts';

export interface ReportQuarter {
  code: string;
  statuses: MunicipalityStatus[];
  summary: Summary;
  /** The national recruitment need; null when no municipality reported. */
  volunteersMissing: number | null;
}

export interface ReportData {
  meta: Meta;
  quarter: ReportQuarter;
  previous: ReportQuarter | null;
  first: ReportQuarter | null;
  matrix: StatusMatrix;
  /** Final quarters up to the report's own. */
  trends: QuarterTrend[];
  recruitment: Recruitment;
  quarters: Quarter[];
}

/** Why there is no report to show. */
export type Refusal = { kind: 'unknown' } | { kind: 'draft'; newestFinal: string | null };

export class QuarterlyReport {
  data = $state.raw<ReportData | null>(null);
  refusal = $state<Refusal | null>(null);
  error = $state<string | null>(null);
  loading = $state(true);

  /** The newest final quarter, for /report without a quarter; null when none is final. */
  static async newestFinal(): Promise<string | null> {
    return (await api.quarters()).filter((q) => q.state === 'final').at(-1)?.code ?? null;
  }

  async load(code: string): Promise<void> {
    this.loading = true;
    this.error = null;
    this.refusal = null;
    this.data = null;
    try {
      const [meta, quarters] = await Promise.all([api.meta(), api.quarters()]);
      const index = quarters.findIndex((q) => q.code === code);
      const finals = quarters.filter((q) => q.state === 'final');
      if (index < 0) this.refusal = { kind: 'unknown' };
      else if (quarters[index].state !== 'final') this.refusal = { kind: 'draft', newestFinal: finals.at(-1)?.code ?? null };
      if (this.refusal) return;
      const previousCode = index > 0 ? quarters[index - 1].code : null;
      const firstCode = quarters[0].code !== code && quarters[0].code !== previousCode ? quarters[0].code : null;
      const [quarter, previous, first, matrix, trends, recruitment] = await Promise.all([
        loadQuarter(code),
        previousCode ? loadQuarter(previousCode) : null,
        firstCode ? loadQuarter(firstCode) : null,
        api.matrix(),
        api.trends(),
        api.recruitment(code),
      ]);
      const shown = new Set(finals.filter((q) => q.code <= code).map((q) => q.code));
      this.data = {
        meta,
        quarter,
        previous,
        first: first ?? (previousCode === quarters[0].code ? previous : null),
        matrix,
        trends: trends.filter((trend) => shown.has(trend.quarter)),
        recruitment,
        quarters,
      };
    } catch (error) {
      // A well-formed quarter the reader may not see (a draft, for a viewer) answers 404.
      if (error instanceof ApiError && error.status === 404) this.refusal = { kind: 'unknown' };
      else this.error = errorText(error);
    } finally {
      this.loading = false;
    }
  }
}

async function loadQuarter(code: string): Promise<ReportQuarter> {
  const [statuses, summary, recruitment] = await Promise.all([api.statuses(code), api.summary(code), api.recruitmentTotals(code)]);
  return { code, statuses, summary, volunteersMissing: recruitment.reporting > 0 ? recruitment.volunteersMissing : null };
}
