import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { openStore, closeStore, type Store } from '../open';
import { createDispatcher, implementedMethods } from '../api/dispatcher';
import { fixedClock } from '../clock';
import { noonIn } from '../../shared/dates';
import { isErrorResult } from '../../shared/contract/errors';
import { benchFloors } from './bench-floors';
import { workCopy, writeCases, type WorkCopy } from './bench-writes';
import { indexesUsedByHotCalls, objectSizes } from './bench-file';
import { buildRenderer, initialJs, timeToToday } from './bench-renderer';

export interface BenchCase {
  name: string;
  api: () => unknown;
  /** the fastest hand-written SQL for the same result on the same file: the floor no API can beat */
  floor?: () => unknown;
  runs?: number;
  /** untimed runs first (caches, statement preparation); 5 unless told */
  warmup?: number;
  /** untimed, after each run of either side (closing what a run opened, removing a copy) */
  after?: () => void;
}

export interface Measurement {
  name: string;
  p50Ms: number;
  p95Ms: number;
  floorP50Ms: number | null;
  ratio: number | null;
}

function time(fn: () => unknown, runs: number, warmup = Math.min(5, runs), after?: () => void): { p50: number; p95: number } {
  for (let i = 0; i < warmup; i++) {
    fn(); // warm caches and statement preparation
    after?.();
  }
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
    after?.();
  }
  samples.sort((a, b) => a - b);
  return { p50: samples[Math.floor(runs / 2)], p95: samples[Math.min(runs - 1, Math.floor(runs * 0.95))] };
}

