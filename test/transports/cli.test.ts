import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const db = join(mkdtempSync(join(tmpdir(), 'emdia-cli-')), 'cli.db');
const emdia = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['bin/emdia.mjs', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('npx emdia', () => {
  it('methods lists every method with its role and JSON Schema', () => {
    const r = emdia('methods');
    expect(r.code).toBe(0);
    const list = JSON.parse(r.out) as { name: string; role: string; input: { type: string } }[];
    expect(list.find((m) => m.name === 'settings.update')).toMatchObject({ role: 'owner', input: { type: 'object' } });
    expect(list.map((m) => m.name)).toEqual(expect.arrayContaining(['customers.create', 'customers.search', 'users.create', 'settings.get']));
  });

  it('call creates and migrates a new file, prints the result, and exits 0', () => {
    const r = emdia('call', 'customers.create', JSON.stringify({ name: 'Ana Lima', cpf: '529.982.247-25', phones: [] }), '--db', db, '--today', '2026-11-23');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('exits 2 with the error object on refused calls', () => {
    const dup = emdia('call', 'customers.create', JSON.stringify({ name: 'Outra', cpf: '52998224725', phones: [] }), '--db', db);
    expect(dup.code).toBe(2);
    expect(JSON.parse(dup.out).error.kind).toBe('conflict');
    const bad = emdia('call', 'customers.get', '{"id": 5}', '--db', db);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.out).error).toMatchObject({ kind: 'validation' });
    expect(emdia('call', 'customers.get', 'isto não é json', '--db', db).code).toBe(2);
  });

  it('--today fixes the clock for reads and writes', () => {
    const r = emdia('call', 'session.me', '{}', '--db', db, '--today', '2026-02-17');
    expect(JSON.parse(r.out).today).toBe('2026-02-17');
  });
});
