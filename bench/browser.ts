/**
 * How long the dashboard takes to show another quarter, timed inside Chromium with the Performance
 * API: from choosing a quarter in the picker until the legend's green count has changed and the
 * next frame has been drawn. Reported as medians, never asserted.
 *
 * Two cases: a quarter seen for the first time (its statuses and summary are fetched), and one
 * already loaded (the dashboard keeps fetched quarters, so only the map's fills change; three runs
 * of 20). Two baselines, measured in the same page: fetching a quarter's statuses and summary
 * without drawing anything (the first switch minus the fetch is the front end's own cost), and
 * setting the 98 municipalities' fills with plain DOM calls until the next frame (the least any
 * framework could do for an already loaded quarter; three runs of 20 as well). Also timed: opening
 * the compare view from the map, until both quarters' counts are shown.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { DEFAULT_GEO_ROOT, DEFAULT_WEB_ROOT } from '../server/app.ts';
import { startServerProcess } from './server-process.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SAMPLES = 20;
const RUNS = 3;

export interface Timing {
  medianMs: number;
  minMs: number;
  maxMs: number;
  samples: number;
}

/** Several runs of the same measurement: the median of the runs' medians, and each run. */
export interface Runs {
  medianMs: number;
  runs: Timing[];
}

export interface BrowserResults {
  quarterSwitchFirstVisit: Timing;
  quarterSwitchRevisit: Runs;
  /** Baseline for the revisit: the same 98 fills set with plain DOM calls, until the next frame. */
  plainFills: Runs;
  /** Baseline: fetch + parse of one quarter's statuses and summary in the same page. */
  fetchQuarterData: Timing;
  /** From the map to the compare view (first quarter against the newest), on a freshly opened page. */
  compareView: Timing | { notMeasured: string };
}

const round = (ms: number) => Math.round(ms * 10) / 10;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return sorted.length % 2 ? sorted[Math.floor(middle)] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function timing(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return { medianMs: round(median(samples)), minMs: round(sorted[0]), maxMs: round(sorted.at(-1)!), samples: samples.length };
}

function runs(samples: number[][]): Runs {
  const each = samples.map(timing);
  return { medianMs: round(median(each.map((run) => run.medianMs))), runs: each };
}

// In-page scripts are plain text: tsx would wrap named functions in a helper the page lacks.
const SWITCH_QUARTER = `async (code) => {
  const greenCount = () => document.querySelector('[data-count="green"]')?.textContent;
  const before = greenCount();
  const select = document.querySelector('[data-testid="quarter-select"]');
  const changed = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (greenCount() !== before) {
        observer.disconnect();
        resolve();
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  performance.mark('switch-start');
  select.value = code;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await changed;
  // The text is in the DOM; wait for the frame that shows it.
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  return performance.measure('switch', 'switch-start').duration;
}`;

const FETCH_QUARTER = `async (code) => {
  performance.mark('fetch-start');
  const answers = await Promise.all([fetch('/api/quarters/' + code + '/statuses'), fetch('/api/summary?quarter=' + code)]);
  await Promise.all(answers.map((answer) => answer.json()));
  return performance.measure('fetch', 'fetch-start').duration;
}`;

// The baseline: the main map's 98 paths get the given fills (code → colour) straight from the DOM.
const SET_FILLS = `async (fills) => {
  const paths = document.querySelectorAll('.map-area svg > path.municipality[data-code]');
  performance.mark('fills-start');
  for (const path of paths) path.setAttribute('fill', fills[path.getAttribute('data-code')]);
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  return performance.measure('fills', 'fills-start').duration;
}`;

const OPEN_COMPARE = `async () => {
  const sides = () => document.querySelectorAll('[data-counts]').length;
  const shown = new Promise((resolve, reject) => {
    const observer = new MutationObserver(() => {
      if (sides() >= 2) {
        observer.disconnect();
        resolve();
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true });
    setTimeout(() => reject(new Error('the compare view did not show two quarters ([data-counts]) within 10 s')), 10000);
  });
  performance.mark('compare-start');
  document.querySelector('[data-view="compare"]').click();
  await shown;
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  return performance.measure('compare', 'compare-start').duration;
}`;

/** Chooses `code` in the picker and resolves with the milliseconds until the legend shows it. */
const switchQuarter = (page: Page, code: string) => page.evaluate(`(${SWITCH_QUARTER})(${JSON.stringify(code)})`) as Promise<number>;
const fetchQuarterData = (page: Page, code: string) => page.evaluate(`(${FETCH_QUARTER})(${JSON.stringify(code)})`) as Promise<number>;

