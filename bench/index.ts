/**
 * `npm run bench` runs every benchmark; `npm run bench -- http scale` runs some. Each writes its
 * section of bench/results.json. Speed and size are measured here, never asserted in tests.
 */
import { runBrowserBenchmark } from './browser.ts';
import { runDanishBenchmark } from './danish.ts';
import { runHttpBenchmark } from './http.ts';
import { runLoadTest } from './load.ts';
import { saveResult } from './results.ts';
import { runScaleBenchmark } from './scale.ts';
import { measureFirstView, printSizes } from './size.ts';

const SUITES = {
  size: async () => {
    const result = measureFirstView();
    printSizes(result);
    return result;
  },
  http: async () => runHttpBenchmark({ seconds: Number(process.env.BENCH_SECONDS ?? 9) }),
  browser: async () => runBrowserBenchmark(),
  scale: async () => runScaleBenchmark(),
  danish: async () => runDanishBenchmark(),
  load: async () => runLoadTest({ readers: 200, writers: 5, seconds: Number(process.env.LOAD_SECONDS ?? 60) }),
} as const;

type Suite = keyof typeof SUITES;
const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !(name in SUITES));
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(SUITES).join(', ')}`);
  process.exit(2);
}

let failed = false;
for (const name of (requested.length > 0 ? requested : Object.keys(SUITES)) as Suite[]) {
  console.log(`\n== ${name} ==`);
  const result = await SUITES[name]();
  saveResult(name, result);
  // The load test is a correctness check as well (errors or lost writes fail the run), and the
  // size budget is a limit: either failing makes `npm run bench` exit non-zero.
  if (('passed' in result && result.passed === false) || ('withinBudget' in result && result.withinBudget === false)) failed = true;
}
console.log('\nResults written to bench/results.json');
if (failed) process.exit(1);
