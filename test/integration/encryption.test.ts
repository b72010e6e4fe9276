import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import Database from 'better-sqlite3';
import { testBackend, type TestBackend } from '../support/backend';
import type { Caller } from '../../db/api/dispatcher';
import { openStore, closeStore } from '../../db/open';
import { migrate } from '../../db/migrate';
import { keyFileFor, readStoreKey } from '../../db/crypto-key';
import { backupsDir } from '../../db/backup/backups';
import { backupSettled } from '../../db/backup/jobs';
import { openGuarded } from '../../db/health/guarded';
import { rawDb } from '../support/raw-db';

/**
 * Encryption at rest (issue 9 item 7): the store and its copies are SQLCipher files under a key kept beside the
 * store with owner-only permissions. Proven on the bytes: no customer name or CPF in clear on disk, the key
 * reopens it, no key or a wrong key is refused in pt-BR with the file untouched, the copies are encrypted and
 * restore, and an older unencrypted store is encrypted once after a verified copy.
 */
const NAME = 'Josefa Quitéria Bezerra';
const CPF = '52998224725';
let t: TestBackend;
let owner: Caller;

/** Everything on disk for the store: the file, its WAL and any journal. */
const bytesOnDisk = (file: string) =>
  Buffer.concat(['', '-wal', '-journal'].filter((s) => existsSync(file + s)).map((s) => readFileSync(file + s)));
const inClear = (buf: Buffer) => [NAME, NAME.toLowerCase(), 'Bezerra', CPF, '529.982.247-25'].filter((s) => buf.includes(Buffer.from(s, 'utf8')));
const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

beforeEach(() => {
  t = testBackend();
  owner = t.withPeople().owner;
  t.ok('customers.create', { name: NAME, cpf: CPF, phones: [{ number: '11987654321' }] }, owner);
});
afterEach(async () => {
  await backupSettled(t.file);
  t.close();
});

