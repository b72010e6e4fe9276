import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { testBackend, type TestBackend } from '../support/backend';

let t: TestBackend;
beforeEach(() => (t = testBackend()));
afterEach(() => t.close());

const ana = { name: 'Ana Conceição', cpf: '529.982.247-25', phones: [{ number: '(11) 98765-4321', whatsapp: true }] };

describe('dispatcher: roles, audit, errors', () => {
  it('refuses owner-only methods to a clerk, on any transport, and writes nothing', () => {
    const { clerk } = t.withPeople();
    const auditBefore = t.count('audit');
    const e1 = t.fail('settings.update', { policy: { graceDays: 5 } }, clerk);
    expect(e1.kind).toBe('forbidden');
    expect(e1.message).toMatch(/dono/);
    const e2 = t.fail('users.create', { name: 'Intruso', role: 'owner', pin: '9999' }, { ...clerk, transport: 'ipc' });
    expect(e2.kind).toBe('forbidden');
    expect(t.count('users')).toBe(2);
    expect(t.count('audit')).toBe(auditBefore);
  });

  it('requires a login for clerk methods', () => {
    t.withPeople();
    expect(t.fail('customers.search', { query: 'a' }, { transport: 'http', sessionId: 'forjado' }).kind).toBe('forbidden');
    expect(t.fail('customers.search', { query: 'a' }, { transport: 'http' }).kind).toBe('forbidden');
  });

  it('appends one audit row per write, naming who, how and what (without the PIN)', () => {
    const { owner } = t.withPeople();
    t.ok('customers.create', ana, owner);
    const rows = t.store.sqlite.prepare('SELECT user_name, transport, method, summary FROM audit ORDER BY at, created_at').all() as any[];
    expect(rows.map((r) => r.method)).toEqual(['setup.store', 'users.create', 'customers.create']);
    expect(rows[2]).toMatchObject({ user_name: 'Dona Maria', transport: 'http' });
    expect(rows[2].summary).toContain('Ana Concei');
    expect(rows[1].summary).not.toContain('4321');
    // reads leave no audit row
    t.ok('customers.search', { query: 'ana' }, owner);
    expect(t.count('audit')).toBe(3);
  });

  it('answers validation, conflict and not_found with pt-BR messages naming the field', () => {
    const { owner } = t.withPeople();
    const v = t.fail('customers.create', { ...ana, cpf: '111.111.111-11' }, owner);
    expect(v).toMatchObject({ kind: 'validation', message: 'CPF: CPF inválido: confira os 11 dígitos.' });
    expect(v.issues?.[0].path).toBe('cpf');
    t.ok('customers.create', ana, owner);
    expect(t.fail('customers.create', { ...ana, cpf: '52998224725' }, owner).kind).toBe('conflict');
    expect(t.fail('customers.get', { id: '0190c5a2-0000-7000-8000-000000000000' }, owner)).toMatchObject({ kind: 'not_found', message: 'Cliente não encontrado.' });
    expect(t.fail('nao.existe', {}, owner).kind).toBe('not_found');
    expect(t.count('customers')).toBe(1);
  });

  it('locks a user for 5 minutes after 5 wrong PINs, and keeps the lock across calls', () => {
    const { clerkId } = t.withPeople();
    for (let i = 1; i <= 4; i++) expect(t.fail('session.login', { userId: clerkId, pin: '0000' }).message).toMatch(`Restam ${5 - i}`);
    expect(t.fail('session.login', { userId: clerkId, pin: '0000' }).kind).toBe('limit_exceeded');
    // even the right PIN is refused while locked
    expect(t.fail('session.login', { userId: clerkId, pin: '4321' }).message).toMatch(/bloqueado/);
    // noon in São Paulo is 15:00 UTC; six minutes later the lock has expired
    t.clock.at(new Date('2026-11-23T15:06:00Z'));
    expect(t.ok('session.login', { userId: clerkId, pin: '4321' }).user.name).toBe('Carlos Atendente');
  });

  it('refuses a second first-start setup', () => {
    t.withPeople();
    expect(t.fail('setup.store', { storeName: 'Outra', state: 'RJ', ownerName: 'Invasor', ownerPin: '1111' }).kind).toBe('conflict');
  });

  it('merges nested settings and keeps the 2% cap on the fine (CDC art. 52 §1)', () => {
    const { owner } = t.withPeople();
    const s = t.ok('settings.update', { policy: { graceDays: 2 }, store: { pixKey: 'loja@exemplo.com.br' } }, owner);
    expect(s.policy.graceDays).toBe(2);
    expect(s.policy.fineRatePct).toBe(2);
    expect(s.store.name).toBe('Loja Teste');
    expect(t.fail('settings.update', { policy: { fineRatePct: 2.5 } }, owner).kind).toBe('validation');
  });
});

describe('settings.update margins by profile', () => {
  it('takes any subset of profiles and null removes an override', () => {
    const { owner } = t.withPeople();
    let s = t.ok('settings.update', { margins: { byProfile: { cronico: { maxInstallments: 3 } } } }, owner);
    expect(s.margins.byProfile.cronico).toEqual({ maxInstallments: 3 });
    expect(s.margins.byProfile.em_dia).toEqual({ maxChargesDiscountPct: 100 });
    s = t.ok('settings.update', { margins: { byProfile: { cronico: null } } }, owner);
    expect(s.margins.byProfile.cronico).toBeUndefined();
    expect(t.fail('settings.update', { policy: { graceDays: null } }, owner).kind).toBe('validation');
  });
});
