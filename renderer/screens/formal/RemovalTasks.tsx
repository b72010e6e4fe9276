import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { call, ApiCallError } from '../../api';
import type { BureauRecordRow } from '../../../shared/contract/formal';
import { formatDateBR } from '../../../shared/dates';
import { useSession } from '../../store/session';
import classes from './Formal.module.css';

/**
 * Removals to ask a bureau for (STJ Súmula 548: within 5 business days of full payment), one "Baixa feita" each.
 * Shown on Cobrança formal and, until done, on Hoje.
 */
export function RemovalList({ records, onDone }: { records: BureauRecordRow[]; onDone(): void }) {
  const [busy, setBusy] = useState<string | null>(null);
  if (!records.length) return null;
  const done = async (r: BureauRecordRow) => {
    setBusy(r.id);
    try {
      await call('formal.removed', { recordId: r.id });
      notifications.show({ color: 'teal', message: `Baixa de ${r.name} anotada.` });
      onDone();
    } catch (e) {
      notifications.show({ color: 'clay', message: e instanceof ApiCallError ? e.message : 'Não foi possível anotar a baixa.' });
    } finally {
      setBusy(null);
    }
  };
  const late = records.some((r) => r.removalLate);
  return (
    <Alert color={late ? 'clay' : 'yellow'} variant="light" mb="md" title={records.length === 1 ? 'Baixa no birô a pedir' : `${records.length} baixas no birô a pedir`}>
      <Text size="sm" mb="xs">
        A dívida foi paga: peça ao birô a retirada do registro e marque aqui quando pedir.
      </Text>
      <ul className={classes.removals} aria-label="Baixas no birô a pedir">
        {records.map((r) => (
          <li key={r.id}>
            <Group justify="space-between" wrap="nowrap" gap="sm">
              <Text size="sm">
                <strong>{r.name}</strong> ({r.bureau}) · quitado em {formatDateBR(r.paidOffOn!)} ·{' '}
                <Text component="span" inherit fw={600}>
                  {r.removalLate ? `prazo passou em ${formatDateBR(r.removalDue!)}` : `pedir até ${formatDateBR(r.removalDue!)}`}
                </Text>
              </Text>
              <Button size="sm" variant="default" onClick={() => void done(r)} loading={busy === r.id} aria-label={`Baixa feita: ${r.name}`}>
                Baixa feita
              </Button>
            </Group>
          </li>
        ))}
      </ul>
    </Alert>
  );
}

/** Hoje's task for the owner: the removals still to ask for. Nothing for a clerk, nothing when there are none. */
export function TodayRemovals() {
  const isOwner = useSession((s) => s.user?.role === 'owner');
  const [records, setRecords] = useState<BureauRecordRow[]>([]);
  const load = useCallback(() => {
    call<{ items: BureauRecordRow[] }>('formal.removals', {})
      .then((r) => setRecords(r.items))
      .catch(() => setRecords([])); // Hoje keeps working; the formal screen says what went wrong
  }, []);
  useEffect(() => {
    if (isOwner) load();
  }, [isOwner, load]);
  if (!isOwner) return null;
  return <RemovalList records={records} onDone={load} />;
}