export function measure(c: BenchCase, runs: number): Measurement {
  const n = c.runs ?? runs;
  const a = time(c.api, n, c.warmup, c.after);
  const f = c.floor ? time(c.floor, n, c.warmup, c.after) : null;
  return { name: c.name, p50Ms: round(a.p50), p95Ms: round(a.p95), floorP50Ms: f ? round(f.p50) : null, ratio: f ? round(a.p50 / f.p50) : null };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

const fmtBytes = (n: number) => (n >= 1e9 ? `${(n / 1e9).toFixed(2)} GB` : n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : `${(n / 1e3).toFixed(1)} KB`);

/**
 * `npm run bench [-- --customers N] [--db F] [--runs R] [--only TEXT] [--json] [--skip-import]`: the hot calls
 * through the real dispatcher, as the app makes them, each beside the raw-SQL floor for the same result, on a demo
 * store built on first use and kept in .cache/bench (keyed by seed and size) so later runs reuse it. Then the
 * writes and heavy jobs on a copy of it (the cached store is never written), the file's bytes per table and index,
 * the indexes no hot plan uses, and the screens (initial JavaScript, page load to "Hoje"). `--only TEXT` keeps the
 * measurements whose name contains TEXT. `--json` prints one object per line on stdout.
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
  const only = flags.only && flags.only !== 'true' ? flags.only : null;
  const wanted = (name: string) => !only || name.includes(only);
  const print = (m: Measurement, note = '') => {
    if (json) console.log(JSON.stringify(m));
    else
      console.log(
        [m.name.padEnd(46), m.p50Ms.toFixed(3).padStart(9), m.p95Ms.toFixed(3).padStart(9), (m.floorP50Ms?.toFixed(3) ?? '—').padStart(9), (m.ratio === null ? '—' : `${m.ratio.toFixed(1)}x`).padStart(6), note].join('  ').trimEnd(),
      );
  };
  const printBytes = (name: string, bytes: number, extra: Record<string, unknown> = {}, note = '') => {
    if (json) console.log(JSON.stringify({ name, bytes, ...extra }));
    else console.log(`${name.padEnd(46)}  ${fmtBytes(bytes).padStart(9)}  ${note}`.trimEnd());
  };

  const store: Store = openStore(file);
  let total = 0;
  try {
    const { dispatch } = createDispatcher(store, fixedClock(noonIn(today, 'America/Sao_Paulo')));
    const call = (m: string, i: unknown) => {
      const r = dispatch(m, i, { transport: 'cli' });
      if (isErrorResult(r)) throw new Error(`${m}: ${r.error.message}`);
      return r;
    };
    call('settings.get', {}); // brings the projections to `today` before anything is timed
    const cases = benchFloors(store, call, new Set(implementedMethods()), today).filter((c) => wanted(c.name));
    total = (store.sqlite.prepare('SELECT COUNT(*) AS n FROM customers').get() as { n: number }).n;
    log(`\nEmDia bench — ${total.toLocaleString('pt-BR')} clientes, até ${runs} execuções por caso (ms)\n`);
    if (!json) console.log(['caso'.padEnd(46), '     p50', '      p95', ' piso p50', ' razão'].join('  '));
    for (const c of cases) print(measure(c, runs));
  } finally {
    closeStore(store);
  }

  // Writes, opening, backup and the screens on a copy: the cached store stays as it was.
  const writeNames = ['payments.receive (synchronous FULL)', 'agreements.create (synchronous FULL)', 'abrir o banco (abertura + migração + checagem)', 'backup.create'];
  const rendererNames = ['tela: JavaScript inicial (gzip)', 'tela: abrir até "Hoje" interativo'];
  if (writeNames.some(wanted) || rendererNames.some(wanted)) {
    log(`\nCópia da loja para as gravações (${fmtBytes(statSync(file).size)})...`);
    const t0 = Date.now();
    const w = workCopy(file, today);
    log(`  cópia pronta em ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    try {
      if (writeNames.some(wanted)) {
        const t1 = Date.now();
        const writes = writeCases(w, today).filter((c) => wanted(c.name));
        log(`  casos preparados em ${((Date.now() - t1) / 1000).toFixed(1)} s`);
        for (const c of writes) print(measure(c, runs));
      }
      if (rendererNames.some(wanted)) await rendererBench(w, today, wanted, print, printBytes, log);
    } finally {
      w.remove();
    }
  }

  if (wanted('arquivo') || wanted('índices')) fileReport(file, today, total, wanted, printBytes, log);

  if (flags['skip-import'] !== 'true' && wanted('import')) return importBench(json, log);
  return 0;
}

async function rendererBench(
  w: WorkCopy,
  today: string,
  wanted: (n: string) => boolean,
  print: (m: Measurement, note?: string) => void,
  printBytes: (name: string, bytes: number, extra?: Record<string, unknown>, note?: string) => void,
  log: (s: string) => void,
): Promise<void> {
  const outDir = resolve('.cache', 'bench', 'renderer');
  log('\nTelas (vite build em .cache/bench/renderer quando mudaram)...');
  await buildRenderer(outDir);
  const js = initialJs(outDir);
  if (wanted('tela: JavaScript inicial (gzip)')) printBytes('tela: JavaScript inicial (gzip)', js.gzipBytes, { rawBytes: js.bytes, files: js.files }, `(${fmtBytes(js.bytes)} sem gzip, ${js.files.length} arquivo(s); meta 400 KB)`);
  if (!wanted('tela: abrir até "Hoje" interativo')) return;
  const chrome = process.env.EMDIA_CHROME ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : null);
  if (!chrome) return log('Sem Chromium (EMDIA_CHROME): tempo até "Hoje" não medido.');
  // close the copy's own connection: the web server opens it as the app does
  closeStore(w.store);
  const samples = (await timeToToday({ dbFile: w.file, outDir, today, runs: 5, chrome })).sort((a, b) => a - b);
  const p = (q: number) => samples[Math.min(samples.length - 1, Math.floor(samples.length * q))];
  print({ name: 'tela: abrir até "Hoje" interativo', p50Ms: p(0.5), p95Ms: p(0.95), floorP50Ms: null, ratio: null }, '(contexto novo a cada vez; meta 1500 ms)');
}

function fileReport(file: string, today: string, customers: number, wanted: (n: string) => boolean, printBytes: (name: string, bytes: number, extra?: Record<string, unknown>, note?: string) => void, log: (s: string) => void): void {
  const size = statSync(file).size;
  let sizes: ReturnType<typeof objectSizes> = null;
  if (wanted('arquivo')) {
    log('\nO arquivo (dbstat: lê todas as páginas)...');
    printBytes('arquivo: total', size, { customers, bytesPerCustomer: Math.round(size / Math.max(1, customers)) }, `${Math.round(size / Math.max(1, customers)).toLocaleString('pt-BR')} bytes por cliente`);
    const store = openStore(file);
    try {
      sizes = objectSizes(store.sqlite);
      if (!sizes) log('dbstat não está compilado neste SQLite: tamanhos por tabela não medidos.');
      for (const o of sizes ?? []) {
        if (o.bytes < 1_000_000) continue; // the small ones add nothing to the picture
        printBytes(`arquivo: ${o.kind === 'table' ? 'tabela' : 'índice'} ${o.name}`, o.bytes, { table: o.table, kind: o.kind, unique: o.unique }, o.kind === 'index' ? `(de ${o.table}${o.unique ? ', único' : ''})` : '');
      }
    } finally {
      closeStore(store);
    }
  }
  if (wanted('índices')) {
    const { used, all } = indexesUsedByHotCalls(file, today);
    const unused = all.filter((i) => !used.has(i.name) && !i.unique);
    log(`\nÍndices que nenhum plano das chamadas frequentes usa (${unused.length} de ${all.length}; únicos e chaves ficam de fora: garantem regras):`);
    const bytesOf = new Map((sizes ?? []).map((o) => [o.name, o.bytes]));
    for (const i of unused) printBytes(`índices: sem uso ${i.name}`, bytesOf.get(i.name) ?? 0, { table: i.table, unused: true }, `(de ${i.table}${bytesOf.has(i.name) ? '' : '; tamanho com --only arquivo'})`);
  }
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
