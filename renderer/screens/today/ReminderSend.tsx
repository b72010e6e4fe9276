import { useState } from 'react';
import { Anchor, Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { call, ApiCallError } from '../../api';
import { formatPhone } from '../../../shared/phone';
import { DONE_COLOR } from '../../theme';
import { useToday } from './today-store';
import { firstName } from './today-text';
import type { MessageChannel, RemindersSendResult } from './today-types';

/** What one click needs to send a message: the régua step (or the thank-you) and the ready links. */
export interface Sendable {
  key: string;
  customerId: string;
  customerName: string;
  stepId: string;
  installmentId: string | null;
  channel: MessageChannel;
  phone: string | null;
  whatsappUrl: string | null;
  whatsappUrlWithout9: string | null;
  smsText: string | null;
  email: string | null;
  tooLong: boolean;
  sentAt: string | null;
}

const CHANNEL_BUTTON: Record<MessageChannel, string> = { whatsapp: 'Abrir no WhatsApp', sms: 'Copiar o SMS', email: 'Enviar e-mail' };

const timeOf = (iso: string, timeZone: string) => new Intl.DateTimeFormat('pt-BR', { timeZone, hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

/**
 * One click per message (issue 6 §6): WhatsApp opens wa.me with the text ready — a real link with
 * target=_blank, so the browser opens it from the click itself and the desktop app hands it to the system
 * (electron/security.ts lets only wa.me, tel: and mailto: out); SMS copies the text for the clerk's phone;
 * e-mail goes to the outbox. The same click records the message as a contact (reminders.send).
 */
export function ReminderSend({ item }: { item: Sendable }) {
  const afterSend = useToday((s) => s.afterSend);
  const timeZone = useToday((s) => s.timeZone);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const record = async () => {
    if (busy || item.sentAt) return;
    setBusy(true);
    setError('');
    try {
      const result = await call<RemindersSendResult>('reminders.send', {
        customerId: item.customerId,
        stepId: item.stepId,
        ...(item.installmentId ? { installmentId: item.installmentId } : {}),
        channel: item.channel,
      });
      await afterSend(item.key, new Date().toISOString());
      const who = firstName(item.customerName);
      const text =
        item.channel === 'whatsapp'
          ? `Mensagem para ${who} aberta no WhatsApp. Confira e toque em enviar.`
          : item.channel === 'sms'
            ? `Texto copiado. Cole no SMS para ${item.phone ? formatPhone(item.phone) : who}.`
            : result?.status === 'queued'
              ? `E-mail para ${who} na fila de envio.`
              : `E-mail enviado para ${who}.`;
      notifications.show({ message: text, color: 'teal', autoClose: 4000 });
    } catch (e) {
      setError(e instanceof ApiCallError ? e.message : 'Não foi possível registrar o envio. Tente de novo.');
    } finally {
      setBusy(false);
    }
  };

  const copySms = async () => {
    if (!item.smsText) return;
    try {
      await navigator.clipboard.writeText(item.smsText);
    } catch {
      return setError('Não foi possível copiar. Selecione o texto acima e copie com Ctrl+C.');
    }
    await record();
  };

  if (item.sentAt) {
    return (
      <Group gap="xs" justify="space-between">
        <Text size="sm" fw={500} c={DONE_COLOR}>
          Enviado às {timeOf(item.sentAt, timeZone)}
        </Text>
        {item.channel === 'whatsapp' && item.whatsappUrl && (
          <Anchor href={item.whatsappUrl} target="_blank" rel="noopener noreferrer" size="sm">
            Abrir de novo
          </Anchor>
        )}
      </Group>
    );
  }

  const label = `${CHANNEL_BUTTON[item.channel]}: ${item.customerName}`;
  return (
    <>
      <Group gap="sm" wrap="nowrap">
        {item.channel === 'whatsapp' && item.whatsappUrl && !item.tooLong ? (
          <Button component="a" href={item.whatsappUrl} target="_blank" rel="noopener noreferrer" size="sm" loading={busy} onClick={() => void record()} aria-label={label}>
            {CHANNEL_BUTTON.whatsapp}
          </Button>
        ) : item.channel === 'sms' && item.smsText ? (
          <Button size="sm" loading={busy} onClick={() => void copySms()} aria-label={label}>
            {CHANNEL_BUTTON.sms}
          </Button>
        ) : item.channel === 'email' && item.email ? (
          <Button size="sm" loading={busy} onClick={() => void record()} aria-label={label}>
            {CHANNEL_BUTTON.email}
          </Button>
        ) : (
          <Text size="sm" c="dimmed">
            {item.tooLong ? 'Mensagem longa demais para o WhatsApp: o dono pode encurtar o modelo em Configurações.' : 'Sem como enviar por este canal.'}
          </Text>
        )}
        {item.channel === 'whatsapp' && item.whatsappUrlWithout9 && !item.tooLong && (
          <Anchor href={item.whatsappUrlWithout9} target="_blank" rel="noopener noreferrer" size="sm" onClick={() => void record()}>
            Tentar sem o 9
          </Anchor>
        )}
      </Group>
      {error && (
        <Text size="sm" c="var(--mantine-color-error)" role="alert" mt={4}>
          {error}
        </Text>
      )}
    </>
  );
}
