import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { z } from 'zod';
import { testBackend, type TestBackend } from '../support/backend';
import { methods, type MethodName } from '../../shared/contract/methods';
import { implementedMethods, type Caller } from '../../db/api/dispatcher';
import { backupSettled } from '../../db/backup/jobs';

/**
 * For every implemented method, random and malformed inputs generated from its own schema (fast-check),
 * through the dispatcher, as the owner: the answer is a result or a `validation`/domain error — never
 * `internal` — and a refused call leaves every table byte for byte as it was.
 */
type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
  additionalProperties?: JsonSchema | boolean;
};

let t: TestBackend;
let ownerUser: { id: string; name: string; role: 'owner' };
const ids: string[] = [];

/** A value the schema describes, with the store's real ids mixed in so inputs reach the use cases. */
function arb(s: JsonSchema, key = '', depth = 0): fc.Arbitrary<unknown> {
  const alts = s.anyOf ?? s.oneOf;
  if (alts) return fc.oneof(...alts.map((x) => arb(x, key, depth)));
  if (s.enum) return fc.constantFrom(...s.enum);
  if (s.const !== undefined) return fc.constant(s.const);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'string': {
      if (/id$/i.test(key) && ids.length) return fc.oneof(fc.constantFrom(...ids), fc.uuid(), fc.string({ maxLength: 40 }));
      if (s.format === 'date' || /\\d\{4\}-/.test(s.pattern ?? '')) return fc.oneof(fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), fc.string({ maxLength: 12 }));
      if (s.pattern) {
        try {
          return fc.oneof(fc.stringMatching(new RegExp(s.pattern)).map((x) => x.slice(0, s.maxLength ?? 200)), fc.string({ maxLength: 20 }));
        } catch {
          // a pattern fast-check cannot generate from: plain strings
        }
      }
      return fc.string({ minLength: Math.min(s.minLength ?? 0, 50), maxLength: Math.min(s.maxLength ?? 60, 60) });
    }
    case 'integer': {
      const min = Math.max(s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -1e6), -(2 ** 31));
      const max = Math.min(s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : 1e7), 2 ** 31);
      return fc.oneof(fc.integer({ min: Math.min(min, max), max: Math.max(min, max) }), fc.integer());
    }
    case 'number':
      return fc.oneof(fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true }), fc.double());
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return depth > 3 ? fc.constant([]) : fc.array(s.items ? arb(s.items, key, depth + 1) : fc.anything(), { maxLength: Math.min(s.maxItems ?? 4, 4) });
    case 'object': {
      if (depth > 3) return fc.constant({});
      const props = Object.entries(s.properties ?? {});
      if (!props.length && s.additionalProperties && typeof s.additionalProperties === 'object') {
        return fc.dictionary(fc.string({ maxLength: 12 }), arb(s.additionalProperties, '', depth + 1), { maxKeys: 3 });
      }
      return fc.record(Object.fromEntries(props.map(([k, v]) => [k, arb(v, k, depth + 1)])), { requiredKeys: (s.required ?? []).filter((k) => s.properties?.[k]) });
    }
    default:
      return fc.anything({ maxDepth: 2 });
  }
}

/** Schema-shaped inputs, the same with one field broken, and anything at all. */
function inputs(schema: JsonSchema): fc.Arbitrary<unknown> {
  const shaped = arb(schema);
  const broken = shaped.chain((v) =>
    v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length
      ? fc.tuple(fc.constantFrom(...Object.keys(v)), fc.anything({ maxDepth: 2 })).map(([k, bad]) => ({ ...(v as object), [k]: bad }))
      : fc.anything({ maxDepth: 2 }),
  );
  return fc.oneof({ arbitrary: shaped, weight: 4 }, { arbitrary: broken, weight: 3 }, { arbitrary: fc.anything({ maxDepth: 3 }), weight: 1 }, { arbitrary: fc.object(), weight: 1 });
}

const tables = () => (t.store.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
/** Every row of every table, hashed: a refused call must leave this exactly as it was. */
function digest(skip: string[] = []): string {
  const h = createHash('sha256');
  for (const name of tables()) {
    if (skip.includes(name)) continue;
    h.update(name);
    // WITHOUT ROWID tables (weekly_facts) have no rowid: their primary key orders them as well.
    const withoutRowid = /WITHOUT ROWID\s*$/i.test((t.store.sqlite.prepare('SELECT sql FROM sqlite_master WHERE name = ?').get(name) as { sql: string }).sql);
    for (const row of t.store.sqlite.prepare(`SELECT * FROM "${name}" ${withoutRowid ? '' : 'ORDER BY rowid'}`).raw().iterate()) h.update(JSON.stringify(row));
  }
  return h.digest('hex');
}

// Slow by nature (each one copies the store): fewer runs, same rules.
const RUNS: Partial<Record<MethodName, number>> = { 'backup.create': 4, 'backup.restore': 10, 'import.csv': 12, 'setup.demo': 10, 'health.restore': 10 };
const DOMAIN_KINDS = ['validation', 'not_found', 'conflict', 'forbidden', 'limit_exceeded'];

beforeAll(() => {
  t = testBackend();
  const { owner, clerkId } = t.withPeople();
  ownerUser = { ...t.sessions.get((owner as { sessionId: string }).sessionId)!, role: 'owner' };
  const { id: customerId } = t.ok<{ id: string }>('customers.create', { name: 'Base do Fuzz', cpf: '52998224725', phones: [{ number: '11987654321', whatsapp: true }] }, owner);
  const sale = t.ok<{ id: string; installments: { id: string }[] }>('sales.create', { customerId, date: '2026-08-01', description: 'TV', totalCents: 120000, installmentCount: 4, firstDueDate: '2026-09-01' }, owner);
  const pay = t.ok<{ id: string }>('payments.receive', { customerId, amountCents: 5000, method: 'cash' }, owner);
  ids.push(customerId, sale.id, pay.id, clerkId, ownerUser.id, ...sale.installments.map((i) => i.id));
});
afterAll(async () => {
  await backupSettled(t.file);
  t.close();
});

describe('fuzzing every method through the dispatcher', () => {
  for (const name of implementedMethods()) {
    it(`${name}: never internal, never a partial write`, () => {
      const schema = z.toJSONSchema(methods[name].input, { unrepresentable: 'any' }) as JsonSchema;
      fc.assert(
        fc.property(inputs(schema), (input) => {
          // A fresh owner session each call: session.logout must not end the run.
          const caller: Caller = { transport: 'http', sessionId: t.sessions.open(ownerUser) };
          // A wrong PIN is a refusal that keeps its write on purpose (the lockout counter).
          const skip = name === 'session.login' ? ['users'] : [];
          const before = digest(skip);
          const r = t.raw(name, input, caller) as { error?: { kind: string; message: string } };
          if (r && typeof r === 'object' && 'error' in r && r.error) {
            expect(r.error.kind, `${name} ${JSON.stringify(input).slice(0, 300)}: ${r.error.message}`).not.toBe('internal');
            expect(DOMAIN_KINDS).toContain(r.error.kind);
            expect(r.error.message).toMatch(/[a-zà-ú]{3}/i);
            expect(digest(skip), `${name} refused but wrote: ${JSON.stringify(input).slice(0, 300)}`).toBe(before);
          }
        }),
        { numRuns: RUNS[name] ?? 30, seed: 20261123, endOnFailure: true },
      );
    }, 60_000);
  }
});
