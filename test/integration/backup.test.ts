import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, copyFileSync, rmSync, readdirSync, openSync, writeSync, closeSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import Database from 'better-sqlite3';
import { testBackend, type TestBackend } from '../support/backend';
import type { Caller } from '../../db/api/dispatcher';
import { backupsDir } from '../../db/backup/backups';
import { readManifest, rotate, type BackupEntry } from '../../db/backup/manifest';
import { backupSettled } from '../../db/backup/jobs';
import { snapshotStats, compareStats } from '../../db/backup/copy-worker.mjs';
import { rawDb } from '../support/raw-db';

/**
 * Backups through the dispatcher on a real SQLite file: SQLite's online backup API in a worker thread,
 * verified against the source's own counts and money totals before a copy counts, rotated, restorable,
 * with an undo copy; bad restores refused with the current data untouched.
 */
let t: TestBackend;
let owner: Caller;
let customerId: string;

const digest = (file: string) => {
  const db = rawDb(file, { readonly: true }, t.file);
  try {
    return JSON.stringify(snapshotStats(db));
  } finally {
    db.close();
  }
};
const countCopies = () => (existsSync(backupsDir(t.file)) ? readdirSync(backupsDir(t.file)).length : 0);
const pay = (amountCents: number) => t.ok<{ id: string }>('payments.receive', { customerId, amountCents, method: 'cash' }, owner);

beforeEach(() => {
  t = testBackend();
  owner = t.withPeople().owner;
  ({ id: customerId } = t.ok<{ id: string }>('customers.create', { name: 'Joana Prado', cpf: '52998224725', phones: [{ number: '11987654321' }] }, owner));
  t.ok('sales.create', { customerId, date: '2026-09-01', description: 'Geladeira', totalCents: 300000, installmentCount: 10, firstDueDate: '2026-10-01' }, owner);
  pay(12345);
});
afterEach(async () => {
  await backupSettled(t.file);
  t.close();
});

describe('backup.create', () => {
  it('makes a verified copy beside the database, holding exactly what the store held', () => {
    const before = digest(t.file);
    const r = t.ok<{ file: string; bytes: number; ok: boolean; verified: boolean }>('backup.create', {}, owner);
    expect(r).toMatchObject({ ok: true, verified: true });
    expect(r.file.startsWith(backupsDir(t.file))).toBe(true);
    expect(statSync(r.file).size).toBe(r.bytes);
    const copy = rawDb(r.file, { readonly: true }, t.file);
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete'); // one self-contained file
    // The audit row of this very call is written after the copy, in the call's own transaction.
    expect(compareStats(JSON.parse(before), snapshotStats(copy))).toEqual([]);
    expect((copy.prepare('SELECT SUM(amount_cents) AS s FROM payments').get() as { s: number }).s).toBe(12345);
    copy.close();
    const [entry] = readManifest(backupsDir(t.file));
    expect(entry).toMatchObject({ verified: true, reason: 'manual', day: '2026-11-23', bytes: r.bytes, paymentsCents: 12345, customers: 1 });
  });

  it('is listed with date, size and "verified"; the call is owner-only', () => {
    t.ok('backup.create', {}, owner);
    const { items } = t.ok<{ items: { file: string; at: string; bytes: number; verified: boolean; reason: string }[] }>('backup.list', {}, owner);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ verified: true, reason: 'manual', location: 'principal' });
    const { clerk } = { clerk: t.ok<{ sessionId: string }>('session.login', { userId: t.ok<{ items: { id: string; role: string }[] }>('users.list', {}, owner).items.find((u) => u.role === 'clerk')!.id, pin: '4321' }, { transport: 'http' }) };
    expect(t.fail('backup.create', {}, { transport: 'http', sessionId: clerk.sessionId }).kind).toBe('forbidden');
  });

  it('in the background: answers at once, reports progress, and the copy counts only when verified', async () => {
    const started = t.ok<{ started: boolean; status: { running: boolean } }>('backup.create', { background: true }, owner);
    expect(started.started).toBe(true);
    expect(started.status.running).toBe(true);
    // The counter keeps working while the copy runs.
    pay(100);
    await backupSettled(t.file);
    const status = t.ok<{ running: boolean; percent: number; last: { ok: boolean } }>('backup.status', {}, owner);
    expect(status).toMatchObject({ running: false, percent: 100, last: { ok: true } });
    expect(readManifest(backupsDir(t.file))).toHaveLength(1);
  });

  it('the extra folder: copied and verified there when present, skipped with a note when missing', () => {
    const extra = mkdtempSync(join(tmpdir(), 'emdia-pendrive-'));
    t.ok('settings.update', { backup: { extraFolder: extra } }, owner);
    const r1 = t.ok<{ extra: { ok: boolean; file: string } }>('backup.create', {}, owner);
    expect(r1.extra.ok).toBe(true);
    expect(rawDb(r1.extra.file, { readonly: true }, t.file).pragma('integrity_check', { simple: true })).toBe('ok');
    expect(readManifest(extra)).toHaveLength(1);
    rmSync(extra, { recursive: true, force: true }); // the pen drive is not plugged in today
    t.clock.set('2026-11-24');
    const r2 = t.ok<{ ok: boolean; extra: { ok: boolean; message: string } }>('backup.create', {}, owner);
    expect(r2.ok).toBe(true);
    expect(r2.extra).toMatchObject({ ok: false });
    expect(r2.extra.message).toMatch(/não está disponível/);
    expect(t.ok<{ items: unknown[] }>('backup.list', {}, owner).items).toHaveLength(2);
  });

  it('before a real import (not a simulation) a copy is made first', () => {
    const sample = readFileSync('samples/importacao-exemplo.csv', 'utf8');
    t.ok('import.csv', { content: sample, dryRun: true }, owner);
    expect(readManifest(backupsDir(t.file))).toHaveLength(0);
    t.ok('import.csv', { content: sample, dryRun: false }, owner);
    const [entry] = readManifest(backupsDir(t.file));
    expect(entry.reason).toBe('antes-de-importar');
    // The copy holds the store as it was before the import.
    const copy = rawDb(join(backupsDir(t.file), entry.file), { readonly: true }, t.file);
    expect((copy.prepare('SELECT COUNT(*) AS n FROM customers').get() as { n: number }).n).toBe(1);
    copy.close();
  });
});

