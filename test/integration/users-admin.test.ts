import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { testBackend, type TestBackend } from '../support/backend';
import type { Caller } from '../../db/api/dispatcher';
import { startWebServer } from '../../db/server/http';
import { MAX_WRONG_PINS } from '../../db/usecases/users';

// Configurações → Usuários (issue 8 §3): the owner adds, deactivates, brings back, gives a new PIN and unlocks;
// the store always keeps one active owner; and every owner-only method of Configurações is refused to a clerk
// on every transport (direct dispatch over ipc and http, and a real HTTP request to the browser-mode server).

let t: TestBackend;
let owner: Caller;
let clerk: Caller;
let clerkId: string;

beforeEach(() => {
  t = testBackend();
  ({ owner, clerk, clerkId } = t.withPeople());
});
afterEach(() => t.close());

const loginList = () => t.ok<{ items: { name: string }[] }>('session.users', {}, { transport: 'http' }).items.map((u) => u.name);
const ownerId = () => t.ok('users.listAll', {}, owner).items.find((u: any) => u.role === 'owner').id as string;
const userRow = (id: string) => t.store.sqlite.prepare('SELECT deleted_at, failed_attempts, locked_until, pin_hash FROM users WHERE id = ?').get(id) as any;

describe('users.update', () => {
  it('deactivates a clerk: no login, gone from the login list and users.list, still listed for the owner; then brings them back', () => {
    expect(loginList()).toContain('Carlos Atendente');
    expect(t.ok('session.me', {}, clerk)).toBeTruthy();
    const out = t.ok('users.update', { id: clerkId, active: false }, owner);
    // the session Carlos had open ends with the deactivation; the owner's own stays
    expect(t.fail('session.me', {}, clerk).kind).toBe('forbidden');
    expect(t.ok('session.me', {}, owner)).toBeTruthy();
    expect(out).toMatchObject({ id: clerkId, name: 'Carlos Atendente', role: 'clerk', active: false });
    expect(userRow(clerkId).deleted_at).not.toBeNull();
    expect(loginList()).not.toContain('Carlos Atendente');
    expect(t.ok('users.list', {}, owner).items.map((u: any) => u.name)).not.toContain('Carlos Atendente');
    expect(t.ok('users.listAll', {}, owner).items.find((u: any) => u.id === clerkId).active).toBe(false);
    const login = t.fail('session.login', { userId: clerkId, pin: '4321' }, { transport: 'http' });
    expect(login.kind).toBe('not_found');

    t.ok('users.update', { id: clerkId, active: true }, owner);
    expect(loginList()).toContain('Carlos Atendente');
    expect(t.ok('session.login', { userId: clerkId, pin: '4321' }, { transport: 'http' }).user.name).toBe('Carlos Atendente');
    // each change is one audit row, without the PIN
    const audit = t.store.sqlite.prepare("SELECT summary FROM audit WHERE method = 'users.update'").all() as { summary: string }[];
    expect(audit).toHaveLength(2);
  });

  it('refuses to deactivate the last active owner (conflict, pt-BR), and allows it once another owner exists', () => {
    const id = ownerId();
    const before = { row: userRow(id), audit: t.count('audit') };
    const e = t.fail('users.update', { id, active: false }, owner);
    expect(e.kind).toBe('conflict');
    expect(e.message).toBe('Dona Maria é o único dono ativo: cadastre outro dono antes de desativar, para a loja não ficar sem quem possa mudar as configurações.');
    expect(e.issues![0].path).toBe('active');
    expect(userRow(id)).toEqual(before.row);
    expect(t.count('audit')).toBe(before.audit);

    // A deactivated second owner does not count as "another owner".
    const { id: second } = t.ok('users.create', { name: 'Seu João', role: 'owner', pin: '5678' }, owner);
    t.ok('users.update', { id: second, active: false }, owner);
    expect(t.fail('users.update', { id, active: false }, owner).kind).toBe('conflict');

    t.ok('users.update', { id: second, active: true }, owner);
    expect(t.ok('users.update', { id, active: false }, owner).active).toBe(false);
    // Dona Maria's own session ended with her deactivation…
    expect(t.fail('session.me', {}, owner).kind).toBe('forbidden');
    // …and now Seu João is the last one
    const joao: Caller = { transport: 'http', sessionId: t.ok('session.login', { userId: second, pin: '5678' }, { transport: 'http' }).sessionId };
    expect(t.fail('users.update', { id: second, active: false }, joao).kind).toBe('conflict');
    // the deactivated owner has left the login list
    expect(t.ok('session.users', {}, { transport: 'http' }).items.map((u: any) => u.name)).toEqual(['Carlos Atendente', 'Seu João']);
  });

  it('gives a new PIN: the old one stops working, the new one works, and the wrong-PIN count starts over', () => {
    t.fail('session.login', { userId: clerkId, pin: '0000' }, { transport: 'http' });
    expect(userRow(clerkId).failed_attempts).toBe(1);
    const oldHash = userRow(clerkId).pin_hash;
    t.ok('users.update', { id: clerkId, pin: '8642' }, owner);
    expect(userRow(clerkId).pin_hash).not.toBe(oldHash);
    expect(userRow(clerkId).failed_attempts).toBe(0);
    expect(t.fail('session.login', { userId: clerkId, pin: '4321' }, { transport: 'http' }).message).toMatch(/PIN errado/);
    expect(t.ok('session.login', { userId: clerkId, pin: '8642' }, { transport: 'http' }).user.id).toBe(clerkId);
    // the audit row never holds the PIN
    const summary = (t.store.sqlite.prepare("SELECT summary FROM audit WHERE method = 'users.update'").get() as { summary: string }).summary;
    expect(summary).not.toContain('8642');
  });

  it('unlocks a person locked by wrong PINs', () => {
    for (let i = 0; i < MAX_WRONG_PINS; i++) t.fail('session.login', { userId: clerkId, pin: '0000' }, { transport: 'http' });
    expect(t.fail('session.login', { userId: clerkId, pin: '4321' }, { transport: 'http' }).kind).toBe('limit_exceeded');
    const listed = t.ok('users.listAll', {}, owner).items.find((u: any) => u.id === clerkId);
    expect(listed.lockedUntil).not.toBeNull();
    t.ok('users.update', { id: clerkId, unlock: true }, owner);
    expect(userRow(clerkId)).toMatchObject({ failed_attempts: 0, locked_until: null });
    expect(t.ok('users.listAll', {}, owner).items.find((u: any) => u.id === clerkId).lockedUntil).toBeNull();
    expect(t.ok('session.login', { userId: clerkId, pin: '4321' }, { transport: 'http' }).user.id).toBe(clerkId);
  });

  it('bad input: an unknown person, a PIN that is not 4–8 digits, nothing to change', () => {
    const audit = t.count('audit');
    expect(t.fail('users.update', { id: 'ninguem', active: false }, owner)).toMatchObject({ kind: 'not_found', message: 'Usuário não encontrado.' });
    const pin = t.fail('users.update', { id: clerkId, pin: '12' }, owner);
    expect(pin.kind).toBe('validation');
    expect(pin.message).toBe('PIN: O PIN deve ter de 4 a 8 números.');
    expect(t.fail('users.update', { id: clerkId }, owner).message).toMatch(/Diga o que mudar/);
    expect(t.fail('users.update', { id: clerkId, unlock: false }, owner).kind).toBe('validation');
    expect(t.count('audit')).toBe(audit);
  });
});

