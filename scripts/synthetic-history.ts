/**
 * A synthetic monitoring history of any size, for the scale benchmark (bench/scale.ts): many years
 * of quarters, more areas than Denmark's 98 municipalities, and an audit log of a million rows.
 * It is invented data and refuses to write into data/, where the real database lives.
 *
 *   npx tsx scripts/synthetic-history.ts --out /tmp/vv-40-years.sqlite --quarters 160
 *   npx tsx scripts/synthetic-history.ts --out /tmp/vv-wide.sqlite --areas 2000 --quarters 40 --audit-rows 1000000
 *
 * Rows are written with prepared statements in one transaction instead of through the write path:
 * a million audit rows through drizzle's query builder would take minutes. The result has the
 * write path's shape: every status row's version equals its number of audit rows.
 */
import { existsSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/client.ts';
import { seededRandom } from '../db/demo/random.ts';
import { quarterEnd, quarterRange, quarterStart } from '../db/domain/quarter.ts';
import { REASONS } from '../db/domain/reason.ts';
import { MUNICIPALITIES } from '../db/reference/municipalities.ts';
import { REGIONS } from '../db/reference/regions.ts';

export interface SyntheticOptions {
  /** Areas with a status every quarter: the 98 municipalities, then invented ones. */
  areas?: number;
  quarters?: number;
  /** Roughly how many audit rows to write in total; at least one per status row. */
  auditRows?: number;
  /** The newest quarter, left open; all earlier ones are final. */
  lastQuarter?: string;
  seed?: number;
}

export interface SyntheticStats {
  areas: number;
  quarters: number;
  statuses: number;
  agreements: number;
  auditRows: number;
  bytes: number;
  seconds: number;
  newestQuarter: string;
}

const DATA_FOLDER = fileURLToPath(new URL('../data', import.meta.url));

function quartersBack(last: string, count: number): string[] {
  const year = Number(last.slice(0, 4));
  const first = `${year - Math.ceil(count / 4) - 1}K1`;
  return quarterRange(first, last).slice(-count);
}

export function generateSyntheticHistory(path: string, options: SyntheticOptions = {}): SyntheticStats {
  const target = resolve(path);
  if (!relative(DATA_FOLDER, target).startsWith('..')) throw new Error(`refusing to write synthetic data into ${DATA_FOLDER}`);
  if (existsSync(target)) throw new Error(`${target} exists; synthetic history is only written to a new file`);
  const areaCount = options.areas ?? MUNICIPALITIES.length;
  if (areaCount < MUNICIPALITIES.length || areaCount > 9000) throw new Error(`areas must be from ${MUNICIPALITIES.length} to 9000`);
  const started = performance.now();
  const random = seededRandom(options.seed ?? 40);
  const codes = quartersBack(options.lastQuarter ?? '2025K4', options.quarters ?? 160);
  const newest = codes.at(-1)!;

  const database = openDatabase(target);
  const { sqlite } = database;
  // A new file of invented rows: if the machine fails midway, it is generated again. Writing it
  // without journal or fsync, with a large page cache, cuts a million audit rows from minutes to about 20 s.
  sqlite.pragma('journal_mode = OFF');
  sqlite.pragma('synchronous = OFF');
  // The audit log's five indexes are written in random order; a small page cache thrashes.
  sqlite.pragma('cache_size = -262144');
  const insert = {
    area: sqlite.prepare('INSERT INTO municipalities (code, name, region_code) VALUES (?, ?, ?)'),
    user: sqlite.prepare(
      "INSERT INTO users (email, name, role, password_hash, created_at, updated_at, password_changed_at) VALUES (?, ?, ?, 'synthetic: no login', ?, ?, ?)",
    ),
    quarter: sqlite.prepare(
      'INSERT INTO quarters (code, year, quarter, state, definitions_version, opened_at, finalised_at, finalised_by) VALUES (?, ?, ?, ?, 1, ?, ?, ?)',
    ),
    status: sqlite.prepare(
      'INSERT INTO statuses (quarter_code, municipality_code, category, reason, reason_text, note, carried_over, version, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?)',
    ),
    agreement: sqlite.prepare(
      'INSERT INTO agreements (municipality_code, organisation, signed_on, ended_on, note, created_at, updated_at) VALUES (?, ?, ?, ?, NULL, ?, ?)',
    ),
    quota: sqlite.prepare('INSERT INTO reception_quotas (municipality_code, year, quota, zero_quota) VALUES (?, ?, ?, ?)'),
    audit: sqlite.prepare(
      'INSERT INTO audit_log (at, actor, actor_id, action, entity, entity_key, municipality_code, quarter_code, old_value, new_value, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
  };

  let auditRows = 0;
  let agreementCount = 0;
  const audit = (...values: unknown[]) => {
    insert.audit.run(...values);
    auditRows++;
  };

  sqlite.transaction(() => {
    const areas = MUNICIPALITIES.map((m) => m.code);
    for (let i = 0; areas.length < areaCount; i++) {
      const code = String(1000 + i);
      insert.area.run(code, `Område ${code}`, REGIONS[i % REGIONS.length].code);
      areas.push(code);
    }

    const actors = ['Anne Admin', 'Bo Konsulent', 'Cecilie Konsulent', 'Dan Konsulent', 'Eva Konsulent', 'Finn Konsulent'].map((name, i) => {
      const email = `${name.split(' ')[0].toLowerCase()}@synthetic.test`;
      const id = Number(insert.user.run(email, name, i === 0 ? 'admin' : 'consultant', '2016-01-01T00:00:00.000Z', '2016-01-01T00:00:00.000Z', '2016-01-01T00:00:00.000Z').lastInsertRowid);
      return { id, name, label: `${name} <${email}>` };
    });

    for (const code of codes) {
      const final = code !== newest;
      const opened = `${quarterStart(code)}T08:00:00.000Z`;
      const finalised = final ? `${quarterEnd(code)}T16:00:00.000Z` : null;
      insert.quarter.run(code, Number(code.slice(0, 4)), Number(code.slice(5)), final ? 'final' : 'open', opened, finalised, final ? actors[0].name : null);
      audit(opened, actors[0].label, actors[0].id, 'open', 'quarter', code, null, code, null, JSON.stringify({ state: 'open' }), null);
      if (finalised) audit(finalised, actors[0].label, actors[0].id, 'finalise', 'quarter', code, null, code, JSON.stringify({ state: 'open' }), JSON.stringify({ state: 'final' }), null);
    }

    // Writes per status row, so that the total lands near the requested number of audit rows.
    const statusCount = areas.length * codes.length;
    const extra = Math.max(0, (options.auditRows ?? statusCount) - auditRows - statusCount);
    const perRow = Math.floor(extra / statusCount);
    let remainder = extra - perRow * statusCount;

    // Quarter by quarter, as the data is really entered: a quarter's rows sit together in the file
    // and the audit log grows in time order.
    const categories = new Map(areas.map((area) => [area, random.int(1, 3)]));
    for (const code of codes) {
      let clock = Date.parse(`${quarterEnd(code)}T06:00:00.000Z`);
      for (const area of areas) {
        const previous = categories.get(area)!;
        let category = previous;
        if (random.next() < 0.15) category = Math.min(3, Math.max(1, category + (random.next() < 0.6 ? -1 : 1)));
        categories.set(area, category);
        const reason = category === previous ? null : random.pick(REASONS);
        const reasonText = reason === 'other' ? 'Syntetisk begrundelse' : null;
        const note = random.next() < 0.2 ? `Syntetisk note ${code}` : null;
        const writes = 1 + perRow + (remainder-- > 0 ? 1 : 0);
        const actor = actors[1 + random.int(0, actors.length - 2)];
        let old: string | null = null;
        for (let w = 0; w < writes; w++) {
          clock += random.int(200, 1800);
          const value = JSON.stringify({ category, reason, reasonText, note: w === writes - 1 ? note : `udkast ${w + 1}` });
          audit(new Date(clock).toISOString(), actor.label, actor.id, w === 0 ? 'create' : 'update', 'status', `${code}/${area}`, area, code, old, value, reason);
          old = value;
        }
        insert.status.run(code, area, category, reason, reasonText, note, writes, actor.name, new Date(clock).toISOString());
      }
    }

    for (const area of areas) {
      for (const organisation of ['RK', 'DFH']) {
        // Agreements come and go: signed, sometimes ended, renewed after a gap.
        let at = random.int(0, 8);
        while (at < codes.length) {
          const length = random.int(4, 40);
          const signedOn = quarterStart(codes[at]);
          const endsAt = at + length;
          const endedOn = endsAt < codes.length && random.next() < 0.5 ? quarterStart(codes[endsAt]) : null;
          insert.agreement.run(area, organisation, signedOn, endedOn, `${signedOn}T12:00:00.000Z`, `${endedOn ?? signedOn}T12:00:00.000Z`);
          agreementCount++;
          audit(`${signedOn}T12:00:00.000Z`, actors[0].label, actors[0].id, 'create', 'agreement', String(agreementCount), area, null, null, JSON.stringify({ organisation, signedOn }), null);
          if (endedOn === null) break;
          at = endsAt + random.int(0, 8);
        }
      }

      for (const year of new Set(codes.map((c) => Number(c.slice(0, 4))))) {
        const zero = random.next() < 0.1;
        insert.quota.run(area, year, zero ? 0 : random.int(1, 200), zero ? 1 : 0);
      }
    }
    sqlite.prepare("INSERT INTO meta (key, value) VALUES ('dataset', 'synthetic') ON CONFLICT (key) DO UPDATE SET value = excluded.value").run();
  })();

  sqlite.pragma('journal_mode = WAL');
  database.close();
  return {
    areas: areaCount,
    quarters: codes.length,
    statuses: areaCount * codes.length,
    agreements: agreementCount,
    auditRows,
    bytes: statSync(target).size,
    seconds: Math.round((performance.now() - started) / 100) / 10,
    newestQuarter: newest,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const USAGE = 'usage: npx tsx scripts/synthetic-history.ts --out <new file> [--areas 98] [--quarters 160] [--audit-rows N] [--seed 40]';
  try {
    const { values } = parseArgs({
      options: { out: { type: 'string' }, areas: { type: 'string' }, quarters: { type: 'string' }, 'audit-rows': { type: 'string' }, seed: { type: 'string' } },
    });
    if (!values.out) throw new Error(USAGE);
    const number = (value: string | undefined) => (value === undefined ? undefined : Number(value));
    const stats = generateSyntheticHistory(values.out, {
      areas: number(values.areas),
      quarters: number(values.quarters),
      auditRows: number(values['audit-rows']),
      seed: number(values.seed),
    });
    console.log(`${resolve(values.out)}: ${JSON.stringify(stats)}`);
  } catch (error) {
    console.error(`synthetic-history: ${(error as Error).message}`);
    process.exit(1);
  }
}