describe('backup.restore', () => {
  it('brings back the copy, keeps an undo copy, and the undo really undoes', () => {
    const copy = t.ok<{ file: string }>('backup.create', {}, owner);
    pay(500); // made after the copy
    const before = digest(t.file);
    const r = t.ok<{ ok: boolean; undoFile: string }>('backup.restore', { file: copy.file }, owner);
    expect(r.ok).toBe(true);
    expect((t.store.sqlite.prepare('SELECT SUM(amount_cents) AS s FROM payments').get() as { s: number }).s).toBe(12345);
    expect(t.store.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(t.store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    // Everyone enters again; the restore itself is in the restored store's audit.
    expect(t.fail('backup.list', {}, owner).kind).toBe('forbidden');
    expect(t.count('audit')).toBeGreaterThan(0);
    expect((t.store.sqlite.prepare("SELECT COUNT(*) AS n FROM audit WHERE method = 'backup.restore'").get() as { n: number }).n).toBe(1);
    // Undo: the copy made just before holds the payment of 500.
    const undo = rawDb(r.undoFile, { readonly: true }, t.file);
    expect(compareStats(JSON.parse(before), snapshotStats(undo))).toEqual([]);
    undo.close();
    t.ok('backup.restore', { file: r.undoFile }, { transport: 'cli' });
    expect((t.store.sqlite.prepare('SELECT SUM(amount_cents) AS s FROM payments').get() as { s: number }).s).toBe(12845);
  });

  it('accepts a bare file name from the list', () => {
    const copy = t.ok<{ file: string }>('backup.create', {}, owner);
    const name = copy.file.split(/[\\/]/).pop()!;
    expect(t.ok('backup.restore', { file: name }, owner)).toMatchObject({ ok: true });
  });

  describe('bad input: a clear pt-BR message and the current database untouched', () => {
    const cases: [string, () => string, string, RegExp][] = [
      ['a file that does not exist', () => join(backupsDir(t.file), 'nao-existe.db'), 'not_found', /não encontrada/],
      ['a folder', () => tmpdir(), 'validation', /pasta/],
      ['a text file', () => (writeFileSync(join(tmpdir(), 'emdia-nao-e-backup.txt'), 'olá, isto não é um banco'), join(tmpdir(), 'emdia-nao-e-backup.txt')), 'validation', /não é uma cópia de segurança do EmDia/],
      [
        'another SQLite database',
        () => {
          const f = join(mkdtempSync(join(tmpdir(), 'emdia-other-')), 'other.db');
          new Database(f).exec('CREATE TABLE x (a)');
          return f;
        },
        'validation',
        /não é uma cópia de segurança do EmDia/,
      ],
      [
        'a copy from a newer EmDia',
        () => {
          const f = t.ok<{ file: string }>('backup.create', {}, owner).file;
          const db = rawDb(f, {}, t.file);
          db.pragma('user_version = 99');
          db.close();
          return f;
        },
        'conflict',
        /versão mais nova/,
      ],
      [
        'a damaged copy',
        () => {
          const f = t.ok<{ file: string }>('backup.create', {}, owner).file;
          const fd = openSync(f, 'r+');
          writeSync(fd, Buffer.alloc(4096, 0xab), 0, 4096, 4096 * 3); // scribble over a whole page
          closeSync(fd);
          return f;
        },
        'conflict',
        /danificada/,
      ],
      ['the live database itself', () => t.file, 'validation', /próprio banco/],
    ];
    for (const [label, file, kind, message] of cases) {
      it(label, () => {
        const target = file();
        const before = digest(t.file);
        const backupsBefore = countCopies();
        const e = t.fail('backup.restore', { file: target }, owner);
        expect(e.kind).toBe(kind);
        expect(e.message).toMatch(message);
        expect(digest(t.file)).toBe(before);
        // Refused before anything was done: not even the undo copy was made.
        expect(countCopies()).toBe(backupsBefore);
      });
    }
  });
});

describe('rotation: 7 daily, 4 weekly, 12 monthly', () => {
  const entry = (day: string, hour = 12): BackupEntry => ({ file: `${day}-${hour}.db`, at: `${day}T${String(hour).padStart(2, '0')}:00:00.000Z`, day, bytes: 1, verified: true, reason: 'diaria', schemaVersion: 2, customers: 0, paymentsCents: 0 });
  const days = (from: string, n: number) => Array.from({ length: n }, (_, i) => new Date(Date.parse(from) + i * 86400000).toISOString().slice(0, 10));

  it('a copy every day for two years keeps at most 7 + 4 + 12 (+2 newest), the newest of each', () => {
    const all = days('2025-01-01', 730).flatMap((d) => [entry(d, 9), entry(d, 18)]);
    const { keep, drop } = rotate(all);
    expect(keep.length).toBeLessThanOrEqual(25);
    expect(keep.length + drop.length).toBe(all.length);
    const keptDays = new Set(keep.map((e) => e.day));
    for (const d of days('2026-12-25', 7)) expect(keptDays.has(d)).toBe(true); // the last 7 days
    // the newest of each day is the one kept (18h, not 9h), except the two newest overall
    expect(keep.filter((e) => e.day < '2026-12-30').every((e) => e.at.includes('T18:'))).toBe(true);
    const months = new Set(keep.map((e) => e.day.slice(0, 7)));
    expect(months.size).toBe(12);
    expect(months.has('2026-01')).toBe(true);
    expect(months.has('2025-12')).toBe(false);
  });

  it('through the dispatcher: old copies beyond the rule are deleted from disk', () => {
    for (const d of days('2026-09-01', 40)) {
      t.clock.set(d);
      t.ok('backup.create', {}, owner);
    }
    const items = readManifest(backupsDir(t.file));
    expect(items.length).toBeLessThanOrEqual(13);
    const files = readdirSync(backupsDir(t.file)).filter((f) => f.endsWith('.db'));
    expect(files.sort()).toEqual(items.map((e) => e.file).sort());
  }, 60_000);
});

describe('verification can fail', () => {
  it('compareStats names a missing row and a changed money total', () => {
    const db = rawDb(t.file, { readonly: true });
    const a = snapshotStats(db);
    db.close();
    const b = JSON.parse(JSON.stringify(a));
    b.tables.payments.rows -= 1;
    b.tables.payments.cents.amount_cents += 1;
    expect(compareStats(a, b)).toEqual([expect.stringMatching(/payments: .* linhas/), expect.stringMatching(/payments.amount_cents/)]);
  });

  it('a file copy of the live database (instead of the backup API) misses what is still in the WAL', () => {
    // Why the backup API: the WAL holds recent pages the main file does not have yet.
    const dir = mkdtempSync(join(tmpdir(), 'emdia-filecopy-'));
    copyFileSync(t.file, join(dir, 'copy.db'));
    const copy = rawDb(join(dir, 'copy.db'), { readonly: true }, t.file);
    let problems: string[];
    try {
      problems = compareStats(JSON.parse(digest(t.file)), snapshotStats(copy));
    } catch {
      problems = ['unreadable'];
    }
    copy.close();
    expect(existsSync(`${t.file}-wal`)).toBe(true);
    expect(problems.length).toBeGreaterThan(0);
  });
});
