import { Table, Text } from '@mantine/core';
import type { ClerkRow, DashboardWeek, DashboardWeeklyResult, WhatWorksRow } from '../../../shared/contract/dashboard';
import { Money } from '../../components/Money';
import { ProfileBadge } from '../../components/ProfileBadge';
import { PROFILE_LABELS, type ProfileKind } from '../../../shared/ui-format/profile';
import { formatDateBR } from '../../../shared/dates';
import { count, pct, scoreText } from './dashboard-text';
import { DrillButton, EmptyRow, RateCell, Td, Th } from './parts';
import classes from './Dashboard.module.css';

// The Painel's tables. Every figure that stands for customers or payments is a button that opens the list
// behind it, so the keyboard reaches what a click on a chart's bar shows.

const isProfile = (k: string): k is ProfileKind => k in PROFILE_LABELS;
const profileCell = (kind: string, label: string) => (isProfile(kind) ? <ProfileBadge profile={kind} focusable={false} /> : label);

export function AgingTable({ aging, openCents, onBucket }: { aging: DashboardWeeklyResult['aging']; openCents: number; onBucket(id: string, label: string): void }) {
  return (
    <Table className={classes.table} verticalSpacing={4} aria-label="Saldo em aberto por faixa de atraso">
      <Table.Thead>
        <Table.Tr>
          <Th>Faixa</Th>
          <Th num>Saldo</Th>
          <Th num>Clientes</Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {aging.map((a) => (
          <Table.Tr key={a.id}>
            <Td>{a.label}</Td>
            <Td num>
              <DrillButton label={`Ver os clientes: ${a.label}`} onClick={() => onBucket(a.id, a.label)}>
                <Money cents={a.cents} late={a.id !== 'a_vencer'} inherit />
              </DrillButton>
            </Td>
            <Td num>{count(a.customers)}</Td>
          </Table.Tr>
        ))}
        {aging.length === 0 && <EmptyRow cols={3} text="Nada em aberto nesta data." />}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr>
          <Td>Em aberto</Td>
          <Td num>
            <Money cents={openCents} inherit fw={600} />
          </Td>
          <Td num>{count(aging.reduce((s, a) => s + a.customers, 0))}</Td>
        </Table.Tr>
      </Table.Tfoot>
    </Table>
  );
}

export function ProfilesTable({ profiles, onProfile }: { profiles: DashboardWeeklyResult['profiles']; onProfile(kind: string, label: string): void }) {
  const total = profiles.reduce((s, p) => s + p.customers, 0);
  return (
    <Table className={classes.table} verticalSpacing={4} aria-label="Clientes por perfil">
      <Table.Thead>
        <Table.Tr>
          <Th>Perfil</Th>
          <Th num>Clientes</Th>
          <Th num>Parte</Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {profiles.map((p) => (
          <Table.Tr key={p.kind}>
            <Td>{profileCell(p.kind, p.label)}</Td>
            <Td num>
              <DrillButton label={`Ver os clientes do perfil ${p.label}`} onClick={() => onProfile(p.kind, p.label)}>
                {count(p.customers)}
              </DrillButton>
            </Td>
            <Td num>{pct(total ? (p.customers / total) * 100 : null, 0)}</Td>
          </Table.Tr>
        ))}
        {profiles.length === 0 && <EmptyRow cols={3} text="Ainda não há clientes com perfil." />}
      </Table.Tbody>
    </Table>
  );
}

export function ProfileMovesTable({ moves, labels }: { moves: DashboardWeeklyResult['profileMoves']; labels: Record<string, string> }) {
  const sorted = [...moves].sort((a, b) => b.customers - a.customers);
  return (
    <Table className={classes.table} verticalSpacing={4} aria-label="Mudanças de perfil no período">
      <Table.Thead>
        <Table.Tr>
          <Th>De</Th>
          <Th>Para</Th>
          <Th num>Clientes</Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sorted.map((m) => (
          <Table.Tr key={`${m.from}>${m.to}`}>
            <Td>{profileCell(m.from, labels[m.from] ?? m.from)}</Td>
            <Td>{profileCell(m.to, labels[m.to] ?? m.to)}</Td>
            <Td num>{count(m.customers)}</Td>
          </Table.Tr>
        ))}
        {sorted.length === 0 && <EmptyRow cols={3} text="Nenhuma mudança de perfil registrada no período." />}
      </Table.Tbody>
    </Table>
  );
}

type PromiseRow = DashboardWeeklyResult['promiseRates']['byUser'][number] | DashboardWeeklyResult['promiseRates']['byProfile'][number];
const promiseKey = (r: PromiseRow) => ('userId' in r ? r.userId : r.kind);
const promiseLabel = (r: PromiseRow) => ('userId' in r ? r.name : r.label);

/** Of the conversations, how many ended in a promise; of the promises due, how many were kept. */
export function PromiseRatesTable({ rows, who }: { rows: PromiseRow[]; who: 'Atendente' | 'Perfil' }) {
  return (
    <Table className={classes.table} verticalSpacing={4} aria-label={`Promessas por ${who.toLowerCase()}`}>
      <Table.Thead>
        <Table.Tr>
          <Th>{who}</Th>
          <Th num>Conversas com promessa</Th>
          <Th num>Promessas cumpridas</Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={promiseKey(r)}>
            <Td>{'kind' in r ? profileCell(r.kind, r.label) : promiseLabel(r)}</Td>
            <Td num>
              <RateCell rate={r.made} />
            </Td>
            <Td num>
              <RateCell rate={r} />
            </Td>
          </Table.Tr>
        ))}
        {rows.length === 0 && <EmptyRow cols={3} text="Nenhuma promessa no período." />}
      </Table.Tbody>
    </Table>
  );
}

