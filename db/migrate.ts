import Database from 'better-sqlite3';
import { applyKey, isPlainSqlite, storeKey } from './crypto-key';
import { readFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiError } from '../shared/contract/errors';

interface Journal {
  entries: { idx: number; tag: string }[];
}

/**
 * Where drizzle-kit wrote the migrations. The Electron bundle sets EMDIA_MIGRATIONS_DIR because a bundled
 * file no longer sits next to them.
 */
export function migrationsDir(): string {
  if (process.env.EMDIA_MIGRATIONS_DIR) return process.env.EMDIA_MIGRATIONS_DIR;
  return join(dirname(fileURLToPath(import.meta.url)), 'migrations');
}

export function loadMigrations(dir = migrationsDir()): { tag: string; statements: string[] }[] {
  const journal = JSON.parse(readFileSync(join(dir, 'meta', '_journal.json'), 'utf8')) as Journal;
  return journal.entries
    .sort((a, b) => a.idx - b.idx)
    .map((e) => ({
      tag: e.tag,
      statements: readFileSync(join(dir, `${e.tag}.sql`), 'utf8')
        .split('--> statement-breakpoint')
        .map((s) => s.trim())
        .filter(Boolean),
    }));
}

/**
 * Brings the file to the app's schema. `user_version` counts the migrations applied: a larger number means a
 * newer EmDia wrote this file, and we refuse rather than damage it (as Signal does). An existing database is
 * copied aside before anything changes; all pending migrations run in one transaction.
 */
export function migrate(sqlite: Database.Database, file: string, dir?: string, upTo?: number): void {
  const all = loadMigrations(dir);
  const target = upTo ?? all.length;
  const current = sqlite.pragma('user_version', { simple: true }) as number;
  if (current > all.length) {
    throw new ApiError(
      'conflict',
      'Este arquivo de dados foi gravado por uma versão mais nova do EmDia. Atualize o EmDia neste computador para abri-lo.',
    );
  }
  if (current >= target) return;
  if (current > 0 && file !== ':memory:') backupBeforeMigration(sqlite, file, current);
  const run = sqlite.transaction(() => {
    for (const m of all.slice(current, target)) for (const s of m.statements) sqlite.exec(s);
    sqlite.pragma(`user_version = ${target}`);
  });
  run.immediate();
}

function backupBeforeMigration(sqlite: Database.Database, file: string, version: number): void {
  const dir = join(dirname(file), 'backups');
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = join(dir, `${basename(file)}.v${version}.antes-da-atualizacao.${stamp}.db`);
  // VACUUM INTO writes a consistent, compact copy even while WAL holds recent pages (encrypted like the source).
  sqlite.prepare('VACUUM INTO ?').run(target);
  verifyCopy(sqlite, file, target);
}

/**
 * A copy counts only when it is whole (issue "Data safety"): the copy passes integrity_check and holds the same
 * rows and money as the store it came from. Otherwise the update stops here, with the store untouched.
 */
function verifyCopy(source: Database.Database, file: string, target: string): void {
  const copy = new Database(target, { readonly: true });
  try {
    if (!isPlainSqlite(target)) applyKey(copy, storeKey(file));
    const ok = (copy.pragma('integrity_check', { simple: true }) as string) === 'ok';
    const tables = (source.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((t) => t.name);
    const facts = (db: Database.Database) =>
      tables.map((t) => {
        const money = (db.prepare(`SELECT name FROM pragma_table_info('${t}') WHERE name LIKE '%_cents'`).all() as { name: string }[]).map((c) => `IFNULL(SUM(${c.name}), 0)`);
        return JSON.stringify(db.prepare(`SELECT COUNT(*)${money.length ? ', ' + money.join(', ') : ''} FROM "${t}"`).raw(true).get());
      });
    if (!ok || JSON.stringify(facts(copy)) !== JSON.stringify(facts(source))) {
      throw new ApiError('conflict', 'A cópia de segurança feita antes da atualização não conferiu com os dados. A atualização não foi feita e nada foi alterado; libere espaço no disco e abra o EmDia de novo.');
    }
  } finally {
    copy.close();
  }
}
