import { openStore, closeStore } from '../../db/open';
import { computeWeeklyFacts, withLargeCache } from '../../db/projections/weekly';
import { loadSettings } from '../../db/usecases/settings';
const s = openStore('/work/main/.cache/bench/demo-100000-s7-2026-11-23.db');
const q = s.sqlite;
const settings = loadSettings(s.db);
const t = (label: string, fn: () => unknown) => { const t0 = Date.now(); const r = fn(); console.log(label, Date.now() - t0, 'ms'); return r; };
withLargeCache(q, () => {
  t('parcelas', () => { let n = 0; for (const _ of q.prepare(`SELECT i.id, i.due_date, i.amount_cents, COALESCE(s.date, a.date), ag.date FROM installments i LEFT JOIN sales s ON s.id = i.sale_id LEFT JOIN agreements a ON a.id = i.agreement_id LEFT JOIN agreements ag ON ag.id = i.renegotiated_by`).raw(true).iterate()) n++; return n; });
  t('allocs', () => { let n = 0; for (const _ of q.prepare(`SELECT i.due_date, ag.date, p.date, r.date, al.principal_cents FROM installments i CROSS JOIN allocations al ON al.installment_id = i.id JOIN payments p ON p.id = al.payment_id LEFT JOIN agreements ag ON ag.id = i.renegotiated_by LEFT JOIN reversals r ON r.payment_id = p.id`).raw(true).iterate()) n++; return n; });
  t('whole', () => computeWeeklyFacts(q, settings));
});
closeStore(s);
