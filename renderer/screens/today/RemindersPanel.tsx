import { useState } from 'react';
import { Alert, Anchor, Badge, Group, Loader, Text } from '@mantine/core';
import { formatDateBR } from '../../../shared/dates';
import { whatsappLink } from '../../../shared/whatsapp';
import { ReminderSend, type Sendable } from './ReminderSend';
import type { ReminderItem, RemindersList, ThankYouItem } from './today-types';
import { SectionTitle } from './SectionTitle';
import classes from './Today.module.css';

const CHANNEL_NAMES = { whatsapp: 'WhatsApp', sms: 'SMS', email: 'E-mail', phone: 'Ligação' } as const;

// "Tentar sem o 9" (CONVENTIONS.md): built here, on demand, as the contract asks (shared/whatsapp.ts).
const without9 = (channel: string, phone: string | null, text: string): string | null => (channel === 'whatsapp' && phone ? (whatsappLink(phone, text)?.urlWithout9 ?? null) : null);

export const reminderSendable = (r: ReminderItem): Sendable | null =>
  r.channel === 'phone'
    ? null
    : {
        key: r.key,
        customerId: r.customerId,
        customerName: r.customerName,
        stepId: r.stepId,
        installmentId: r.installmentId,
        channel: r.channel,
        phone: r.phone,
        whatsappUrl: r.whatsappUrl,
        whatsappUrlWithout9: without9(r.channel, r.phone, r.text),
        smsText: r.smsText,
        email: r.email,
        tooLong: r.tooLong,
        sentAt: r.sentAt,
      };

// The thank-you after a payoff goes through reminders.send with this step id (shared/contract/reminders.ts).
const THANK_YOU_STEP = 'agradecimento';

const thankYouSendable = (t: ThankYouItem): Sendable | null => {
  const channel = t.channels[0];
  if (!channel) return null;
  return {
    key: t.key,
    customerId: t.customerId,
    customerName: t.customerName,
    stepId: THANK_YOU_STEP,
    installmentId: null,
    channel,
    phone: t.phone,
    whatsappUrl: t.whatsappUrl,
    whatsappUrlWithout9: without9(channel, t.phone, t.text),
    smsText: t.smsText,
    email: t.email,
    tooLong: false,
    sentAt: null,
  };
};

/** Why some steps were left out today, in one quiet line ("3 sem autorização para WhatsApp"). */
function skippedLine(s: RemindersList['skipped']): string | null {
  const parts = [
    s.noWhatsappOptIn && `${s.noWhatsappOptIn} sem autorização para WhatsApp`,
    s.paused && `${s.paused} com lembretes pausados`,
    s.dispute && `${s.dispute} com contestação aberta`,
    s.noPhone && `${s.noPhone} sem celular`,
    s.noEmail && `${s.noEmail} sem e-mail`,
    s.noSmtp && `${s.noSmtp} por e-mail aguardando a conta de envio`,
    s.promisePending && `${s.promisePending} com promessa em andamento`,
  ].filter(Boolean) as string[];
  return parts.length ? `Ficaram de fora hoje: ${parts.join(', ')}.` : null;
}

function MessageCard({ title, subtitle, channel, text, send }: { title: string; subtitle: string; channel: keyof typeof CHANNEL_NAMES; text: string; send: Sendable | null }) {
  const [open, setOpen] = useState(false);
  return (
    <li className={classes.sideCard} data-done={send?.sentAt ? true : undefined}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text fw={600} truncate="end" title={title}>
          {title}
        </Text>
        <Badge size="md" color={channel === 'whatsapp' ? 'teal' : 'gray'} style={{ textTransform: 'none', flex: 'none' }}>
          {CHANNEL_NAMES[channel]}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed">
        {subtitle}
      </Text>
      {/* The padding sits outside the clamped text, or a third line would peek through it. */}
      <div className={classes.message}>
        <Text component="div" inherit lineClamp={open ? undefined : 2}>
          {text}
        </Text>
      </div>
      <Anchor component="button" type="button" size="sm" onClick={() => setOpen((o) => !o)} aria-expanded={open} mb={6}>
        {open ? 'Mostrar menos' : 'Ver a mensagem inteira'}
      </Anchor>
      {send ? <ReminderSend item={send} /> : <Text size="sm">Ligação da régua: está na lista ao lado quando as regras permitem.</Text>}
    </li>
  );
}

