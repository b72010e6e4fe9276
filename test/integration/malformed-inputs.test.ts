import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { z } from 'zod';
import { testBackend, type TestBackend } from '../support/backend';
import { methods } from '../../shared/contract/methods';
import { implementedMethods } from '../../db/api/dispatcher';

/**
 * For every implemented method, inputs derived from its own schema but broken one field at a time
 * (wrong type, out of range, unknown key, not an object) must come back as kind `validation`, with a pt-BR
 * message, and leave every table exactly as it was.
 */
type JsonSchema = { type?: string | string[]; properties?: Record<string, JsonSchema>; minimum?: number; maximum?: number; minLength?: number; maxLength?: number; enum?: unknown[]; items?: JsonSchema; minItems?: number; anyOf?: JsonSchema[]; pattern?: string; format?: string };

const wrongTypeFor = (s: JsonSchema): unknown => {
  const t = Array.isArray(s.type) ? s.type[0] : s.type ?? s.anyOf?.[0]?.type;
  switch (t) {
    case 'string': return 12345;
    case 'integer':
    case 'number': return 'doze';
    case 'boolean': return 'sim';
    case 'array': return 'lista';
    case 'object': return 7;
    default: return { inesperado: true };
  }
};

/** Values the schema itself says are out of range. */
function outOfRange(s: JsonSchema): unknown[] {
  const out: unknown[] = [];
  const t = Array.isArray(s.type) ? s.type[0] : s.type;
  if ((t === 'integer' || t === 'number') && typeof s.minimum === 'number' && s.minimum > -1e15) out.push(s.minimum - 1);
  if ((t === 'integer' || t === 'number') && typeof s.maximum === 'number' && s.maximum < 1e15) out.push(s.maximum + 1);
  if (t === 'integer') out.push(1.5);
  if (t === 'string' && s.maxLength) out.push('x'.repeat(s.maxLength + 1));
  if (t === 'string' && (s.enum || s.pattern || s.format)) out.push('@@valor-invalido@@');
  if (t === 'array' && s.items) out.push([wrongTypeFor(s.items)]);
  return out;
}

function malformed(schema: JsonSchema): { label: string; input: unknown }[] {
  const cases: { label: string; input: unknown }[] = [
    { label: 'not an object', input: 'texto' },
    { label: 'an array', input: [] },
    { label: 'unknown key', input: { campoQueNaoExiste: 1 } },
  ];
  for (const [key, prop] of Object.entries(schema.properties ?? {})) {
    cases.push({ label: `${key}: wrong type`, input: { [key]: wrongTypeFor(prop) } });
    for (const v of outOfRange(prop)) cases.push({ label: `${key}: out of range ${JSON.stringify(v).slice(0, 20)}`, input: { [key]: v } });
  }
  return cases;
}

let t: TestBackend;
let owner: { transport: 'http'; sessionId: string };
beforeAll(() => {
  t = testBackend();
  owner = t.withPeople().owner as typeof owner;
  t.ok('customers.create', { name: 'Base do Teste', cpf: '52998224725', phones: [] }, owner);
});
afterAll(() => t.close());

const snapshot = () =>
  (t.store.sqlite.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[])
    // Projection tables carry no updated_at: their whole content is compared instead (the test store is small).
    .map(({ name }) => {
      const stamped = (t.store.sqlite.prepare(`SELECT 1 FROM pragma_table_info('${name}') WHERE name = 'updated_at'`).get());
      const mark = stamped ? (t.store.sqlite.prepare(`SELECT MAX(updated_at) AS u FROM ${name}`).get() as { u: string | null }).u : JSON.stringify(t.store.sqlite.prepare(`SELECT * FROM ${name} ORDER BY 1`).all());
      return `${name}:${t.count(name)}:${mark}`;
    })
    .join('|');

describe('every method refuses malformed input and writes nothing', () => {
  for (const name of implementedMethods()) {
    const schema = z.toJSONSchema(methods[name].input) as JsonSchema;
    const cases = malformed(schema);
    it(`${name}: ${cases.length} malformed inputs`, () => {
      const before = snapshot();
      for (const c of cases) {
        const r = t.raw(name, c.input, owner) as { error?: { kind: string; message: string } };
        expect(r.error?.kind, `${name} / ${c.label}`).toBe('validation');
        expect(r.error?.message, `${name} / ${c.label}`).toMatch(/[a-zà-ú]/i);
        expect(r.error?.message, `${name} / ${c.label}`).not.toMatch(/\b(expected|received|invalid input|required)\b/i);
      }
      expect(snapshot()).toBe(before);
    });
  }
});
