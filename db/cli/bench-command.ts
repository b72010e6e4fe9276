import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { openStore, closeStore, type Store } from '../open';
import { createDispatcher, implementedMethods } from '../api/dispatcher';
import { fixedClock } from '../clock';
import { noonIn } from '../../shared/dates';
import { isErrorResult } from '../../shared/contract/errors';
import { benchFloors } from './bench-floors';

export interface BenchCase {
  name: string;
  api: () => unknown;
  /** the fastest hand-written SQL for the same result on the same file: the floor no API can beat */
  floor?: () => unknown;
  runs?: number;
}

export interface Measurement {
  name: string;
  p50Ms: number;
  p95Ms: number;
  floorP50Ms: number | null;
  ratio: number | null;
}

function time(fn: () => unknown, runs: number): { p50: number; p95: number } {
  for (let i = 0; i < Math.min(5, runs); i++) fn(); // warm caches and statement preparation
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return { p50: samples[Math.floor(runs / 2)], p95: samples[Math.min(runs - 1, Math.floor(runs * 0.95))] };
}

export function measure(c: BenchCase, runs: number): Measurement {
  const n = c.runs ?? runs;
  const a = time(c.api, n);
  const f = c.floor ? time(c.floor, n) : null;
  return { name: c.name, p50Ms: round(a.p50), p95Ms: round(a.p95), floorP50Ms: f ? round(f.p50) : null, ratio: f ? round(a.p50 / f.p50) : null };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * `npm run bench [-- --customers N] [--db F] [--runs R] [--only TEXT] [--json]`: the hot calls through the real dispatcher, as
 * the app makes them, each beside the raw-SQL floor for the same result, on a demo store built on first use and
 * kept in .cache/bench (keyed by seed and size) so later runs reuse it. `--json` prints one object per line.
 */
export async function benchCommand(flags: Record<string, string>): Promise<number> {
  const customers = Number(flags.customers ?? 100_000);
  const runs = Number(flags.runs ?? 200);
  const today = flags.today ?? '2026-11-23';
  const seed = Number(flags.seed ?? 7);
  const json = flags.json === 'true';
  const log = (s: string) => (json ? console.error(s) : console.log(s));
  const cacheDir = resolve('.cache', 'bench');
  mkdirSync(cacheDir, { recursive: true });
  const file = flags.db ? resolve(flags.db) : join(cacheDir, `demo-${customers}-s${seed}-${today}.db`);
  if (!existsSync(file)) {
    log(`Gerando loja de demonstração com ${customers} clientes em ${file}...`);
    const r = spawnSync(process.execPath, ['bin/emdia.mjs', 'demo', '--db', file, '--customers', String(customers), '--seed', String(seed), '--today', today], { stdio: json ? ['ignore', 2, 2] : 'inherit' });
    if (r.status !== 0) return 1;
  }
  const store: Store = openStore(file);
  try {
    const { dispatch } = createDispatcher(store, fixedClock(noonIn(today, 'America/Sao_Paulo')));
    const call = (m: string, i: unknown) => {
      const r = dispatch(m, i, { transport: 'cli' });
      if (isErrorResult(r)) throw new Error(`${m}: ${r.error.message}`);
      return r;
    };
    call('settings.get', {}); // brings the projections to `today` before anything is timed
    const only = flags.only && flags.only !== 'true' ? flags.only : null;
    const cases = benchFloors(store, call, new Set(implementedMethods()), today).filter((c) => !only || c.name.includes(only));
    const total = (store.sqlite.prepare('SELECT COUNT(*) AS n FROM customers').get() as { n: number }).n;
    log(`\nEmDia bench — ${total.toLocaleString('pt-BR')} clientes, ${runs} execuções por caso (ms)\n`);
    if (!json) console.log(['caso'.padEnd(46), '   p50', '   p95', ' piso p50', ' razão'].join('  '));
    for (const c of cases) {
      const m = measure(c, runs);
      if (json) console.log(JSON.stringify(m));
      else
        console.log(
          [c.name.padEnd(46), m.p50Ms.toFixed(3).padStart(7), m.p95Ms.toFixed(3).padStart(7), (m.floorP50Ms?.toFixed(3) ?? '—').padStart(9), (m.ratio === null ? '—' : `${m.ratio.toFixed(1)}x`).padStart(6)].join('  '),
        );
    }
  } finally {
    closeStore(store);
  }
  if (flags['skip-import'] !== 'true') return importBench(json, log);
  return 0;
}

/**
 * The store's own book of 100,000 rows through import.preview and import.run (issue "Bring the store's book in":
 * under 30 s here), on a fresh store: one run, in its own process (test/bench/import.bench.ts).
 */
function importBench(json: boolean, log: (s: string) => void): number {
  const lines = 100_000;
  log(`\nImportação de ${lines.toLocaleString('pt-BR')} linhas (uma execução, loja nova)...`);
  const r = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'test/bench/import.bench.ts', String(lines), '--book'], { encoding: 'utf8' });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  const seconds = (label: string) => Number(new RegExp(`${label}\\s*([\\d.]+) s`).exec(out)?.[1] ?? NaN);
  const cases: [string, number][] = [
    ['import.preview 100.000 linhas', seconds('import.preview:')],
    ['import.run simulação 100.000 linhas', seconds('import.run \\(simulação\\):')],
    ['import.run 100.000 linhas', seconds('import.run \\(real\\):')],
  ];
  for (const [name, s] of cases) {
    const ms = Math.round(s * 1000);
    if (json) console.log(JSON.stringify({ name, p50Ms: ms, p95Ms: ms, floorP50Ms: null, ratio: null, linesPerSecond: Math.round(lines / s) }));
    else console.log([name.padEnd(46), String(ms).padStart(7), '      —', '        —', '     —', `  ${Math.round(lines / s).toLocaleString('pt-BR')} linhas/s`].join('  '));
  }
  if (r.status !== 0) {
    console.error(out);
    return 1;
  }
  return 0;
}
