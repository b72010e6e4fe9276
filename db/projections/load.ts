import type Database from 'better-sqlite3';
import type { IsoDate } from '../../shared/dates';
import type { Settings } from '../../shared/contract/settings';
import { loadLedgersFrom, preparedOn as prep } from '../usecases/ledger-load';
import { localTimeReader } from './local-time';
import type { CustomerFacts, PromiseFactRow, ContactFactRow } from './derive';

const readers = new Map<string, ReturnType<typeof localTimeReader>>();
const localTime = (tz: string) => {
  let r = readers.get(tz);
  if (!r) readers.set(tz, (r = localTimeReader(tz)));
  return r;
};

/**
 * Everything the standings derive from, for a batch of customers, as of a day: the ledgers (loadLedgers),
 * the non-reversed payments, the promises, the contacts and the open disputes — six queries per batch.
 */
export function loadFacts(sqlite: Database.Database, settings: Settings, customerIds: string[], asOf: IsoDate): Map<string, CustomerFacts> {
  const ids = JSON.stringify(customerIds);
  const ledgers = loadLedgersFrom(sqlite, settings, customerIds, asOf);
  const out = new Map<string, CustomerFacts>(customerIds.map((id) => [id, { ledger: ledgers.get(id) ?? [], payments: [], promises: [], contacts: [], openDisputes: 0 }]));
  const local = localTime(settings.store.timeZone);

  for (const p of prep(sqlite,
    `SELECT p.customer_id AS c, p.date, p.amount_cents AS amountCents FROM payments p
      WHERE p.customer_id IN (SELECT value FROM json_each(@ids)) AND p.date <= @asOf
        AND NOT EXISTS (SELECT 1 FROM reversals r WHERE r.payment_id = p.id AND r.date <= @asOf)
      ORDER BY p.date`).all({ ids, asOf }) as { c: string; date: string; amountCents: number }[])
    out.get(p.c)!.payments.push({ date: p.date, amountCents: p.amountCents });

  for (const p of prep(sqlite,
    `SELECT customer_id AS c, id, created_at AS createdAt, date, amount_cents AS amountCents FROM promises
      WHERE customer_id IN (SELECT value FROM json_each(@ids)) ORDER BY created_at, rowid`).all({ ids }) as { c: string; id: string; createdAt: string; date: string; amountCents: number }[]) {
    const madeOn = local(p.createdAt).day;
    if (madeOn > asOf) continue;
    const row: PromiseFactRow = { id: p.id, madeOn, date: p.date, amountCents: p.amountCents };
    out.get(p.c)!.promises.push(row);
  }

  for (const c of prep(sqlite,
    `SELECT customer_id AS c, at, channel, outcome, inbound, callback_at AS callbackAt FROM contacts
      WHERE customer_id IN (SELECT value FROM json_each(@ids)) ORDER BY customer_id, at, rowid`).all({ ids }) as { c: string; at: string; channel: string; outcome: string; inbound: number; callbackAt: string | null }[]) {
    const { day, hour } = local(c.at);
    const row: ContactFactRow = { at: c.at, day, hour, channel: c.channel, outcome: c.outcome, inbound: !!c.inbound, callbackAt: c.callbackAt };
    out.get(c.c)!.contacts.push(row);
  }

  for (const d of prep(sqlite,
    `SELECT customer_id AS c, COUNT(*) AS n FROM disputes
      WHERE customer_id IN (SELECT value FROM json_each(@ids)) AND resolved_at IS NULL GROUP BY customer_id`).all({ ids }) as { c: string; n: number }[])
    out.get(d.c)!.openDisputes = d.n;

  return out;
}
