import type Database from 'better-sqlite3';
import type { IsoDate } from '../../shared/dates';
import type { Settings } from '../../shared/contract/settings';
import type { LedgerInstallment } from '../../shared/ledger/quote';
import { chargePolicy, storeCalendar } from '../usecases/ledger-load';
import { deriveStanding, type CustomerFacts } from './derive';
import { localTimeFor } from './local-time';
import { writeStandings, type Derived } from './standings';

/** The rows a bulk loader writes for one customer (the demo builder's CustomerRows, structurally). */
export interface LoadedRows {
  customer: { id?: string };
  sales: { id?: string; date: string }[];
  agreements?: { id?: string; date: string }[];
  installments: { id?: string; saleId?: string | null; agreementId?: string | null; number: number; dueDate: string; amountCents: number; monthlyRatePct: number; fineRatePct: number; lateInterestMonthlyPct: number; renegotiatedBy?: string | null }[];
  payments: { id?: string; date: string; amountCents: number }[];
  allocations: { paymentId: string; installmentId: string; principalCents: number; fineCents: number; interestCents: number; discountCents: number; fineWaivedCents?: number; interestWaivedCents?: number }[];
  reversals: { paymentId: string; date: string }[];
  contacts: { at: string; channel: string; outcome: string; inbound?: boolean | null; callbackAt?: string | null }[];
  promises: { id?: string; createdAt: string; date: string; amountCents: number }[];
  disputes?: { resolvedAt?: string | null }[];
}

/**
 * The facts of one customer from the rows a bulk loader is about to write, without reading them back: the
 * demo builder derives 100,000 standings this way in the same chunk that writes them. Must equal what
 * load.ts reads from the tables (`npx emdia check` on a demo store proves it). Rows must be in the order they
 * are inserted (payments chronological), as the builder writes them.
 */
export function factsFromRows(rows: LoadedRows, settings: Settings, asOf: IsoDate): CustomerFacts {
  const cal = storeCalendar(settings);
  const local = localTimeFor(settings.store.timeZone);
  // An agreement is a document like a sale: its parcelas count from its date, and it renegotiates from then.
  const docDates = new Map<string, string>([...rows.sales, ...(rows.agreements ?? [])].map((s) => [s.id!, s.date]));
  const byId = new Map<string, LedgerInstallment>();
  const ledger: LedgerInstallment[] = [];
  const sorted = [...rows.installments].sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.number - b.number));
  for (const r of sorted) {
    const docDate = docDates.get(r.saleId ?? r.agreementId ?? '');
    if (!docDate || docDate > asOf) continue;
    const i: LedgerInstallment = {
      id: r.id!,
      number: r.number,
      dueDate: r.dueDate,
      effectiveDueDate: cal.nextOpenDay(r.dueDate),
      amountCents: r.amountCents,
      monthlyRatePct: r.monthlyRatePct,
      renegotiated: !!r.renegotiatedBy && (docDates.get(r.renegotiatedBy) ?? '9999') <= asOf,
      policy: { fineRatePct: r.fineRatePct, lateInterestMonthlyPct: r.lateInterestMonthlyPct },
      history: [],
    };
    byId.set(i.id, i);
    ledger.push(i);
  }
  const reversedOn = new Map(rows.reversals.map((r) => [r.paymentId, r.date]));
  const paymentById = new Map(rows.payments.map((p) => [p.id!, p]));
  const live = rows.payments.filter((p) => p.date <= asOf && !((reversedOn.get(p.id!) ?? '9999') <= asOf));
  const liveIds = new Set(live.map((p) => p.id!));
  // Allocations in payment order (date, then insertion), as the loader's ORDER BY gives them.
  const order = new Map(live.map((p, k) => [p.id!, k]));
  const allocations = rows.allocations.filter((a) => liveIds.has(a.paymentId)).sort((a, b) => {
    const pa = paymentById.get(a.paymentId)!;
    const pb = paymentById.get(b.paymentId)!;
    return pa.date < pb.date ? -1 : pa.date > pb.date ? 1 : order.get(a.paymentId)! - order.get(b.paymentId)!;
  });
  for (const a of allocations) {
    byId.get(a.installmentId)?.history.push({
      date: paymentById.get(a.paymentId)!.date,
      principalCents: a.principalCents,
      fineCents: a.fineCents,
      interestCents: a.interestCents,
      discountCents: a.discountCents,
      // charges forgiven at the counter settle them like money (load.ts reads the same columns)
      fineWaivedCents: a.fineWaivedCents ?? 0,
      interestWaivedCents: a.interestWaivedCents ?? 0,
    });
  }
  const payments = [...live].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : order.get(a.id!)! - order.get(b.id!)!)).map((p) => ({ date: p.date, amountCents: p.amountCents }));
  const promises = [...rows.promises]
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0))
    .map((p) => ({ id: p.id!, madeOn: local(p.createdAt).day, date: p.date, amountCents: p.amountCents }))
    .filter((p) => p.madeOn <= asOf);
  const contacts = [...rows.contacts]
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
    .map((c) => ({ at: c.at, ...local(c.at), channel: c.channel, outcome: c.outcome, inbound: !!c.inbound, callbackAt: c.callbackAt ?? null }));
  return { ledger, payments, promises, contacts, openDisputes: (rows.disputes ?? []).filter((d) => !d.resolvedAt).length };
}

/** Derive and write the standings of a chunk of bulk-loaded customers (inside the loader's transaction). */
export function writeStandingsFromRows(sqlite: Database.Database, settings: Settings, chunk: LoadedRows[], asOf: IsoDate): void {
  const policy = chargePolicy(settings);
  const derived = new Map<string, Derived>();
  for (const rows of chunk) derived.set(rows.customer.id!, deriveStanding(rows.customer.id!, factsFromRows(rows, settings, asOf), asOf, settings, policy));
  writeStandings(sqlite, derived);
}
