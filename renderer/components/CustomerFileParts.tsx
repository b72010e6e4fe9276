import { Alert, Badge, Group, Text } from '@mantine/core';
import { formatDateBR } from '../../shared/dates';
import type { CallContext } from '../screens/call/call-types';
import { Money } from './Money';
import { ProfileBadge } from './ProfileBadge';
import { LATE_COLOR } from '../theme';
import classes from './CustomerFileParts.module.css';

// The pieces of the customer's file (calls.context, issue 7 §1). The call screen stacks them in a narrow panel
// (screens/call/CustomerFile.tsx); the customer's page in Clientes lays them out wide
// (screens/customers/CustomerPage.tsx). One source, so both always say the same thing the same way.

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Profile, cliente estratégico, primeiro atraso. */
export function FileBadges({ ctx }: { ctx: CallContext }) {
  return (
    <Group gap="xs">
      <ProfileBadge profile={ctx.profile.kind} reasons={ctx.profile.reasons} />
      {ctx.customer.keyCustomer && (
        <Badge color="brand" variant="outline" style={{ textTransform: 'none' }}>
          cliente estratégico
        </Badge>
      )}
      {ctx.facts.firstDelay && (
        <Badge color="gray" variant="light" style={{ textTransform: 'none' }}>
          primeiro atraso
        </Badge>
      )}
    </Group>
  );
}

/** Why the profile is what it is, spelled out (the badge only shows it on hover). */
export function ProfileReasons({ ctx }: { ctx: CallContext }) {
  if (!ctx.profile.reasons.length) return null;
  return (
    <ul className={classes.reasons} aria-label={`Por que o perfil é ${ctx.profile.label}`}>
      {ctx.profile.reasons.map((r) => (
        <li key={r}>{r}</li>
      ))}
    </ul>
  );
}

/** Whether calling is allowed right now and why not; which phone to use and which are wrong. */
export function CallingNow({ ctx }: { ctx: CallContext }) {
  const wrong = ctx.phones.filter((p) => p.wrongNumber);
  return (
    <Alert color={ctx.calling.allowed ? 'teal' : 'yellow'} variant="light" py="xs" role="status" title={ctx.calling.allowed ? 'Pode ligar agora' : 'Não ligue agora'}>
      {!ctx.calling.allowed && ctx.calling.reasons.map((r) => <Text size="sm" key={r}>{r}</Text>)}
      {ctx.phoneToUse ? (
        <Text size="sm" className={classes.figures}>
          Ligar para {ctx.phoneToUse.label}
          {ctx.facts.bestTime ? ` · ${ctx.facts.bestTime}` : ''}
        </Text>
      ) : (
        <Text size="sm">Sem telefone para ligar.</Text>
      )}
      {wrong.length > 0 && (
        <Text size="sm" c="dimmed">
          Número errado, não ligar: {wrong.map((p) => p.label).join(', ')}
        </Text>
      )}
    </Alert>
  );
}

/** Customer since, purchases, on-time record, the first-purchase note. */
export function FileFacts({ ctx }: { ctx: CallContext }) {
  const f = ctx.facts;
  const lastSale = ctx.purchases[0];
  return (
    <dl className={classes.facts}>
      <dt>Cliente desde</dt>
      <dd>{formatDateBR(ctx.customer.customerSince)}</dd>
      <dt>Compras</dt>
      <dd>
        {plural(f.purchaseCount, 'compra', 'compras')}
        {lastSale ? ` · última: ${lastSale.description}` : ''}
      </dd>
      <dt>Em dia</dt>
      <dd>{f.onTimePaidCount ? `${plural(f.onTimePaidCount, 'parcela paga', 'parcelas pagas')} em dia` : 'Nenhuma parcela paga em dia ainda'}</dd>
      {f.firstPurchase && (
        <>
          <dt>Atenção</dt>
          <dd>Primeira compra: confirme se o produto e o carnê chegaram.</dd>
        </>
      )}
    </dl>
  );
}

/** What they bought, newest first. */
export function PurchaseList({ ctx }: { ctx: CallContext }) {
  if (!ctx.purchases.length) return <Text size="sm" c="dimmed">Nenhuma compra no crediário ainda.</Text>;
  return (
    <ul className={classes.plain} aria-label="Compras">
      {ctx.purchases.map((p) => (
        <li key={p.id} className={classes.lineRow}>
          <span>
            {formatDateBR(p.date)} · {p.description}
            <Text component="span" size="xs" c="dimmed" display="block">
              Venda {p.number} · {plural(p.installmentCount, 'parcela', 'parcelas')}
            </Text>
          </span>
          <Money cents={p.totalCents} size="sm" />
        </li>
      ))}
    </ul>
  );
}

