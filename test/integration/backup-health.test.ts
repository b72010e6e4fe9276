import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { mkdtempSync, rmSync, openSync, writeSync, closeSync, truncateSync, statSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { rawDb } from '../support/raw-db';
import { openStore, closeStore } from '../../db/open';
import { createDispatcher } from '../../db/api/dispatcher';
import { openGuarded, type GuardedBackend } from '../../db/health/guarded';
import { startBackgroundCheck } from '../../db/health/background';
import { noonIn } from '../../shared/dates';
import { isErrorResult } from '../../shared/contract/errors';

/**
 * Damage at start (db/health): a corrupt, truncated, locked or unreadable file, or one from a newer EmDia,
 * opens the damaged-store mode — `health.status` explains in pt-BR and offers the latest verified copy,
 * `health.restore` puts it back — instead of a crash. A healthy store opens with no noticeable delay.
 */
const now = noonIn('2026-11-23', 'America/Sao_Paulo');
const clock = { now: () => now };
let dir: string;
let file: string;
let guarded: GuardedBackend | null = null;

/** A configured store with one customer and one verified backup. */
function makeStore(withBackup = true) {
  const store = openStore(file);
  const { dispatch } = createDispatcher(store, clock);
  const ok = (m: string, input: unknown) => {
    const r = dispatch(m, input, { transport: 'cli' });
    if (isErrorResult(r)) throw new Error(JSON.stringify(r.error));
    return r as any;
  };
  ok('setup.store', { storeName: 'Loja Saúde', state: 'MG', ownerName: 'Dona Maria', ownerPin: '1234' });
  ok('customers.create', { name: 'Ana Lima', cpf: '52998224725', phones: [] });
  if (withBackup) ok('backup.create', {});
  // Later work, not in the copy.
  ok('customers.create', { name: 'Bruno Dias', cpf: '11144477735', phones: [] });
  closeStore(store);
}

const open = () => (guarded = openGuarded({ dbPath: file, clock, background: false }));
const status = (g: GuardedBackend) => g.dispatch('health.status', {}, { transport: 'http' }) as any;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'emdia-health-'));
  file = join(dir, 'store.db');
});
afterEach(() => {
  guarded?.close();
  guarded = null;
  rmSync(dir, { recursive: true, force: true });
});

function scribble(offset: number, length: number) {
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(length, 0x5a), 0, length, offset);
  closeSync(fd);
}

describe('damage at start', () => {
  it('a healthy store opens normally and fast; health.status says ok', () => {
    makeStore();
    const t0 = performance.now();
    const g = open();
    const ms = performance.now() - t0;
    expect(g.problem()).toBeNull();
    expect(status(g)).toMatchObject({ ok: true });
    expect(ms).toBeLessThan(1500); // the start-up check reads a header and the schema only (measured ~20 ms)
  });

  const cases: [string, () => void, string, RegExp][] = [
    ['a corrupt header', () => scribble(0, 100), 'corrupt', /danificado/],
    ['a corrupt schema page', () => scribble(100, 3000), 'corrupt', /danificado/],
    ['a truncated file', () => truncateSync(file, Math.floor(statSync(file).size / 3)), 'truncated', /incompleto/],
    ['an emptied file', () => truncateSync(file, 0), 'truncated', /incompleto/],
    [
      'a file from a newer EmDia',
      () => {
        const db = rawDb(file);
        db.pragma('user_version = 99');
        db.close();
      },
      'newer_version',
      /versão mais nova/,
    ],
  ];
  for (const [label, damage, kind, title] of cases) {
    it(`${label}: explained in pt-BR, the latest good copy offered and restorable`, () => {
      makeStore();
      damage();
      const g = open();
      expect(g.problem()?.kind).toBe(kind);
      const s = status(g);
      expect(s.ok).toBe(false);
      expect(s.problem.title).toMatch(title);
      expect(s.problem.message).not.toMatch(/SQLITE|Error|\.ts:/);
      expect(s.latestBackup).toMatchObject({ bytes: expect.any(Number) });
      // Every other method answers with a clear refusal, never a crash.
      const other = g.dispatch('customers.search', { query: 'Ana' }, { transport: 'http' }) as any;
      expect(other.error.kind).toBe('conflict');
      if (kind === 'newer_version') return; // updating EmDia is the way; the copy is still there
      const r = g.dispatch('health.restore', {}, { transport: 'http' }) as any;
      expect(r).toMatchObject({ ok: true });
      expect(g.problem()).toBeNull();
      const found = g.dispatch('setup.status', {}, { transport: 'http' }) as any;
      expect(found).toMatchObject({ configured: true });
      // The damaged file was kept for support.
      expect(statSync(join(dir, 'backups', 'danificados')).isDirectory()).toBe(true);
    });
  }

  it('a locked file: "bloqueado", and "tentar de novo" opens it once the other program lets go', () => {
    makeStore(true);
    const other = rawDb(file);
    other.pragma('locking_mode = EXCLUSIVE');
    other.exec('BEGIN EXCLUSIVE');
    const g = open();
    expect(g.problem()?.kind).toBe('locked');
    expect(status(g).problem.message).toMatch(/Outro programa/);
    other.exec('COMMIT');
    other.close();
    expect(status(g)).toMatchObject({ ok: true });
    expect(g.dispatch('setup.status', {}, { transport: 'http' })).toMatchObject({ configured: true });
  }, 30_000);

  it('an unreadable path (a folder where the file should be): explained, no crash', () => {
    mkdirSync(file);
    const g = open();
    expect(['unreadable', 'other', 'corrupt']).toContain(g.problem()?.kind);
    expect(status(g).problem.title).toMatch(/arquivo de dados/);
  });

  it('no copy at all: the screen says so and restoring refuses clearly', () => {
    writeFileSync(file, 'isto não é um banco de dados do EmDia, mas tem mais de cem bytes de texto para passar do tamanho mínimo do cabeçalho');
    const g = open();
    expect(g.problem()?.kind).toBe('corrupt');
    expect(status(g).latestBackup).toBeNull();
    const r = g.dispatch('health.restore', {}, { transport: 'http' }) as any;
    expect(r.error.kind).toBe('not_found');
    expect(r.error.message).toMatch(/Não há cópia/);
  });

  it('the background quick_check finds damage the start-up check cannot see', async () => {
    makeStore(false);
    const db = rawDb(file);
    const { rootpage } = db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'audit'").get() as { rootpage: number };
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.close();
    scribble((rootpage - 1) * pageSize + 8, 64); // inside a table page, not the schema
    const g = open();
    expect(g.problem()).toBeNull(); // opens: the cheap check reads only the header and the schema
    const check = await startBackgroundCheck(file);
    expect(check.state).toBe('damaged');
    expect(status(g).check.state).toBe('damaged');
  });
});