export function WhatWorksTable({ rows, what, label }: { rows: WhatWorksRow[]; what: string; label: string }) {
  // The best first, but only among rates with enough cases: a 100% of two cases is not a winner.
  const sorted = [...rows].sort((a, b) => Number(b.outcome.enoughCases) - Number(a.outcome.enoughCases) || (b.outcome.ratePct ?? -1) - (a.outcome.ratePct ?? -1) || b.outcome.cases - a.outcome.cases);
  return (
    <Table className={classes.table} verticalSpacing={4} aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          <Th>{what}</Th>
          <Th num>Deu certo</Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sorted.map((r) => (
          <Table.Tr key={r.key}>
            <Td>{isProfile(r.key) ? profileCell(r.key, r.label) : r.label}</Td>
            <Td num>
              <RateCell rate={r.outcome} />
            </Td>
          </Table.Tr>
        ))}
        {sorted.length === 0 && <EmptyRow cols={2} text="Ainda não há casos no período." />}
      </Table.Tbody>
    </Table>
  );
}

export function ClerksTable({ rows, onClerk }: { rows: ClerkRow[]; onClerk(userId: string, name: string): void }) {
  return (
    <Table className={classes.table} verticalSpacing={4} aria-label="Resultados por atendente">
      <Table.Thead>
        <Table.Tr>
          <Th>Atendente</Th>
          <Th num>Tentativas</Th>
          <Th num>Conversas</Th>
          <Th num>Promessas</Th>
          <Th num>Cumpridas</Th>
          <Th num>Acordos</Th>
          <Th num>Recebido</Th>
          <Th num>Nota média</Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.userId}>
            <Td>{r.name}</Td>
            <Td num>{count(r.attempts)}</Td>
            <Td num>{count(r.conversations)}</Td>
            <Td num>{count(r.promises)}</Td>
            <Td num>{count(r.promisesKept)}</Td>
            <Td num>{count(r.agreements)}</Td>
            <Td num>
              <DrillButton label={`Ver o que ${r.name} recebeu`} onClick={() => onClerk(r.userId, r.name)}>
                <Money cents={r.recoveredCents} inherit />
              </DrillButton>
            </Td>
            <Td num>
              {scoreText(r.feedbackAverage)}
              {r.feedbackCount > 0 && (
                <Text span size="sm" c="dimmed">
                  {' '}
                  ({count(r.feedbackCount)})
                </Text>
              )}
            </Td>
          </Table.Tr>
        ))}
        {rows.length === 0 && <EmptyRow cols={8} text="Ninguém registrou contatos no período." />}
      </Table.Tbody>
    </Table>
  );
}

export type WeekDrill = 'overdue' | 'recovered' | 'new_credit';

/** Every week in numbers, newest first; the amounts open the list behind them. */
export function WeeksTable({ weeks, onWeek }: { weeks: DashboardWeek[]; onWeek(kind: WeekDrill, week: DashboardWeek): void }) {
  const rows = [...weeks].reverse();
  return (
    <div className={classes.tableScroll} tabIndex={0} role="region" aria-label="Tabela semana a semana">
      <Table className={classes.table} verticalSpacing={2} stickyHeader aria-label="Números de cada semana">
        <Table.Thead>
          <Table.Tr>
            <Th>Semana</Th>
            <Th num>Em atraso</Th>
            <Th num>Inadimplência</Th>
            <Th num>Recebido</Th>
            <Th num>Crédito novo</Th>
            <Th num>Promessas</Th>
            <Th num>Cumpridas</Th>
            <Th num>Atendidas</Th>
            <Th num>Acordos</Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((w) => {
            const when = formatDateBR(w.weekStart);
            return (
              <Table.Tr key={w.weekStart}>
                <Td>{when}</Td>
                <Td num>
                  <DrillButton label={`Ver quem estava em atraso na semana de ${when}`} onClick={() => onWeek('overdue', w)}>
                    <Money cents={w.overdueCents} late inherit />
                  </DrillButton>
                </Td>
                <Td num>{pct(w.defaultRatePct)}</Td>
                <Td num>
                  <DrillButton label={`Ver os pagamentos da semana de ${when}`} onClick={() => onWeek('recovered', w)}>
                    <Money cents={w.recoveredCents} inherit />
                  </DrillButton>
                </Td>
                <Td num>
                  <DrillButton label={`Ver as vendas da semana de ${when}`} onClick={() => onWeek('new_credit', w)}>
                    <Money cents={w.newCreditCents} inherit />
                  </DrillButton>
                </Td>
                <Td num>{count(w.promisesMade)}</Td>
                <Td num>
                  {count(w.promisesKept)} de {count(w.promisesDue)}
                </Td>
                <Td num>
                  {count(w.answered)} de {count(w.attempts)}
                </Td>
                <Td num>{count(w.agreements)}</Td>
              </Table.Tr>
            );
          })}
          {rows.length === 0 && <EmptyRow cols={9} text="Nenhuma semana no período." />}
        </Table.Tbody>
      </Table>
    </div>
  );
}
