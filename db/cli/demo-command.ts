import { existsSync, rmSync, statSync } from 'node:fs';
import { openStore, closeStore, type Store } from '../open';
import { uuid } from '../context';
import { audit } from '../schema';
import { loadSettings, isStoreConfigured } from '../usecases/settings';
import { listUsers } from '../usecases/users';
import { buildDemoStore, type DemoSummary } from '../demo/build';
import { bulkLoad } from '../demo/bulk-load';
import { formatBRL } from '../../shared/money';
import { formatDateBR, isIsoDate, todayIn } from '../../shared/dates';
import { PROFILE_LABELS } from '../../shared/ui-format/profile';

const MAX_CUSTOMERS = 1_000_000;

const int = (n: number): string => n.toLocaleString('pt-BR');

function elapsed(ms: number): string {
  const s = ms / 1000;
  if (s < 60) return `${s.toLocaleString('pt-BR', { maximumFractionDigits: 1 })} s`;
  return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}

function size(bytes: number): string {
  return bytes >= 1e9 ? `${(bytes / 1e9).toLocaleString('pt-BR', { maximumFractionDigits: 2 })} GB` : `${Math.round(bytes / 1e6)} MB`;
}

interface DemoFlags {
  customers: number;
  seed: number;
  today: string | null;
}

/** Reads the flags; a bad one is answered in pt-BR, like every refusal of the command line. */
function readFlags(flags: Record<string, string>): DemoFlags | string {
  const customers = flags.customers === undefined ? 300 : Number(flags.customers);
  if (!Number.isInteger(customers) || customers < 1 || customers > MAX_CUSTOMERS) return `--customers deve ser um número inteiro de 1 a ${int(MAX_CUSTOMERS)}.`;
  const seed = flags.seed === undefined ? 1 : Number(flags.seed);
  if (!Number.isSafeInteger(seed)) return '--seed deve ser um número inteiro.';
  if (flags.today !== undefined && !isIsoDate(flags.today)) return '--today deve ser uma data AAAA-MM-DD.';
  return { customers, seed, today: flags.today ?? null };
}

/** Progress on stderr: one line rewritten in a terminal, a line per 10% in a log. */
function progressPrinter(total: number) {
  if (total < 1000) return undefined;
  const tty = process.stderr.isTTY;
  let lastTenth = -1;
  return (done: number) => {
    const pct = Math.floor((done / total) * 100);
    const line = `Montando a loja de demonstração: ${pct}% (${int(done)} de ${int(total)} clientes)`;
    if (tty) process.stderr.write(`\r${line}${done === total ? '\n' : ''}`);
    else if (Math.floor(pct / 10) > lastTenth) {
      lastTenth = Math.floor(pct / 10);
      process.stderr.write(`${line}\n`);
    }
  };
}

function printSummary(file: string, today: string, seed: number, s: DemoSummary, ms: number): void {
  const profiles = (Object.keys(s.profiles) as (keyof DemoSummary['profiles'])[]).map((p) => `${PROFILE_LABELS[p]} ${int(s.profiles[p])}`).join(' · ');
  console.log(`Loja de demonstração pronta: ${s.storeName} (hoje ${formatDateBR(today)}, semente ${seed})`);
  console.log(`  Clientes:   ${int(s.customers)}`);
  console.log(`  Vendas:     ${int(s.sales)}`);
  console.log(`  Parcelas:   ${int(s.installments)}`);
  console.log(`  Pagamentos: ${int(s.payments)} (${int(s.reversals)} estornados)`);
  console.log(`  Cobrança:   ${int(s.contacts)} contatos, ${int(s.promises)} promessas (${int(s.promisesKept)} cumpridas, ${int(s.promisesBroken)} quebradas)`);
  console.log(`  Em atraso:  ${formatBRL(s.overdueCents)} de ${int(s.overdueCustomers)} clientes (com multa e juros até hoje)`);
  console.log(`  Perfis:     ${profiles}`);
  console.log(`  Tempo:      ${elapsed(ms)}`);
  console.log(`  Arquivo:    ${file} (${size(statSync(file).size)})`);
  console.log('Para entrar (nome, papel, PIN):');
  for (const u of s.users) console.log(`  ${u.name} (${u.title}): PIN ${u.pin}`);
}

/** `npx emdia demo --db F [--customers N] [--seed S] [--today D]` (API.md). Exit 0 ok, 2 refused. */
export async function demoCommand(file: string, flags: Record<string, string>): Promise<number> {
  const opts = readFlags(flags);
  if (typeof opts === 'string') {
    console.error(opts);
    return 2;
  }
  const created = !existsSync(file);
  const store: Store = openStore(file);
  const started = performance.now();
  let built: { summary: DemoSummary; today: string };
  try {
    if (isStoreConfigured(store.db) || listUsers(store).items.length > 0) {
      console.error(`Este arquivo já tem uma loja configurada (${loadSettings(store.db).store.name}); a demonstração só é montada num arquivo novo. Use outro --db.`);
      return 2;
    }
    const today = opts.today ?? todayIn(loadSettings(store.db).store.timeZone, new Date());
    const summary = bulkLoad(store, () => buildDemoStore(store, { customers: opts.customers, seed: opts.seed, today, onProgress: progressPrinter(opts.customers) }));
    // The dispatcher audits setup.demo; the command line writes the same row itself.
    const now = new Date().toISOString();
    store.db
      .insert(audit)
      .values({ id: uuid(), at: now, userId: null, userName: 'Linha de comando', transport: 'cli', method: 'setup.demo', summary: JSON.stringify({ customers: opts.customers, seed: opts.seed, today }), createdAt: now, updatedAt: now, device: loadSettings(store.db).store.deviceCode })
      .run();
    built = { summary, today };
  } catch (e) {
    closeStore(store);
    // Half a demo is no use to anyone: a file this command created goes away with the failure.
    if (created) for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    throw e;
  } finally {
    closeStore(store);
  }
  printSummary(file, built.today, opts.seed, built.summary, performance.now() - started);
  return 0;
}
