/**
 * The trend charts take the dashboard as their source of quarters and of what a click on a
 * quarter does. In the report a click opens that quarter's map on the dashboard instead.
 */
import type { Meta, Quarter, QuarterTrend } from '../../lib/contract.ts';
import { router } from '../../lib/router.svelte.ts';
import { Dashboard, type View } from '../dashboard/dashboard.svelte.ts';

export class ReportCharts extends Dashboard {
  constructor(meta: Meta, quarters: Quarter[], trends: QuarterTrend[]) {
    super();
    this.meta = meta;
    this.quarters = quarters;
    this.trends = trends;
  }

  override async selectQuarter(code: string): Promise<void> {
    router.navigate(`/?quarter=${encodeURIComponent(code)}`);
  }

  override setView(_view: View): void {
    // The report has one view; selectQuarter has taken the reader to the dashboard's map.
  }
}
