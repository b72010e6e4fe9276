import { maskTime } from '../../../shared/ui-format/input-masks';
import { useState } from 'react';
import { Alert, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { formatDateBR, parseDateBR, storeMoment, type IsoDate } from '../../../shared/dates';
import { formatBRL } from '../../../shared/money';
import { maskDateBR } from '../../../shared/ui-format/input-masks';
import { MoneyInput } from '../../components/MoneyInput';
import { Shortcut } from '../../components/Shortcut';
import { useShortcuts } from '../../shell/keys';
import { DISPUTE_KINDS, OUTCOMES, type CallOutcome, type DisputeKind } from '../today/outcomes';
import classes from './Call.module.css';

export interface OutcomeInput {
  outcome: CallOutcome;
  promise?: { date: IsoDate; amountCents: number };
  disputeKind?: DisputeKind;
  callbackAt?: string;
}

/**
 * Recording the call in at most three actions: pick what happened (1), fill the day and amount of a promise
 * or the time of a callback when asked, and Registrar (F10). The objection heard may have picked it already.
 */
export function OutcomeBar({
  today,
  timeZone,
  overdueCents,
  outcome,
  onOutcome,
  disputeKind,
  onDisputeKind,
  saving,
  error,
  onSubmit,
}: {
  today: IsoDate;
  timeZone: string;
  overdueCents: number;
  outcome: CallOutcome | null;
  onOutcome(o: CallOutcome): void;
  disputeKind: DisputeKind | null;
  onDisputeKind(k: DisputeKind | null): void;
  saving: boolean;
  error: string;
  onSubmit(input: OutcomeInput): void;
}) {
  const [date, setDate] = useState('');
  const [amount, setAmount] = useState(overdueCents);
  const [cbDate, setCbDate] = useState(formatDateBR(today));
  const [cbTime, setCbTime] = useState('');
  const [fieldError, setFieldError] = useState<Record<string, string>>({});

  const submit = () => {
    if (!outcome || saving) return;
    const errs: Record<string, string> = {};
    const input: OutcomeInput = { outcome };
    if (outcome === 'promise') {
      const d = parseDateBR(date);
      if (!d) errs.date = 'Informe o dia combinado (dd/mm/aaaa).';
      else if (d < today) errs.date = `O dia combinado não pode ser antes de hoje (${formatDateBR(today)}).`;
      if (amount <= 0) errs.amount = 'Informe o valor combinado.';
      if (d && !errs.date && !errs.amount) input.promise = { date: d, amountCents: amount };
    }
    if (outcome === 'dispute') {
      if (!disputeKind) errs.kind = 'Escolha o que o cliente contestou.';
      else input.disputeKind = disputeKind;
    }
    if (outcome === 'callback') {
      const d = parseDateBR(cbDate);
      if (!d || d < today) errs.cbDate = 'Informe o dia do retorno, de hoje em diante (dd/mm/aaaa).';
      if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(cbTime)) errs.cbTime = 'Informe a hora (ex.: 18:30).';
      if (d && !errs.cbDate && !errs.cbTime) input.callbackAt = storeMoment(d, cbTime, timeZone);
    }
    setFieldError(errs);
    if (Object.keys(errs).length) return;
    onSubmit(input);
  };

  useShortcuts({ F10: () => (outcome ? submit() : false) });

  return (
    <Stack gap="xs" role="region" aria-label="Registrar resultado">
      <Text fw={600} size="sm">
        O que aconteceu?
      </Text>
      <div className={classes.outcomes} role="radiogroup" aria-label="Resultado da ligação">
        {OUTCOMES.map((o) => (
          <Button key={o.value} size="xs" role="radio" aria-checked={outcome === o.value} variant={outcome === o.value ? 'filled' : 'default'} onClick={() => onOutcome(o.value)} title={o.hint}>
            {o.label}
          </Button>
        ))}
      </div>
      {outcome === 'promise' && (
        <Group grow align="flex-start" gap="xs">
          <TextInput label="Dia combinado" placeholder="dd/mm/aaaa" inputMode="numeric" autoComplete="off" value={date} onChange={(e) => setDate(maskDateBR(e.currentTarget.value))} error={fieldError.date} autoFocus />
          <MoneyInput label="Valor combinado" value={amount} onChange={setAmount} selectOnFocus error={fieldError.amount} description={`Em atraso: ${formatBRL(overdueCents)}`} />
        </Group>
      )}
      {outcome === 'dispute' && (
        <Select label="O que o cliente contestou?" data={DISPUTE_KINDS} value={disputeKind} onChange={(v) => onDisputeKind(v as DisputeKind | null)} allowDeselect={false} error={fieldError.kind} comboboxProps={{ withinPortal: true }} />
      )}
      {outcome === 'callback' && (
        <Group grow align="flex-start" gap="xs">
          <TextInput label="Ligar de novo no dia" placeholder="dd/mm/aaaa" inputMode="numeric" autoComplete="off" value={cbDate} onChange={(e) => setCbDate(maskDateBR(e.currentTarget.value))} error={fieldError.cbDate} />
          <TextInput label="Hora" placeholder="hh:mm" inputMode="numeric" autoComplete="off" value={cbTime} onChange={(e) => setCbTime(maskTime(e.currentTarget.value))} error={fieldError.cbTime} />
        </Group>
      )}
      {error && (
        <Alert color="clay" role="alert" py="xs" title="Não foi possível registrar">
          {error}
        </Alert>
      )}
      <Button onClick={submit} disabled={!outcome} loading={saving}>
        Registrar
        <Shortcut keys="F10" />
      </Button>
    </Stack>
  );
}
