import { Bar, BarChart, CartesianGrid, Cell, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DashboardWeek } from '../../../shared/contract/dashboard';
import { DEFAULT_THEME } from '@mantine/core';
import { theme, PROFILE_COLORS } from '../../theme';
import type { ProfileKind } from '../../../shared/ui-format/profile';
import { brl, capPoints, mergeWeeks, moneyAxis, pct, weekLabel, weekLong } from './dashboard-text';

// The Painel's charts (recharts, LOOK.md): few series, pt-BR axes, values in R$, no animation (the owner reads
// numbers, not motion; three years are 157 bars), at most MAX_POINTS per series. This file is only reached
// through PainelArea's lazy import, so recharts stays out of the app's first download.

export const MAX_POINTS = 600;
const HEIGHT = 230;

const C = {
  brand: theme.colors!.brand![6],
  brandDark: theme.colors!.brand![8],
  clay: theme.colors!.clay![5],
  grid: '#dee2e6',
  axis: '#5f666d',
};
// The badges' fixed colours (theme.ts), shade 6 of Mantine's palette, so a bar and its badge match.
const PROFILE_HEX: Record<string, string> = Object.fromEntries(Object.entries(PROFILE_COLORS).map(([k, c]) => [k, DEFAULT_THEME.colors[c]?.[6] ?? C.brand]));

const axisTick = { fill: C.axis, fontSize: 12 };
const tooltipStyle = { borderRadius: 8, border: '1px solid #dee2e6', fontSize: 13 };
// Recharts paints the tooltip's lines in the series colour, too light for text on white (axe, WCAG AA).
const tooltipItem = { color: '#212529' };

type WeekClick = (week: DashboardWeek) => void;
const weekOf = (data: unknown): DashboardWeek | null => ((data as { payload?: DashboardWeek })?.payload ?? null);

const weeksForChart = (weeks: DashboardWeek[]) => capPoints(weeks, MAX_POINTS, mergeWeeks);

/** The weeks axis of the four weekly charts; over more than a year the ticks carry the year. */
function weekAxis(weeks: DashboardWeek[]) {
  const withYear = weeks.length > 53;
  return <XAxis dataKey="weekStart" tickFormatter={(w: string) => weekLabel(w, withYear)} tick={axisTick} minTickGap={16} label={{ value: 'semana (segunda-feira)', position: 'insideBottom', offset: -2, fill: C.axis, fontSize: 12 }} height={40} />;
}

/** Overdue at each week's end (bars) and the default rate (line, right axis). */
export function OverdueChart({ weeks, onWeek }: { weeks: DashboardWeek[]; onWeek: WeekClick }) {
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <ComposedChart data={weeksForChart(weeks)} margin={{ top: 8, right: 8, left: 8, bottom: 8 }}>
        <CartesianGrid stroke={C.grid} vertical={false} />
        {weekAxis(weeks)}
        <YAxis yAxisId="money" tickFormatter={moneyAxis} tick={axisTick} width={78} />
        <YAxis yAxisId="rate" orientation="right" tickFormatter={(v: number) => pct(v, 0)} tick={axisTick} width={44} />
        <Tooltip labelFormatter={(l) => weekLong(String(l))} formatter={(v, name) => (name === 'Inadimplência' ? pct(Number(v)) : brl(Number(v)))} contentStyle={tooltipStyle} itemStyle={tooltipItem} isAnimationActive={false} />
        <Legend wrapperStyle={{ fontSize: 13 }} />
        <Bar yAxisId="money" dataKey="overdueCents" name="Em atraso" fill={C.clay} isAnimationActive={false} cursor="pointer" onClick={(d) => weekOf(d) && onWeek(weekOf(d)!)} />
        <Line yAxisId="rate" dataKey="defaultRatePct" name="Inadimplência" stroke={C.brandDark} strokeWidth={2} dot={false} isAnimationActive={false} />
      </ComposedChart>
    </ResponsiveContainer>
  );
}

/** Recovered per week (payments minus reversals). */
export function RecoveredChart({ weeks, onWeek }: { weeks: DashboardWeek[]; onWeek: WeekClick }) {
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <BarChart data={weeksForChart(weeks)} margin={{ top: 8, right: 8, left: 8, bottom: 8 }}>
        <CartesianGrid stroke={C.grid} vertical={false} />
        {weekAxis(weeks)}
        <YAxis tickFormatter={moneyAxis} tick={axisTick} width={78} />
        <Tooltip labelFormatter={(l) => weekLong(String(l))} formatter={(v) => brl(Number(v))} contentStyle={tooltipStyle} itemStyle={tooltipItem} isAnimationActive={false} />
        <Bar dataKey="recoveredCents" name="Recebido" fill={C.brand} isAnimationActive={false} cursor="pointer" onClick={(d) => weekOf(d) && onWeek(weekOf(d)!)} />
      </BarChart>
    </ResponsiveContainer>
  );
}