describe('the store on disk', () => {
  it('holds no customer name or CPF in clear, in the file or its WAL, and starts with no SQLite header', () => {
    expect(inClear(bytesOnDisk(t.file))).toEqual([]);
    closeStore(t.store); // checkpoints the WAL into the file
    expect(inClear(bytesOnDisk(t.file))).toEqual([]);
    expect(readFileSync(t.file).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    // The control: the same bytes decrypted do hold the name (so the grep above could fail).
    const db = rawDb(t.file, { readonly: true });
    expect((db.prepare('SELECT name FROM customers').get() as { name: string }).name).toBe(NAME);
    db.close();
  });

  it('keeps the key beside the store, readable by its owner only (0600)', () => {
    const k = keyFileFor(t.file);
    expect(existsSync(k)).toBe(true);
    if (process.platform !== 'win32') expect(statSync(k).mode & 0o777).toBe(0o600);
    expect(readStoreKey(t.file)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reopens with the key', () => {
    closeStore(t.store);
    const again = openStore(t.file);
    expect((again.sqlite.prepare('SELECT name, cpf FROM customers').get() as { name: string; cpf: string })).toEqual({ name: NAME, cpf: CPF });
    closeStore(again);
  });

  it('is not readable as a plain SQLite file', () => {
    closeStore(t.store);
    const plain = new Database(t.file, { readonly: true });
    expect(() => plain.prepare('SELECT COUNT(*) FROM customers').get()).toThrow(/not a database/);
    plain.close();
  });
});

describe('without the key or with a wrong one', () => {
  it('refuses without the key, in pt-BR, makes no new key and leaves the file untouched', () => {
    closeStore(t.store);
    const before = hash(t.file);
    const k = keyFileFor(t.file);
    renameSync(k, `${k}.guardada`);
    expect(() => openStore(t.file)).toThrow(/criptografado e a chave deste computador .* não foi encontrada.*Nada foi alterado/);
    expect(existsSync(k)).toBe(false);
    expect(hash(t.file)).toBe(before);
    // The desktop and browser start: the damaged-store screen explains, no crash.
    const g = openGuarded({ dbPath: t.file, clock: { now: () => new Date() }, background: false });
    expect(g.problem()?.kind).toBe('key');
    expect(g.problem()?.title).toMatch(/chave de criptografia/);
    g.close();
    expect(hash(t.file)).toBe(before);
    // With the key back, it opens as before.
    renameSync(`${k}.guardada`, k);
    const again = openStore(t.file);
    expect((again.sqlite.prepare('SELECT COUNT(*) AS n FROM customers').get() as { n: number }).n).toBe(1);
    closeStore(again);
  });

  it('refuses a wrong key, in pt-BR, and leaves the file and the key untouched', () => {
    closeStore(t.store);
    const before = hash(t.file);
    const k = keyFileFor(t.file);
    const right = readFileSync(k, 'utf8');
    writeFileSync(k, JSON.stringify({ emdia: 'chave-do-banco', version: 1, protection: 'file', key: 'ab'.repeat(32) }), { mode: 0o600 });
    expect(() => openStore(t.file)).toThrow(/chave de criptografia deste computador: a chave \(emdia\.key\) não é a deste arquivo.*Nada foi alterado/);
    expect(hash(t.file)).toBe(before);
    expect(readStoreKey(t.file)).toBe('ab'.repeat(32));
    writeFileSync(k, right);
    closeStore(openStore(t.file));
  });
});

describe('backups', () => {
  it('are encrypted too, with the same key, and restore', () => {
    const r = t.ok<{ file: string; verified: boolean }>('backup.create', {}, owner);
    expect(r.verified).toBe(true);
    expect(inClear(readFileSync(r.file))).toEqual([]);
    const plain = new Database(r.file, { readonly: true });
    expect(() => plain.prepare('SELECT COUNT(*) FROM customers').get()).toThrow(/not a database/);
    plain.close();
    const copy = rawDb(r.file, { readonly: true }, t.file);
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((copy.prepare('SELECT name FROM customers').get() as { name: string }).name).toBe(NAME);
    copy.close();
    // Later work, then the restore brings the copy back (and its undo copy is encrypted as well).
    t.ok('customers.create', { name: 'Bruno Dias', cpf: '11144477735', phones: [] }, owner);
    expect(t.count('customers')).toBe(2);
    const restored = t.ok<{ undoFile: string }>('backup.restore', { file: r.file }, { transport: 'cli' });
    expect(t.count('customers')).toBe(1);
    expect(inClear(readFileSync(restored.undoFile))).toEqual([]);
    expect(t.store.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(t.store.sqlite.pragma('foreign_key_check')).toEqual([]);
    expect(inClear(bytesOnDisk(t.file))).toEqual([]);
    // The undo copy restores too: Bruno is back.
    t.ok('backup.restore', { file: restored.undoFile }, { transport: 'cli' });
    expect(t.count('customers')).toBe(2);
  });

  it('a copy on the pen drive is the same encrypted file', () => {
    const extra = mkdtempSync(join(tmpdir(), 'emdia-pendrive-'));
    try {
      t.ok('settings.update', { backup: { extraFolder: extra } }, owner);
      const r = t.ok<{ extra: { ok: boolean; file: string } }>('backup.create', {}, owner);
      expect(r.extra.ok).toBe(true);
      expect(inClear(readFileSync(r.extra.file))).toEqual([]);
      expect(readdirSync(extra).some((f) => f.endsWith('.key'))).toBe(false); // the key never travels with the copy
    } finally {
      rmSync(extra, { recursive: true, force: true });
    }
  });

  it('a copy made under another computer\'s key is refused in pt-BR, the store untouched', () => {
    const other = mkdtempSync(join(tmpdir(), 'emdia-other-pc-'));
    try {
      // An EmDia store of another PC: whole and of this version, but under a key of its own.
      const foreign = join(other, 'store.db');
      closeStore(openStore(foreign));
      expect(readStoreKey(foreign)).not.toBe(readStoreKey(t.file));
      const before = hash(t.file);
      const e = t.fail('backup.restore', { file: foreign }, { transport: 'cli' });
      expect(e.message).toMatch(/chave de outro computador/);
      expect(t.count('customers')).toBe(1);
      expect(hash(t.file)).toBe(before);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});

describe('an older, unencrypted store', () => {
  it('is encrypted once on its first open, after a verified plain copy, with nothing lost', () => {
    const dir = mkdtempSync(join(tmpdir(), 'emdia-legacy-'));
    try {
      const file = join(dir, 'loja.db');
      const old = new Database(file);
      old.pragma('journal_mode = WAL');
      migrate(old, file);
      old.prepare("INSERT INTO customers (id, created_at, updated_at, device, name, name_folded, cpf) VALUES ('c1', 'x', 'x', 'A', ?, 'josefa', ?)").run(NAME, CPF);
      old.close();
      expect(inClear(readFileSync(file)).length).toBeGreaterThan(0); // the control: an old store shows the name
      expect(existsSync(keyFileFor(file))).toBe(false);

      const s = openStore(file);
      expect((s.sqlite.prepare('SELECT name FROM customers').get() as { name: string }).name).toBe(NAME);
      expect(s.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      closeStore(s);
      expect(inClear(bytesOnDisk(file))).toEqual([]);
      const copies = readdirSync(backupsDir(file)).filter((f) => f.includes('antes-da-criptografia'));
      expect(copies).toHaveLength(1);
      const copy = new Database(join(backupsDir(file), copies[0]), { readonly: true });
      expect(copy.prepare('SELECT name FROM customers').get()).toEqual({ name: NAME });
      copy.close();

      // Once: the second open finds it encrypted and makes no second copy.
      closeStore(openStore(file));
      expect(readdirSync(backupsDir(file)).filter((f) => f.includes('antes-da-criptografia'))).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('its plain copies from before still restore into the encrypted store, landing encrypted', () => {
    const dir = mkdtempSync(join(tmpdir(), 'emdia-legacy-copy-'));
    try {
      const plainCopy = join(dir, 'copia-antiga.db');
      const p = new Database(plainCopy);
      migrate(p, plainCopy);
      p.prepare("INSERT INTO customers (id, created_at, updated_at, device, name, name_folded, cpf) VALUES ('c9', 'x', 'x', 'A', 'Cliente Antigo', 'cliente antigo', '11144477735')").run();
      p.pragma('journal_mode = DELETE');
      p.close();
      t.ok('backup.restore', { file: plainCopy }, { transport: 'cli' });
      expect(t.store.sqlite.prepare('SELECT name FROM customers').all()).toEqual([{ name: 'Cliente Antigo' }]);
      closeStore(t.store);
      expect(bytesOnDisk(t.file).includes(Buffer.from('Cliente Antigo'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
