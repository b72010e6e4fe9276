import { Alert, Badge, Group, Text, Title } from '@mantine/core';
import { formatDateBR } from '../../../shared/dates';
import { Money } from '../../components/Money';
import { ProfileBadge } from '../../components/ProfileBadge';
import type { CallContext } from './call-types';
import classes from './Call.module.css';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The customer's file (issue 7 §1): who they are, what is late today, what happened before, whether to call now. */
export function CustomerFile({ ctx }: { ctx: CallContext }) {
  const f = ctx.facts;
  const lastSale = ctx.purchases[0];
  const wrong = ctx.phones.filter((p) => p.wrongNumber);
  return (
    <section className={classes.file} aria-labelledby="call-file-title">
      <Group gap="xs" wrap="wrap" mb={4}>
        <Title order={2} size="h3" id="call-file-title" m={0}>
          {ctx.customer.name}
        </Title>
      </Group>
      <Group gap="xs" mb="sm">
        <ProfileBadge profile={ctx.profile.kind} reasons={ctx.profile.reasons} />
        {ctx.customer.keyCustomer && (
          <Badge color="brand" variant="outline" style={{ textTransform: 'none' }}>
            cliente estratégico
          </Badge>
        )}
        {f.firstDelay && (
          <Badge color="gray" variant="light" style={{ textTransform: 'none' }}>
            primeiro atraso
          </Badge>
        )}
      </Group>

      <Alert color={ctx.calling.allowed ? 'teal' : 'yellow'} variant="light" py="xs" mb="sm" role="status" title={ctx.calling.allowed ? 'Pode ligar agora' : 'Não ligue agora'}>
        {!ctx.calling.allowed && ctx.calling.reasons.map((r) => <Text size="sm" key={r}>{r}</Text>)}
        {ctx.phoneToUse ? (
          <Text size="sm" className={classes.figures}>
            Ligar para {ctx.phoneToUse.label}
            {f.bestTime ? ` · ${f.bestTime}` : ''}
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

      <Text component="h3" fw={600} size="sm" mt="sm" mb={4}>
        Em atraso hoje: <Money cents={f.overdueCents} late inherit />
      </Text>
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

      {ctx.disputes.filter((d) => d.open).length > 0 && (
        <Alert color="yellow" variant="light" mt="sm" py="xs" title="Contestação aberta">
          {ctx.disputes.filter((d) => d.open).map((d) => <Text size="sm" key={d.id}>{d.kindLabel}</Text>)}
        </Alert>
      )}

      <Text component="h3" fw={600} size="sm" mt="sm" mb={4}>
        Últimos contatos
      </Text>
      {ctx.contacts.length === 0 ? (
        <Text size="sm" c="dimmed">Nenhum contato ainda.</Text>
      ) : (
        <ul className={classes.plain} aria-label="Últimos contatos">
          {ctx.contacts.slice(0, 4).map((k) => (
            <li key={k.id}>
              <Text size="sm">
                {formatDateBR(k.day)} · {k.channelLabel}: {k.outcomeLabel}
                {k.by ? ` (${k.by.split(' ')[0]})` : ''}
              </Text>
            </li>
          ))}
        </ul>
      )}

      {ctx.promises.length > 0 && (
        <>
          <Text component="h3" fw={600} size="sm" mt="sm" mb={4}>
            Promessas
          </Text>
          <ul className={classes.plain} aria-label="Promessas">
            {ctx.promises.slice(0, 3).map((p) => (
              <li key={p.id} className={classes.lineRow}>
                <Text size="sm">
                  {formatDateBR(p.date)} · {p.statusLabel}
                </Text>
                <Money cents={p.amountCents} size="sm" />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