/** Owner-only methods of Configurações, each with an input that would succeed for the owner. */
const ownerOnly = (): [string, unknown][] => [
  ['settings.update', { policy: { graceDays: 4 } }],
  ['users.create', { name: 'Intruso', role: 'owner', pin: '0000' }],
  ['users.update', { id: clerkId, pin: '0000' }],
  ['users.listAll', {}],
  ['reminders.preview', { template: 'Oi, {primeiroNome}', channel: 'phone' }],
  ['mail.test', { email: 'dono@example.com' }],
  ['mail.testStatus', {}],
];

describe('a clerk gets `forbidden` from every owner-only method of Configurações', () => {
  it('by direct dispatch, over ipc and http, and nothing changes', () => {
    const before = { settings: JSON.stringify(t.ok('settings.get', {}, owner)), users: t.count('users'), audit: t.count('audit'), hash: userRow(clerkId).pin_hash };
    for (const [method, input] of ownerOnly()) {
      for (const transport of ['ipc', 'http'] as const) {
        const e = t.fail(method, input, { ...clerk, transport });
        expect(e, `${method} over ${transport}`).toMatchObject({ kind: 'forbidden', message: 'Somente o dono da loja pode fazer isto.' });
      }
    }
    expect(JSON.stringify(t.ok('settings.get', {}, owner))).toBe(before.settings);
    expect(t.count('users')).toBe(before.users);
    expect(t.count('audit')).toBe(before.audit);
    expect(userRow(clerkId).pin_hash).toBe(before.hash);
  });

  it('over a real HTTP request to the browser-mode server', async () => {
    const staticDir = mkdtempSync(join(tmpdir(), 'emdia-static-'));
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>EmDia</title>');
    const web = await startWebServer({ dispatch: (m, i, c) => t.raw(m, i, c), staticDir });
    try {
      const post = async (method: string, input: unknown, session: string | null | undefined) => {
        const res = await fetch(`${web.url}/api/call`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${web.token}`, 'Content-Type': 'application/json', ...(session ? { 'X-EmDia-Session': session } : {}) },
          body: JSON.stringify({ method, input }),
        });
        return res.json() as Promise<any>;
      };
      const audit = t.count('audit');
      for (const [method, input] of ownerOnly()) {
        const r = await post(method, input, clerk.sessionId);
        expect(r.error, method).toMatchObject({ kind: 'forbidden', message: 'Somente o dono da loja pode fazer isto.' });
      }
      expect(t.count('audit')).toBe(audit);
      // The same server lets the owner in: the refusal above is the role, not the transport.
      expect((await post('users.listAll', {}, owner.sessionId)).items.length).toBe(2);
      expect((await post('users.update', { id: clerkId, unlock: true }, owner.sessionId)).active).toBe(true);
    } finally {
      await web.close();
    }
  });
});