/** "Em atraso hoje: R$ …", the title of the overdue list. */
export function OverdueTitle({ ctx }: { ctx: CallContext }) {
  return (
    <Text component="h3" fw={600} size="sm" mt="sm" mb={4}>
      Em atraso hoje: <Money cents={ctx.facts.overdueCents} late inherit />
    </Text>
  );
}

/** The overdue parcelas with what each owes today (multa and juros included). */
export function OverdueList({ ctx }: { ctx: CallContext }) {
  if (!ctx.installments.length) return <Text size="sm" c="dimmed">Nenhuma parcela em atraso.</Text>;
  return (
    <ul className={classes.plain} aria-label="Parcelas em atraso">
      {ctx.installments.map((i) => (
        <li key={i.id} className={classes.lineRow}>
          <span>
            {i.saleNumber} · {i.number}/{i.count} · venceu {formatDateBR(i.dueDate)} ({plural(i.daysLate, 'dia', 'dias')})
            {i.fineCents + i.interestCents > 0 && (
              <Text component="span" size="xs" c="dimmed" display="block">
                com multa e juros de hoje
              </Text>
            )}
          </span>
          <Money cents={i.totalDueCents} size="sm" />
        </li>
      ))}
    </ul>
  );
}

/** Open disputes pause collection: shown as a warning. `all` also lists the resolved ones (the page). */
export function Disputes({ ctx, all = false }: { ctx: CallContext; all?: boolean }) {
  const open = ctx.disputes.filter((d) => d.open);
  const closed = all ? ctx.disputes.filter((d) => !d.open) : [];
  return (
    <>
      {open.length > 0 && (
        <Alert color="yellow" variant="light" mt="sm" py="xs" title="Contestação aberta">
          {open.map((d) => (
            <Text size="sm" key={d.id}>
              {d.kindLabel}
              {all && d.notes ? `: ${d.notes}` : ''}
            </Text>
          ))}
        </Alert>
      )}
      {closed.length > 0 && (
        <Text size="sm" c="dimmed" mt="xs">
          Contestações resolvidas: {closed.map((d) => d.kindLabel).join(', ')}
        </Text>
      )}
    </>
  );
}

/** The last contacts: day, channel, outcome, who. `notes` adds what was written down. */
export function ContactList({ ctx, limit, notes = false }: { ctx: CallContext; limit: number; notes?: boolean }) {
  if (!ctx.contacts.length) return <Text size="sm" c="dimmed">Nenhum contato ainda.</Text>;
  return (
    <ul className={classes.plain} aria-label="Últimos contatos">
      {ctx.contacts.slice(0, limit).map((k) => (
        <li key={k.id}>
          <Text size="sm">
            {formatDateBR(k.day)} · {k.channelLabel}: {k.outcomeLabel}
            {k.by ? ` (${k.by.split(' ')[0]})` : ''}
          </Text>
          {notes && k.notes && (
            <Text size="xs" c="dimmed">
              {k.notes}
            </Text>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Promises, newest first, kept or broken. */
export function PromiseList({ ctx, limit }: { ctx: CallContext; limit: number }) {
  return (
    <ul className={classes.plain} aria-label="Promessas">
      {ctx.promises.slice(0, limit).map((p) => (
        <li key={p.id} className={classes.lineRow}>
          <Text size="sm">
            {formatDateBR(p.date)} ·{' '}
            <Text component="span" inherit c={p.kept ? 'teal.9' : p.broken ? LATE_COLOR : undefined} fw={p.kept || p.broken ? 600 : undefined}>
              {p.statusLabel}
            </Text>
          </Text>
          <Money cents={p.amountCents} size="sm" />
        </li>
      ))}
    </ul>
  );
}

/** A small heading inside the file. */
export function FileHeading({ children, mt = 'sm' }: { children: React.ReactNode; mt?: string | number }) {
  return (
    <Text component="h3" fw={600} size="sm" mt={mt} mb={4}>
      {children}
    </Text>
  );
}
