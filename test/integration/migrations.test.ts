import { describe, it, expect } from 'vitest';
import { mkdtempSync, cpSync, writeFileSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import Database from 'better-sqlite3';
import { openStore, closeStore } from '../../db/open';
import { migrate, migrationsDir, loadMigrations } from '../../db/migrate';

const tmp = () => mkdtempSync(join(tmpdir(), 'emdia-mig-'));

describe('opening and migrating the database', () => {
  it('opens with foreign keys, WAL, synchronous FULL and a busy timeout, and records the schema version', () => {
    const file = join(tmp(), 'a.db');
    const store = openStore(file);
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(store.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(store.sqlite.pragma('user_version', { simple: true })).toBe(loadMigrations().length);
    closeStore(store);
  });

  it('refuses a database written by a newer EmDia, with a clear pt-BR message, and leaves it untouched', () => {
    const file = join(tmp(), 'newer.db');
    const db = new Database(file);
    db.pragma('user_version = 999');
    db.close();
    expect(() => openStore(file)).toThrow(/versão mais nova do EmDia/);
    const again = new Database(file);
    expect(again.pragma('user_version', { simple: true })).toBe(999);
    again.close();
  });

  it('backs up an existing file before a new migration, runs it in a transaction, and keeps the data (N−1 → N)', () => {
    const dir = tmp();
    const migs = join(dir, 'migrations');
    cpSync(migrationsDir(), migs, { recursive: true });
    const journalFile = join(migs, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8'));
    const n = journal.entries.length;
    journal.entries.push({ idx: n, version: '6', when: 0, tag: '9999_test_add_column', breakpoints: true });
    writeFileSync(journalFile, JSON.stringify(journal));
    writeFileSync(join(migs, '9999_test_add_column.sql'), 'ALTER TABLE customers ADD `nickname` text;');

    const file = join(dir, 'store.db');
    const db = new Database(file);
    migrate(db, file, migs, n); // the released schema (N−1 here)
    db.prepare("INSERT INTO customers (id, created_at, updated_at, device, name, name_folded, cpf) VALUES ('c1', 'x', 'x', 'A', 'Ana', 'ana', '52998224725')").run();
    migrate(db, file, migs); // the new version
    expect(db.pragma('user_version', { simple: true })).toBe(n + 1);
    expect(db.prepare("SELECT name, nickname FROM customers WHERE id = 'c1'").get()).toEqual({ name: 'Ana', nickname: null });
    const backups = readdirSync(join(dir, 'backups'));
    expect(backups).toHaveLength(1);
    const copy = new Database(join(dir, 'backups', backups[0]), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(n);
    expect(copy.prepare('SELECT COUNT(*) AS c FROM customers').get()).toEqual({ c: 1 });
    copy.close();
    db.close();
  });

  it('a failing migration changes nothing (all pending migrations in one transaction)', () => {
    const dir = tmp();
    const migs = join(dir, 'migrations');
    cpSync(migrationsDir(), migs, { recursive: true });
    const journalFile = join(migs, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8'));
    journal.entries.push({ idx: journal.entries.length, version: '6', when: 0, tag: '9999_broken', breakpoints: true });
    writeFileSync(journalFile, JSON.stringify(journal));
    writeFileSync(join(migs, '9999_broken.sql'), 'CREATE TABLE ok_table (id text);\n--> statement-breakpoint\nALTER TABLE nao_existe ADD x text;');
    const file = join(dir, 'store.db');
    const db = new Database(file);
    expect(() => migrate(db, file, migs)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT COUNT(*) AS c FROM sqlite_master WHERE name IN ('ok_table', 'customers')").get()).toEqual({ c: 0 });
    db.close();
  });
});
