import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { PeriodTotals } from '../../../shared/contract/dashboard';
import { Money } from '../../components/Money';
import { DONE_COLOR, LATE_COLOR } from '../../theme';
import { brl, compare, count, pct, scoreText, type Better, type Comparison } from './dashboard-text';
import classes from './Dashboard.module.css';

const TONE_COLOR: Record<Comparison['tone'], string> = { good: DONE_COLOR, bad: LATE_COLOR, neutral: 'dimmed' };
const ARROW: Record<Comparison['trend'], string> = { up: '▲', down: '▼', same: '=', new: '' };

function Kpi({ label, value, comparison }: { label: string; value: React.ReactNode; comparison: Comparison }) {
  return (
    <Paper withBorder radius="md" p="sm" className={classes.kpi}>
      <Text size="sm" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text fz={22} fw={600} lh={1.3} className={classes.num}>
        {value}
      </Text>
      <Text size="xs" c={TONE_COLOR[comparison.tone]} fw={comparison.tone === 'neutral' ? 400 : 500}>
        {ARROW[comparison.trend] && (
          <span aria-hidden="true" style={{ marginRight: 4 }}>
            {ARROW[comparison.trend]}
          </span>
        )}
        {comparison.text}
      </Text>
    </Paper>
  );
}

const rate = (hits: number, cases: number): number | null => (cases > 0 ? Math.round((hits / cases) * 1000) / 10 : null);

/** The period's totals, each beside the previous period of the same length. */
export function Kpis({ now, before }: { now: PeriodTotals; before: PeriodTotals }) {
  // A store younger than the period has nothing before it: "0 → R$ 1 milhão" would be no news at all.
  const nothingBefore = before.recoveredCents === 0 && before.newCreditCents === 0 && before.overdueCents === 0 && before.attempts === 0;
  const cmp = (n: number | null, b: number | null, better: Better, format: (v: number) => string, unit?: 'points'): Comparison =>
    nothingBefore ? { trend: 'new', tone: 'neutral', text: 'sem movimento no período anterior' } : compare(n, b, better, format, unit);
  const money = (n: number, b: number, better: Better) => cmp(n, b, better, brl);
  const points = (n: number | null, b: number | null, better: Better) => cmp(n, b, better, (v) => pct(v), 'points');
  const kept = rate(now.promisesKept, now.promisesMade);
  const keptBefore = rate(before.promisesKept, before.promisesMade);
  const contact = rate(now.answered, now.attempts);
  const contactBefore = rate(before.answered, before.attempts);
  return (
    <SimpleGrid cols={4} spacing="sm" mb="md" role="list" aria-label="Resumo do período">
      <div role="listitem">
        <Kpi label="Recebido (pagamentos menos estornos)" value={<Money cents={now.recoveredCents} inherit />} comparison={money(now.recoveredCents, before.recoveredCents, 'higher')} />
      </div>
      <div role="listitem">
        <Kpi label="Crédito novo" value={<Money cents={now.newCreditCents} inherit />} comparison={money(now.newCreditCents, before.newCreditCents, 'neutral')} />
      </div>
      <div role="listitem">
        <Kpi label="Em atraso no fim do período" value={<Money cents={now.overdueCents} inherit />} comparison={money(now.overdueCents, before.overdueCents, 'lower')} />
      </div>
      <div role="listitem">
        <Kpi label="Inadimplência no fim do período" value={pct(now.defaultRatePct)} comparison={points(now.defaultRatePct, before.defaultRatePct, 'lower')} />
      </div>
      <div role="listitem">
        <Kpi label={`Promessas cumpridas: ${count(now.promisesKept)} de ${count(now.promisesMade)} feitas`} value={pct(kept)} comparison={points(kept, keptBefore, 'higher')} />
      </div>
      <div role="listitem">
        <Kpi label={`Contato atendido (${count(now.answered)} de ${count(now.attempts)})`} value={pct(contact)} comparison={points(contact, contactBefore, 'higher')} />
      </div>
      <div role="listitem">
        <Kpi label="Descontos concedidos (acordos e balcão)" value={<Money cents={now.discountCents} inherit />} comparison={money(now.discountCents, before.discountCents, 'neutral')} />
      </div>
      <div role="listitem">
        <Kpi label="Nota média do atendimento" value={scoreText(now.feedbackAverage)} comparison={cmp(now.feedbackAverage, before.feedbackAverage, 'higher', (v) => scoreText(v), 'points')} />
      </div>
    </SimpleGrid>
  );
}
