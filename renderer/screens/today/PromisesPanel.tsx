import { useState } from 'react';
import { Badge, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { call, ApiCallError } from '../../api';
import { formatBRL } from '../../../shared/money';
import type { ProfileKind } from '../../../shared/ui-format/profile';
import { useNavigation } from '../../store/navigation';
import { useReceive } from '../receive/receive-store';
import { ReminderSend } from './ReminderSend';
import { reminderSendable } from './RemindersPanel';
import { SectionTitle } from './SectionTitle';
import type { PromiseDue, ReminderItem } from './today-types';
import classes from './Today.module.css';

const STATUS: Record<string, { label: string; color: string }> = {
  pending: { label: 'aguardando', color: 'gray' },
  late: { label: 'conferir pagamento', color: 'yellow' },
  kept: { label: 'cumprida', color: 'teal' },
  partial: { label: 'paga em parte', color: 'orange' },
  broken: { label: 'não cumprida', color: 'clay' },
};

/** Opens Receber on this customer: the clerk checks what came in, or receives it at the counter. */
function useOpenReceive() {
  const [busy, setBusy] = useState<string | null>(null);
  const open = async (customerId: string) => {
    setBusy(customerId);
    try {
      const c = await call<{ id: string; name: string; cpf: string; profile?: ProfileKind; profileReasons?: string[] }>('customers.get', { id: customerId });
      useReceive.getState().pay({ id: c.id, name: c.name, cpf: c.cpf, profile: c.profile, profileReasons: c.profileReasons });
      useNavigation.getState().go('receber');
    } catch (e) {
      notifications.show({ color: 'red', message: e instanceof ApiCallError ? e.message : 'Não foi possível abrir o cliente em Receber.' });
    } finally {
      setBusy(null);
    }
  };
  return { open, busy };
}

function PromiseCard({ p, reminder, when }: { p: PromiseDue; reminder: ReminderItem | undefined; when: 'hoje' | 'amanhã' }) {
  const { open, busy } = useOpenReceive();
  const status = STATUS[p.status] ?? STATUS.pending;
  const share = p.amountCents > 0 ? Math.min(100, Math.round((p.paidCents / p.amountCents) * 100)) : 0;
  const send = reminder ? reminderSendable(reminder) : null;
  return (
    <li className={classes.sideCard}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text fw={600} truncate="end" title={p.name}>
          {p.name}
        </Text>
        <Badge size="md" color={status.color} style={{ textTransform: 'none', flex: 'none' }}>
          {status.label}
        </Badge>
      </Group>
      <Group justify="space-between" wrap="nowrap" gap="xs" align="center">
        <div className={classes.figures}>
          <Text size="sm">
            Prometeu <b>{formatBRL(p.amountCents)}</b> para {when}
          </Text>
          {when === 'hoje' && (
            <Text size="sm" c="dimmed">
              Pago até agora: {formatBRL(p.paidCents)}
            </Text>
          )}
        </div>
        {when === 'hoje' && p.status !== 'kept' && (
          <Button size="sm" variant="default" loading={busy === p.customerId} onClick={() => void open(p.customerId)} aria-label={`Receber de ${p.name}`} style={{ flex: 'none' }}>
            Receber
          </Button>
        )}
      </Group>
      {when === 'hoje' && <Progress value={share} size="xs" color="teal" mt={6} aria-label={`Pago até agora: ${share}% da promessa`} />}
      {send && (
        <Stack gap={6} mt="xs">
          <ReminderSend item={send} />
        </Stack>
      )}
    </li>
  );
}

/**
 * Promises are not calls (issue 6 §4): on the day the clerk reminds and checks the payment; the day before,
 * a reminder. Each shows what came in so far, and its reminder of the régua when there is one.
 */
export function PromisesPanel({ today, tomorrow, reminders }: { today: PromiseDue[]; tomorrow: PromiseDue[]; reminders: ReminderItem[] }) {
  const reminderOf = (p: PromiseDue) => reminders.find((r) => r.channel !== 'phone' && !!p.promiseId && r.promiseId === p.promiseId);
  return (
    <Stack gap="lg">
      <section aria-labelledby="today-promises-title">
        <SectionTitle id="today-promises-title" title="Promessas para hoje" count={today.length ? String(today.length) : undefined} />
        {today.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nenhuma promessa vence hoje. Quando um cliente prometer pagar, registre a promessa no resultado da ligação.
          </Text>
        ) : (
          <ul className={classes.plainList} aria-label="Promessas que vencem hoje">
            {today.map((p) => (
              <PromiseCard key={p.promiseId ?? p.customerId} p={p} reminder={reminderOf(p)} when="hoje" />
            ))}
          </ul>
        )}
      </section>
      {tomorrow.length > 0 && (
        <section aria-labelledby="today-promises-tomorrow-title">
          <SectionTitle id="today-promises-tomorrow-title" title="Promessas para amanhã" count={String(tomorrow.length)} />
          <ul className={classes.plainList} aria-label="Promessas que vencem amanhã">
            {tomorrow.map((p) => (
              <PromiseCard key={p.promiseId ?? p.customerId} p={p} reminder={reminderOf(p)} when="amanhã" />
            ))}
          </ul>
        </section>
      )}
    </Stack>
  );
}
