import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { call, ApiCallError } from '../../api';
import { formatBRL } from '../../../shared/money';
import { formatDateBR } from '../../../shared/dates';
import { PinInput } from '../../components/PinInput';
import { Shortcut } from '../../components/Shortcut';
import { useShortcuts } from '../../shell/keys';
import { useSession } from '../../store/session';
import { METHOD_LABELS, type StatementPayment } from '../receive/ledger-types';

interface Person {
  id: string;
  name: string;
  role: 'owner' | 'clerk';
}

/**
 * Estorno: the reason, and the owner's PIN typed right here (CONVENTIONS.md: "asks for the owner right there
 * (name + PIN)"), even when the owner is the one logged in. The payment is never deleted: a reversal row
 * cancels it and its parcelas are open again.
 */
export function ReverseDialog({ payment, onClose, onDone }: { payment: StatementPayment; onClose(): void; onDone(): void }) {
  const me = useSession((s) => s.user);
  const [owners, setOwners] = useState<Person[]>([]);
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [pin, setPin] = useState('');
  const [errors, setErrors] = useState<{ reason?: string; pin?: string }>({});
  const [formError, setFormError] = useState('');
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const pinRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    call<{ items: Person[] }>('users.list', {})
      .then((r) => {
        const list = r.items.filter((u) => u.role === 'owner');
        setOwners(list);
        setOwnerId((list.find((o) => o.id === me?.id) ?? list[0])?.id ?? null);
      })
      .catch(() => setOwners([]));
  }, [me?.id]);

  useShortcuts({ Escape: () => !saving && onClose(), F10: () => formRef.current?.requestSubmit() }, { exclusive: true });

  const submit = async (e?: React.FormEvent) => {
    e?.preventDefault();
    if (saving) return;
    const found: typeof errors = {};
    if (reason.trim().length < 3) found.reason = 'Escreva o motivo do estorno (ex.: valor digitado errado).';
    if (pin.length < 4) found.pin = 'Digite o PIN do dono (4 a 8 números).';
    setErrors(found);
    setFormError('');
    if (found.reason) return reasonRef.current?.focus();
    if (found.pin) return pinRef.current?.focus();
    setSaving(true);
    try {
      await call('payments.reverse', { paymentId: payment.id, reason: reason.trim(), ownerPin: pin });
      notifications.show({ message: `Recibo ${payment.receiptNumber} estornado. As parcelas voltaram a ficar em aberto.`, color: 'teal', autoClose: 4000 });
      onDone();
    } catch (err) {
      setSaving(false);
      if (!(err instanceof ApiCallError)) return setFormError('Não foi possível estornar. Tente de novo.');
      const reasonIssue = err.issues.find((i) => i.path === 'reason');
      const pinIssue = err.issues.find((i) => i.path === 'ownerPin');
      if (reasonIssue) {
        setErrors({ reason: reasonIssue.message });
        return reasonRef.current?.focus();
      }
      if (pinIssue || err.kind === 'forbidden') {
        setErrors({ pin: pinIssue?.message ?? err.message });
        setPin('');
        return pinRef.current?.focus();
      }
      setFormError(err.message);
    }
  };

  const owner = owners.find((o) => o.id === ownerId);
  return (
    <Modal
      opened
      onClose={onClose}
      closeOnEscape={false}
      size="lg"
      title={`Estornar o recibo ${payment.receiptNumber}`}
      styles={{ title: { fontSize: 'var(--mantine-font-size-xl)', fontWeight: 600 } }}
      closeButtonProps={{ 'aria-label': 'Fechar sem estornar' }}
    >
      <form ref={formRef} onSubmit={submit} noValidate aria-label="Estornar pagamento">
        <Stack gap="md">
          <Text>
            Pagamento de <b style={{ fontVariantNumeric: 'tabular-nums' }}>{formatBRL(payment.amountCents)}</b> em {formatDateBR(payment.date)} ({METHOD_LABELS[payment.method].toLowerCase().replace('pix', 'PIX')}). Ao
            estornar, as parcelas que ele pagou voltam a ficar em aberto; o recibo continua guardado, marcado como estornado.
          </Text>
          <Textarea
            ref={reasonRef}
            label="Motivo do estorno"
            required
            data-autofocus
            autosize
            minRows={2}
            maxRows={4}
            maxLength={300}
            placeholder="Ex.: valor digitado errado; cliente pagou em outra forma"
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              if (errors.reason) setErrors(({ reason: _r, ...rest }) => rest);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault();
                pinRef.current?.focus();
              }
            }}
            error={errors.reason}
          />
          <Group grow align="flex-start">
            {owners.length > 1 ? (
              <Select label="Dono que autoriza" data={owners.map((o) => ({ value: o.id, label: o.name }))} value={ownerId} onChange={setOwnerId} allowDeselect={false} />
            ) : (
              <Stack gap={2}>
                <Text fw={500} size="sm">
                  Autorização do dono
                </Text>
                <Text size="lg" fw={600} data-testid="owner-name">
                  {owner?.name ?? '…'}
                </Text>
              </Stack>
            )}
            <PinInput
              ref={pinRef}
              label="PIN do dono"
              description="O dono digita aqui, mesmo que já esteja no sistema."
              autoComplete="off"
              value={pin}
              onValue={(v) => {
                setPin(v);
                if (errors.pin) setErrors(({ pin: _p, ...rest }) => rest);
              }}
              error={errors.pin}
            />
          </Group>
          {formError && (
            <Alert color="clay" title="Não foi possível estornar" role="alert">
              {formError}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={saving}>
              Cancelar
              <Shortcut keys="Esc" />
            </Button>
            <Button type="submit" color="red" loading={saving}>
              Estornar
              <Shortcut keys="F10" />
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
