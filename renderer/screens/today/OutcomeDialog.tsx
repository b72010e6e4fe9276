import { maskTime } from '../../../shared/ui-format/input-masks';
import { useRef, useState } from 'react';
import { Alert, Button, Checkbox, Group, Modal, Radio, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { call, ApiCallError } from '../../api';
import { formatDateBR, parseDateBR, storeMoment, type IsoDate } from '../../../shared/dates';
import { formatBRL } from '../../../shared/money';
import { maskDateBR } from '../../../shared/ui-format/input-masks';
import { MoneyInput } from '../../components/MoneyInput';
import { Shortcut } from '../../components/Shortcut';
import { useShortcuts } from '../../shell/keys';
import { DISPUTE_KINDS, OUTCOMES, OUTCOME_LABELS, type CallOutcome, type DisputeKind } from './outcomes';
import { firstName } from './today-text';
import type { QueueItem } from './today-types';

type Field = 'outcome' | 'promiseDate' | 'promiseAmount' | 'disputeKind' | 'callbackDate' | 'callbackTime' | 'notes';
type Errors = Partial<Record<Field, string>>;

// Backend field paths → the field that shows the message.
const FIELD_OF: Record<string, Field> = { outcome: 'outcome', date: 'promiseDate', amountCents: 'promiseAmount', disputeKind: 'disputeKind', callbackAt: 'callbackDate', notes: 'notes' };

/**
 * "Registrar resultado": what came of the call, in a few clicks — open, pick the outcome, save (F10). A promise
 * asks for the day and the amount (CALLS.md: "an intention is not a promise"); a callback for when; a dispute
 * for its kind. The backend applies the consequences (a wrong number is never called again, a dispute pauses
 * collection) and refuses an outbound call the contact policy forbids, unless the customer called the store.
 */
export function OutcomeDialog({ item, today, timeZone, onClose, onSaved }: { item: QueueItem; today: IsoDate; timeZone: string; onClose(): void; onSaved(label: string): void }) {
  const [outcome, setOutcome] = useState<CallOutcome | null>(null);
  const [promiseDate, setPromiseDate] = useState('');
  const [promiseAmount, setPromiseAmount] = useState(item.overdueCents);
  const [disputeKind, setDisputeKind] = useState<DisputeKind | null>(null);
  const [callbackDate, setCallbackDate] = useState(formatDateBR(today));
  const [callbackTime, setCallbackTime] = useState('');
  const [notes, setNotes] = useState('');
  const [inbound, setInbound] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState('');
  const [saving, setSaving] = useState(false);
  // A promise is two writes: the contact, then the promise linked to it. If the promise is refused (a date in
  // the past, more than the debt) the contact is kept and only the promise is tried again.
  const [contactId, setContactId] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  useShortcuts({ Escape: () => !saving && onClose(), F10: () => formRef.current?.requestSubmit() }, { exclusive: true });

  const clear = (f: Field) => errors[f] && setErrors(({ [f]: _x, ...rest }) => rest);

  const check = (): { errors: Errors; promise?: { date: IsoDate }; callbackAt?: string } => {
    const found: Errors = {};
    if (!outcome) found.outcome = 'Escolha o que aconteceu na ligação.';
    let promise: { date: IsoDate } | undefined;
    let callbackAt: string | undefined;
    if (outcome === 'promise') {
      const date = parseDateBR(promiseDate);
      if (!date) found.promiseDate = 'Informe o dia combinado (dd/mm/aaaa).';
      else if (date < today) found.promiseDate = `O dia combinado não pode ser antes de hoje (${formatDateBR(today)}).`;
      else promise = { date };
      if (promiseAmount <= 0) found.promiseAmount = 'Informe o valor combinado.';
    }
    if (outcome === 'dispute' && !disputeKind) found.disputeKind = 'Escolha o que o cliente contestou.';
    if (outcome === 'callback') {
      const date = parseDateBR(callbackDate);
      if (!date) found.callbackDate = 'Informe o dia do retorno (dd/mm/aaaa).';
      else if (date < today) found.callbackDate = 'O retorno deve ser de hoje em diante.';
      if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(callbackTime)) found.callbackTime = 'Informe a hora (ex.: 18:30).';
      if (date && !found.callbackDate && !found.callbackTime) {
        callbackAt = storeMoment(date, callbackTime, timeZone);
        if (Date.parse(callbackAt) < Date.now()) found.callbackTime = 'Esse horário já passou.';
      }
    }
    return { errors: found, promise, callbackAt };
  };

  const submit = async (e?: React.FormEvent) => {
    e?.preventDefault();
    if (saving) return;
    const checked = check();
    setErrors(checked.errors);
    setFormError('');
    const firstBad = Object.keys(checked.errors)[0];
    if (firstBad) {
      const el = formRef.current?.querySelector<HTMLElement>(`[data-field="${firstBad}"]`);
      (el?.matches('input, textarea') ? el : el?.querySelector<HTMLElement>('input, textarea'))?.focus();
      return;
    }
    setSaving(true);
    try {
      let id = contactId;
      if (!id) {
        const r = await call<{ id: string }>('contacts.record', {
          customerId: item.customerId,
          channel: 'phone',
          outcome: outcome!,
          ...(inbound ? { inbound: true } : {}),
          ...(item.phone ? { phone: item.phone.number } : {}),
          ...(notes.trim() ? { notes: notes.trim() } : {}),
          ...(outcome === 'dispute' && disputeKind ? { disputeKind } : {}),
          ...(outcome === 'callback' && checked.callbackAt ? { callbackAt: checked.callbackAt, callbackChannel: 'phone' as const } : {}),
        });
        id = r.id;
        setContactId(id);
      }
      let label = OUTCOME_LABELS[outcome!];
      if (outcome === 'promise' && checked.promise) {
        await call('promises.create', { customerId: item.customerId, date: checked.promise.date, amountCents: promiseAmount, contactId: id });
        label = `Prometeu ${formatBRL(promiseAmount)} para ${formatDateBR(checked.promise.date).slice(0, 5)}`;
      }
      notifications.show({ message: `Resultado registrado para ${firstName(item.name)}: ${label}.`, color: 'teal', autoClose: 4000 });
      onSaved(label);
    } catch (err) {
      setSaving(false);
      if (!(err instanceof ApiCallError)) return setFormError('Não foi possível registrar. Tente de novo.');
      const fieldIssues: Errors = {};
      for (const i of err.issues) {
        const f = FIELD_OF[i.path];
        if (f) fieldIssues[f] = i.message;
      }
      if (Object.keys(fieldIssues).length) setErrors(fieldIssues);
      else setFormError(err.message);
    }
  };

  const hint = OUTCOMES.find((o) => o.value === outcome)?.hint;
  return (
    <Modal
      opened
      onClose={onClose}
      closeOnEscape={false}
      size="lg"
      title={`Resultado da ligação — ${item.name}`}
      styles={{ title: { fontSize: 'var(--mantine-font-size-xl)', fontWeight: 600 } }}
      closeButtonProps={{ 'aria-label': 'Fechar sem registrar' }}
    >
      <form ref={formRef} onSubmit={submit} noValidate aria-label="Registrar resultado da ligação">
        <Stack gap="md">
          <Radio.Group
            data-field="outcome"
            label="O que aconteceu?"
            value={outcome}
            onChange={(v) => {
              setOutcome(v as CallOutcome);
              setErrors({});
              setFormError('');
            }}
            error={errors.outcome}
            description={contactId ? 'A ligação já foi registrada; falta só a promessa.' : undefined}
          >
            <SimpleGrid cols={2} spacing="xs" verticalSpacing="xs" mt="xs">
              {OUTCOMES.map((o, i) => (
                <Radio key={o.value} value={o.value} label={o.label} disabled={!!contactId && o.value !== 'promise'} data-autofocus={i === 0 || undefined} />
              ))}
            </SimpleGrid>
          </Radio.Group>
          {hint && (
            <Text size="sm" c="dimmed" mt={-8}>
              {hint}
              {outcome === 'paid' && ' Registre o pagamento em Receber (F6) quando ele chegar.'}
              {outcome === 'wrong_number' && item.phone && ` O ${item.phone.label} fica marcado como errado.`}
            </Text>
          )}

          {outcome === 'promise' && (
            <Group grow align="flex-start">
              <TextInput
                data-field="promiseDate"
                label="Dia combinado"
                required
                inputMode="numeric"
                autoComplete="off"
                placeholder="dd/mm/aaaa"
                value={promiseDate}
                onChange={(e) => {
                  setPromiseDate(maskDateBR(e.currentTarget.value));
                  clear('promiseDate');
                }}
                error={errors.promiseDate}
              />
              <MoneyInput
                data-field="promiseAmount"
                label="Valor combinado"
                required
                selectOnFocus
                value={promiseAmount}
                onChange={(v) => {
                  setPromiseAmount(v);
                  clear('promiseAmount');
                }}
                description={`Em atraso hoje: ${formatBRL(item.overdueCents)}`}
                error={errors.promiseAmount}
              />
            </Group>
          )}

          {outcome === 'dispute' && (
            <Select
              data-field="disputeKind"
              label="O que o cliente contestou?"
              required
              data={DISPUTE_KINDS}
              value={disputeKind}
              onChange={(v) => {
                setDisputeKind(v as DisputeKind | null);
                clear('disputeKind');
              }}
              allowDeselect={false}
              error={errors.disputeKind}
              comboboxProps={{ withinPortal: true }}
            />
          )}

          {outcome === 'callback' && (
            <Group grow align="flex-start">
              <TextInput
                data-field="callbackDate"
                label="Ligar de novo no dia"
                required
                inputMode="numeric"
                autoComplete="off"
                placeholder="dd/mm/aaaa"
                value={callbackDate}
                onChange={(e) => {
                  setCallbackDate(maskDateBR(e.currentTarget.value));
                  clear('callbackDate');
                }}
                error={errors.callbackDate}
              />
              <TextInput
                data-field="callbackTime"
                label="Hora"
                required
                inputMode="numeric"
                autoComplete="off"
                placeholder="hh:mm"
                value={callbackTime}
                onChange={(e) => {
                  setCallbackTime(maskTime(e.currentTarget.value));
                  clear('callbackTime');
                }}
                error={errors.callbackTime}
              />
            </Group>
          )}

          <Textarea
            data-field="notes"
            label="Observações"
            autosize
            minRows={2}
            maxRows={4}
            maxLength={2000}
            placeholder="O que o cliente contou (ex.: recebe dia 5; pediu o PIX)"
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
            error={errors.notes}
            disabled={!!contactId}
          />
          <Checkbox label="Foi o cliente que ligou para a loja" checked={inbound} onChange={(e) => setInbound(e.currentTarget.checked)} disabled={!!contactId} />

          {formError && (
            <Alert color="clay" title="Não foi possível registrar" role="alert">
              {formError}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={saving}>
              Cancelar
              <Shortcut keys="Esc" />
            </Button>
            <Button type="submit" loading={saving}>
              Registrar
              <Shortcut keys="F10" />
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
