// The process the crash test kills: receives payments through the dispatcher, one after another, and
// acknowledges each on stdout only after the call returned (the transaction committed). Started by
// test/crash/crash.test.ts (bundled with esbuild so it starts fast): node child.mjs <db> <seed>.
import { writeSync } from 'node:fs';
import { openStore } from '../../db/open';
import { createDispatcher } from '../../db/api/dispatcher';
import { noonIn } from '../../shared/dates';

const [file, seedText] = process.argv.slice(2);
let seed = Number(seedText) >>> 0 || 1;
const rand = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
// For the proof that the test can fail: acknowledge before the payment is written.
const ackEarly = process.env.EMDIA_CRASH_ACK_EARLY === '1';

const store = openStore(file);
const now = noonIn('2026-11-23', 'America/Sao_Paulo');
const { dispatch } = createDispatcher(store, { now: () => new Date(now.getTime()) });
const customers = (store.sqlite.prepare('SELECT id FROM customers ORDER BY id').all() as { id: string }[]).map((r) => r.id);
writeSync(1, 'READY\n');
for (let i = 0; ; i++) {
  const key = `s${seedText}-${i}`;
  const input = { customerId: customers[Math.floor(rand() * customers.length)], amountCents: 50 + Math.floor(rand() * 450), method: 'cash', idempotencyKey: key };
  if (ackEarly) writeSync(1, `ACK ${key}\n`);
  const r = dispatch('payments.receive', input, { transport: 'cli' }) as { id?: string; error?: unknown };
  if (r.error) {
    writeSync(1, `ERR ${JSON.stringify(r.error)}\n`);
    process.exit(3);
  }
  if (!ackEarly) writeSync(1, `ACK ${key} ${r.id}\n`);
}
