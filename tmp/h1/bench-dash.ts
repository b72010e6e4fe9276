import { openStore, closeStore } from '../../db/open';
import { createDispatcher } from '../../db/api/dispatcher';
import { fixedClock } from '../../db/clock';
import { noonIn } from '../../shared/dates';
import { rebuildWeeklyFacts, weeklyFactsBuilt, computeWeeklyFacts } from '../../db/projections/weekly';
import { loadSettings } from '../../db/usecases/settings';
const s = openStore('/work/main/.cache/bench/demo-100000-s7-2026-11-23.db');
const { dispatch } = createDispatcher(s, fixedClock(noonIn('2026-11-23', 'America/Sao_Paulo')));
let t0 = Date.now();
dispatch('settings.get', {}, { transport: 'cli' });
console.log('settings.get', Date.now() - t0);
if (!weeklyFactsBuilt(s.sqlite) || process.argv[2] === 'rebuild') {
  t0 = Date.now(); rebuildWeeklyFacts(s.sqlite, loadSettings(s.db)); console.log('rebuild', Date.now() - t0, 'ms');
}
console.log((s.sqlite.prepare('SELECT COUNT(*) n FROM weekly_facts').get() as any).n, 'facts');
for (let k = 0; k < 6; k++) {
  t0 = performance.now();
  const r: any = dispatch('dashboard.weekly', { from: '2023-11-24', to: '2026-11-23' }, { transport: 'cli' });
  if (r.error) console.log(r.error);
  console.log('dashboard.weekly', (performance.now() - t0).toFixed(1), 'ms', r.weeks?.length);
}

closeStore(s);
