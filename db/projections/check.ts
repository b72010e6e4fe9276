import type { Store } from '../open';
import { loadSettings } from '../usecases/settings';
import { preparedOn } from '../usecases/ledger-load';
import { computeStandings, projectionDay } from './standings';
import { checkQueueCandidates, queueDay } from './queue-candidates';
import { checkWeeklyFacts, weeklyFactsBuilt } from './weekly';
import type { CustomerStandingRow, InstallmentStandingRow } from './derive';

export interface CheckReport {
  day: string | null;
  customers: number;
  installments: number;
  differences: string[];
}

const CHUNK = 2000;
const MAX_LISTED = 200;

const sameValue = (a: unknown, b: unknown) => (a ?? null) === (b ?? null) || (typeof b === 'boolean' && a === (b ? 1 : 0));

/**
 * `npx emdia check`: recomputes every standing from the money tables, promises, contacts and disputes as of the
 * projection's day and compares field by field. The projection is derived; this proves it still is.
 */
export function checkProjections(store: Store): CheckReport {
  const sqlite = store.sqlite;
  const settings = loadSettings(store.db);
  const day = projectionDay(sqlite);
  const differences: string[] = [];
  const note = (s: string) => differences.length < MAX_LISTED && differences.push(s);
  const ids = (sqlite.prepare('SELECT id FROM customers ORDER BY id').all() as { id: string }[]).map((r) => r.id);
  const report: CheckReport = { day, customers: ids.length, installments: 0, differences };
  if (day === null) {
    if (ids.length) note('As posições dos clientes nunca foram calculadas (projection_state vazio).');
    return report;
  }
  const storedCustomers = preparedOn(sqlite, 'SELECT * FROM customer_standings WHERE id IN (SELECT value FROM json_each(?))');
  const storedInstallments = preparedOn(sqlite, 'SELECT * FROM installment_standings WHERE customer_id IN (SELECT value FROM json_each(?))');
  const camel = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), v]));
  let found = 0;
  for (let k = 0; k < ids.length; k += CHUNK) {
    const batch = ids.slice(k, k + CHUNK);
    const expected = computeStandings(sqlite, settings, batch, day);
    const json = JSON.stringify(batch);
    const customers = new Map((storedCustomers.all(json) as Record<string, unknown>[]).map((r) => [r.id as string, camel(r)]));
    const installments = new Map((storedInstallments.all(json) as Record<string, unknown>[]).map((r) => [r.id as string, camel(r)]));
    for (const [id, want] of expected) {
      const got = customers.get(id);
      if (!got) note(`cliente ${id}: sem posição gravada`);
      else
        for (const [field, value] of Object.entries(want.customer as unknown as Record<string, unknown>))
          // computedOn says when the row was last refreshed, not a fact: a row nothing changed keeps its day.
          if (field !== 'computedOn' && !sameValue(got[field], value)) note(`cliente ${id}: ${field} gravado ${JSON.stringify(got[field])}, recalculado ${JSON.stringify(value)}`);
      for (const row of want.installments) {
        report.installments++;
        const stored = installments.get(row.id);
        if (!stored) {
          note(`parcela ${row.id}: sem posição gravada`);
          continue;
        }
        found++;
        for (const [field, value] of Object.entries(row as unknown as Record<string, unknown>))
          if (!sameValue(stored[field], value)) note(`parcela ${row.id}: ${field} gravado ${JSON.stringify(stored[field])}, recalculado ${JSON.stringify(value)}`);
      }
    }
  }
  const extra = (sqlite.prepare('SELECT COUNT(*) AS n FROM installment_standings').get() as { n: number }).n - found;
  if (extra > 0) note(`${extra} posições de parcelas gravadas sem parcela correspondente`);
  const extraCustomers = (sqlite.prepare('SELECT COUNT(*) AS n FROM customer_standings s WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE c.id = s.id)').get() as { n: number }).n;
  if (extraCustomers > 0) note(`${extraCustomers} posições gravadas de clientes que não existem`);
  // The list's candidates derive from the standings; with the standings proven above, check them against those.
  if (queueDay(sqlite) !== day) note(`A lista de candidatos é de ${queueDay(sqlite) ?? 'nenhum dia'}, as posições de ${day}.`);
  else for (const d of checkQueueCandidates(sqlite, settings, day)) note(d);
  // The owner's weekly figures (weekly.ts), once computed: equal to the recomputation from the raw rows.
  if (weeklyFactsBuilt(sqlite)) for (const d of checkWeeklyFacts(sqlite, settings)) note(d);
  return report;
}

export type { CustomerStandingRow, InstallmentStandingRow };