export async function runBrowserBenchmark(): Promise<BrowserResults> {
  for (const needed of [join(DEFAULT_WEB_ROOT, 'index.html'), join(DEFAULT_GEO_ROOT, 'municipalities.topo.json'), CHROMIUM]) {
    if (!existsSync(needed)) throw new Error(`${needed} is missing: run \`npm run build\` and install Chromium (apt-get install -y chromium)`);
  }
  const work = mkdtempSync(join(tmpdir(), 'vv-bench-browser-'));
  const server = await startServerProcess({
    env: { DATABASE_PATH: join(work, 'vv-monitor.sqlite'), ANONYMOUS_READ: '1', LOG_LEVEL: 'warn' },
    logFile: join(work, 'server.log'),
  });
  const context = await chromium.launchPersistentContext(join(work, 'chromium'), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1600, height: 1000 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const quarters = (await (await fetch(`${server.baseUrl}/api/quarters`)).json()) as { code: string; counts: { green: number } }[];
    const initial = quarters.at(-1)!;
    // Quarters the dashboard has not fetched when it opens (it prefetches the default's neighbours),
    // with a green count different from the default's so the legend visibly changes.
    const unseen = quarters.slice(0, -2).filter((q) => q.counts.green !== initial.counts.green);
    const open = async () => {
      await page.goto(`${server.baseUrl}/?quarter=${initial.code}`);
      await page.waitForSelector('[data-count="green"]');
      await page.waitForLoadState('networkidle');
    };

    const firstVisit: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      await open();
      firstVisit.push(await switchQuarter(page, unseen[i % unseen.length].code));
    }

    const other = unseen[0];
    const revisit: number[][] = [];
    for (let run = 0; run < RUNS; run++) {
      await open();
      await switchQuarter(page, other.code);
      const samples: number[] = [];
      for (let i = 0; i < SAMPLES; i++) samples.push(await switchQuarter(page, i % 2 === 0 ? initial.code : other.code));
      revisit.push(samples);
    }

    // The two quarters' fills as the map draws them, read from the page, then set by hand.
    const fillsOf = () =>
      page.$$eval('.map-area svg > path.municipality[data-code]', (paths) =>
        Object.fromEntries(paths.map((p) => [p.getAttribute('data-code'), p.getAttribute('fill')])),
      );
    const plain: number[][] = [];
    for (let run = 0; run < RUNS; run++) {
      await open();
      const initialFills = await fillsOf();
      await switchQuarter(page, other.code);
      const otherFills = await fillsOf();
      const samples: number[] = [];
      for (let i = 0; i < SAMPLES; i++) {
        samples.push((await page.evaluate(`(${SET_FILLS})(${JSON.stringify(i % 2 === 0 ? initialFills : otherFills)})`)) as number);
      }
      plain.push(samples);
    }

    const fetches: number[] = [];
    for (let i = 0; i < SAMPLES; i++) fetches.push(await fetchQuarterData(page, unseen[i % unseen.length].code));

    // The compare view is new and still changing: if its markers are missing, say so instead of failing.
    let compareView: BrowserResults['compareView'];
    try {
      const samples: number[] = [];
      for (let i = 0; i < SAMPLES; i++) {
        await open();
        samples.push((await page.evaluate(`(${OPEN_COMPARE})()`)) as number);
      }
      compareView = timing(samples);
    } catch (error) {
      compareView = { notMeasured: (error as Error).message.split('\n')[0] };
    }

    const result: BrowserResults = {
      quarterSwitchFirstVisit: timing(firstVisit),
      quarterSwitchRevisit: runs(revisit),
      plainFills: runs(plain),
      fetchQuarterData: timing(fetches),
      compareView,
    };
    console.log(`quarter switch, first visit   median ${result.quarterSwitchFirstVisit.medianMs} ms (min ${result.quarterSwitchFirstVisit.minMs}, max ${result.quarterSwitchFirstVisit.maxMs})`);
    const each = (r: Runs) => r.runs.map((run) => run.medianMs).join(', ');
    console.log(`quarter switch, already loaded median ${result.quarterSwitchRevisit.medianMs} ms (${RUNS} runs of ${SAMPLES}: ${each(result.quarterSwitchRevisit)})`);
    console.log(`baseline: the same 98 fills set with plain DOM calls median ${result.plainFills.medianMs} ms (${each(result.plainFills)})`);
    console.log(`baseline: fetch statuses+summary median ${result.fetchQuarterData.medianMs} ms`);
    console.log(
      'medianMs' in compareView
        ? `compare view (map → compare, first vs newest quarter) median ${compareView.medianMs} ms (min ${compareView.minMs}, max ${compareView.maxMs})`
        : `compare view: not measured: ${compareView.notMeasured}`,
    );
    return result;
  } finally {
    await context.close();
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
}