/** The régua's messages due today — before a due date, after it, the day before a promise: one click each. */
export function RemindersSection({ data, error, loading = false }: { data: RemindersList | null; error: string | null; loading?: boolean }) {
  if (error) {
    return (
      <Alert color="clay" title="Não foi possível ler os lembretes">
        {error}
      </Alert>
    );
  }
  if (!data && loading) {
    return (
      <section aria-labelledby="today-reminders-title" aria-busy="true">
        <SectionTitle id="today-reminders-title" title="Lembretes para enviar" />
        <Group gap="xs">
          <Loader size="xs" aria-label="Preparando os lembretes" />
          <Text size="sm" c="dimmed">
            Preparando os lembretes de hoje…
          </Text>
        </Group>
      </section>
    );
  }
  if (!data) return null;
  // Phone steps of the régua are calls: they come through the list on the left when the rules allow.
  const messages = data.reminders.filter((r) => r.channel !== 'phone');
  const pending = messages.filter((r) => !r.sentAt).length;
  const skipped = skippedLine(data.skipped);
  return (
    <section aria-labelledby="today-reminders-title">
      <SectionTitle id="today-reminders-title" title="Lembretes para enviar" count={messages.length ? `${pending} de ${messages.length} a enviar` : undefined} />
      {data.notes.map((n) => (
        <Alert key={n} color="yellow" variant="light" mb="xs" p="xs">
          <Text size="sm">{n}</Text>
        </Alert>
      ))}
      {messages.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nenhum lembrete para hoje. As mensagens da régua de cobrança aparecem aqui nos dias certos.
        </Text>
      ) : (
        <ul className={classes.plainList} aria-label="Lembretes de hoje">
          {messages.map((r) => (
            <MessageCard key={r.key} title={r.customerName} subtitle={`${r.stepLabel} · ${r.reason}`} channel={r.channel} text={r.text} send={reminderSendable(r)} />
          ))}
        </ul>
      )}
      {data.total > data.reminders.length && (
        <Text size="sm" c="dimmed" mt="xs">
          {`Mostrando ${data.reminders.length} de ${data.total.toLocaleString('pt-BR')} lembretes de hoje, os que faltam enviar primeiro. Atualize a lista (F4) para ver os próximos.`}
        </Text>
      )}
      {skipped && (
        <Text size="xs" c="dimmed" mt="xs">
          {skipped}
        </Text>
      )}
    </section>
  );
}

/** Customers who paid everything off lately: a thank-you (DOMAIN.md), one click each. */
export function ThankYousSection({ data }: { data: RemindersList | null }) {
  if (!data) return null;
  return (
    <section aria-labelledby="today-thanks-title">
      <SectionTitle id="today-thanks-title" title="Agradecimentos" count={data.thankYous.length ? String(data.thankYous.length) : undefined} />
      {data.thankYous.length === 0 ? (
        <Text size="sm" c="dimmed">
          Quando um cliente quitar tudo, sugerimos aqui uma mensagem de agradecimento.
        </Text>
      ) : (
        <ul className={classes.plainList} aria-label="Agradecimentos a enviar">
          {data.thankYous.map((t) => {
            const send = thankYouSendable(t);
            return <MessageCard key={t.key} title={t.customerName} subtitle={`Quitou tudo em ${formatDateBR(t.paidOffOn).slice(0, 5)}: um obrigado`} channel={send?.channel ?? 'whatsapp'} text={t.text} send={send} />;
          })}
        </ul>
      )}
    </section>
  );
}