/** New credit (financed, down payments excluded) beside what came back. */
export function CreditVsRecoveredChart({ weeks, onNewCredit, onRecovered }: { weeks: DashboardWeek[]; onNewCredit: WeekClick; onRecovered: WeekClick }) {
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <BarChart data={weeksForChart(weeks)} margin={{ top: 8, right: 8, left: 8, bottom: 8 }}>
        <CartesianGrid stroke={C.grid} vertical={false} />
        {weekAxis(weeks)}
        <YAxis tickFormatter={moneyAxis} tick={axisTick} width={78} />
        <Tooltip labelFormatter={(l) => weekLong(String(l))} formatter={(v) => brl(Number(v))} contentStyle={tooltipStyle} itemStyle={tooltipItem} isAnimationActive={false} />
        <Legend wrapperStyle={{ fontSize: 13 }} />
        <Bar dataKey="newCreditCents" name="Crédito novo" fill={C.clay} isAnimationActive={false} cursor="pointer" onClick={(d) => weekOf(d) && onNewCredit(weekOf(d)!)} />
        <Bar dataKey="recoveredCents" name="Recebido" fill={C.brand} isAnimationActive={false} cursor="pointer" onClick={(d) => weekOf(d) && onRecovered(weekOf(d)!)} />
      </BarChart>
    </ResponsiveContainer>
  );
}

/** Promises made and kept per week (counts). */
export function PromisesChart({ weeks, onMade, onKept }: { weeks: DashboardWeek[]; onMade: WeekClick; onKept: WeekClick }) {
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <BarChart data={weeksForChart(weeks)} margin={{ top: 8, right: 8, left: 8, bottom: 8 }}>
        <CartesianGrid stroke={C.grid} vertical={false} />
        {weekAxis(weeks)}
        <YAxis allowDecimals={false} tick={axisTick} width={48} label={{ value: 'promessas', angle: -90, position: 'insideLeft', fill: C.axis, fontSize: 12 }} />
        <Tooltip labelFormatter={(l) => weekLong(String(l))} contentStyle={tooltipStyle} itemStyle={tooltipItem} isAnimationActive={false} />
        <Legend wrapperStyle={{ fontSize: 13 }} />
        <Bar dataKey="promisesMade" name="Feitas" fill={C.brand} isAnimationActive={false} cursor="pointer" onClick={(d) => weekOf(d) && onMade(weekOf(d)!)} />
        <Bar dataKey="promisesKept" name="Cumpridas" fill={C.brandDark} isAnimationActive={false} cursor="pointer" onClick={(d) => weekOf(d) && onKept(weekOf(d)!)} />
      </BarChart>
    </ResponsiveContainer>
  );
}

interface NamedBar {
  key: string;
  label: string;
  value: number;
}

/** One bar per category (aging buckets in R$, profiles in customers), horizontal so the labels read. */
export function CategoryChart({ rows, money, colors, onBar, valueName }: { rows: NamedBar[]; money: boolean; colors: 'profile' | 'aging'; onBar: (key: string) => void; valueName: string }) {
  // Profiles in their badge colours; aging: what is not due yet in the calm blue, the late buckets in clay.
  const colorOf = (key: string) => (colors === 'profile' ? (PROFILE_HEX[key as ProfileKind] ?? C.brand) : key === 'a_vencer' ? C.brand : C.clay);
  const format = (v: number) => (money ? brl(v) : `${v.toLocaleString('pt-BR')} clientes`);
  return (
    <ResponsiveContainer width="100%" height={Math.max(150, rows.length * 38 + 30)}>
      <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 16, left: 8, bottom: 4 }}>
        <CartesianGrid stroke={C.grid} horizontal={false} />
        <XAxis type="number" tickFormatter={money ? moneyAxis : (v: number) => v.toLocaleString('pt-BR')} tick={axisTick} allowDecimals={false} />
        <YAxis type="category" dataKey="label" tick={axisTick} width={100} />
        <Tooltip formatter={(v) => format(Number(v))} contentStyle={tooltipStyle} itemStyle={tooltipItem} isAnimationActive={false} />
        <Bar dataKey="value" name={valueName} fill={C.brand} isAnimationActive={false} cursor="pointer" onClick={(d) => onBar(String((d as { payload?: NamedBar }).payload?.key ?? ''))}>
          {rows.map((r) => (
            <Cell key={r.key} fill={colorOf(r.key)} />
          ))}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
