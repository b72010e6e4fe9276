import { useCallback, useEffect, useState } from 'react';
import { Alert, Badge, Box, Button, Center, Grid, Group, Loader, Paper, Stack, Table, Text, TextInput, Timeline, Title, Tooltip } from '@mantine/core';
import { call, ApiCallError } from '../../api';
import { formatDateBR, parseDateBR } from '../../../shared/dates';
import { formatCpf } from '../../../shared/cpf';
import { formatBRL } from '../../../shared/money';
import { maskDateBR } from '../../../shared/ui-format/input-masks';
import { IconBag, IconCash } from '../../components/icons';
import { Money } from '../../components/Money';
import { Shortcut } from '../../components/Shortcut';
import { useShortcuts } from '../../shell/keys';
import { useSession } from '../../store/session';
import { LATE_COLOR } from '../../theme';
import type { InstallmentStatus, Statement, StatementEvent, StatementPayment } from '../receive/ledger-types';
import { useReceive, type CounterCustomer } from '../receive/receive-store';
import { ReverseDialog } from './ReverseDialog';
import classes from './Account.module.css';

/** Status badges of a parcela: a short pt-BR word and a fixed theme colour each. */
const STATUS: Record<InstallmentStatus, { label: string; color: string }> = {
  paid: { label: 'paga', color: 'teal' },
  open: { label: 'em aberto', color: 'brand' },
  overdue: { label: 'vencida', color: 'clay' },
  renegotiated: { label: 'renegociada', color: 'gray' },
};

const EVENT_LOOK: Record<StatementEvent['kind'], { color: string; icon: React.ReactNode }> = {
  sale: { color: 'brand', icon: <IconBag size={14} /> },
  payment: { color: 'teal', icon: <IconCash size={14} /> },
  reversal: { color: 'clay', icon: <IconUndo size={14} /> },
  agreement: { color: 'gray', icon: <IconBag size={14} /> },
};

/**
 * Extrato: the customer's parcelas with their status and what they owe on a chosen date ("Posição em"), the
 * totals, and the history of sales, payments and reversals; each payment opens its receipt or is reversed
 * with the owner's PIN.
 */
export function AccountScreen({ customer, onBack }: { customer: CounterCustomer; onBack(): void }) {
  const today = useSession((s) => s.today) ?? '';
  const { pay, print, printing } = useReceive();
  const [asOf, setAsOf] = useState(today);
  const [asOfText, setAsOfText] = useState(today ? formatDateBR(today) : '');
  const [asOfError, setAsOfError] = useState('');
  const [data, setData] = useState<Statement | null>(null);
  const [error, setError] = useState('');
  const [reversing, setReversing] = useState<StatementPayment | null>(null);

  const load = useCallback(() => {
    let alive = true;
    call<Statement>('accounts.statement', { customerId: customer.id, ...(asOf ? { asOf } : {}) })
      .then((s) => alive && (setData(s), setError('')))
      .catch((e: unknown) => alive && setError(e instanceof ApiCallError ? e.message : 'Não foi possível abrir o extrato.'));
    return () => {
      alive = false;
    };
  }, [customer.id, asOf]);
  useEffect(load, [load]);

  useShortcuts({ Escape: onBack }, { enabled: !reversing && !printing });

  const onAsOf = (typed: string) => {
    const masked = maskDateBR(typed);
    setAsOfText(masked);
    if (masked.length < 10) return setAsOfError('');
    const date = parseDateBR(masked);
    if (!date) return setAsOfError('Data inválida. Use dd/mm/aaaa.');
    if (today && date > today) return setAsOfError(`Escolha até hoje (${formatDateBR(today)}).`);
    setAsOfError('');
    setAsOf(date);
  };
  const backToToday = () => {
    setAsOf(today);
    setAsOfText(formatDateBR(today));
    setAsOfError('');
  };

  const payments = new Map((data?.payments ?? []).map((p) => [p.id, p]));
  const paidCount = data?.installments.filter((i) => i.status === 'paid').length ?? 0;
  const lateCount = data?.installments.filter((i) => i.status === 'overdue').length ?? 0;
  const openCount = data?.installments.filter((i) => i.status === 'open').length ?? 0;
  const pastView = !!data && data.asOf !== today;

  return (
    <Box className={classes.screen}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="md">
        <Box miw={0}>
          <Text size="sm" c="dimmed" fw={500}>
            Extrato
          </Text>
          <Title order={2} lineClamp={1}>
            {customer.name}
          </Title>
          <Text size="sm" c="dimmed" className={classes.figures}>
            CPF {formatCpf(customer.cpf)}
          </Text>
        </Box>
        <Group gap="sm" align="flex-end" wrap="nowrap">
          <TextInput
            label="Posição em"
            w={150}
            inputMode="numeric"
            placeholder="dd/mm/aaaa"
            value={asOfText}
            onChange={(e) => onAsOf(e.currentTarget.value)}
            error={asOfError || undefined}
            styles={{ input: { fontVariantNumeric: 'tabular-nums' }, error: { position: 'absolute', maxWidth: 220 } }}
            onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
          />
          {pastView && (
            <Button variant="subtle" onClick={backToToday}>
              Voltar para hoje
            </Button>
          )}
          <Button leftSection={<IconCash size={18} />} onClick={() => pay(customer)}>
            Receber
          </Button>
          <Button variant="default" onClick={onBack}>
            Voltar
            <Shortcut keys="Esc" />
          </Button>
        </Group>
      </Group>

      {error && (
        <Alert color="clay" title="Não foi possível abrir o extrato" mb="md">
          {error}
        </Alert>
      )}
      {!data && !error && (
        <Center h={240}>
          <Loader aria-label="Carregando o extrato" />
        </Center>
      )}
      {data && (
        <>
          {pastView && (
            <Alert color="brand" variant="light" mb="md" py="xs">
              Mostrando a conta como estava em {formatDateBR(data.asOf)}: multa e juros calculados para esse dia; o que veio depois não aparece.
            </Alert>
          )}
          <Grid gap="md" mb="md">
            <Grid.Col span={4}>
              <Paper withBorder radius="md" p="md">
                <Text size="sm" c="dimmed" fw={500}>
                  Em atraso
                </Text>
                <Text className={classes.stat} c={data.overdueCents > 0 ? LATE_COLOR : undefined} data-testid="overdue-total">
                  {formatBRL(data.overdueCents)}
                </Text>
                <Text size="sm" c="dimmed">
                  {lateCount === 0 ? 'Nenhuma parcela vencida' : lateCount === 1 ? '1 parcela vencida, com multa e juros' : `${lateCount} parcelas vencidas, com multa e juros`}
                </Text>
              </Paper>
            </Grid.Col>
            <Grid.Col span={4}>
              <Paper withBorder radius="md" p="md">
                <Text size="sm" c="dimmed" fw={500}>
                  Total em aberto
                </Text>
                <Text className={classes.stat} data-testid="open-total">
                  {formatBRL(data.openCents)}
                </Text>
                <Text size="sm" c="dimmed">
                  Vencidas e a vencer, em {formatDateBR(data.asOf)}
                </Text>
              </Paper>
            </Grid.Col>
            <Grid.Col span={4}>
              <Paper withBorder radius="md" p="md">
                <Text size="sm" c="dimmed" fw={500}>
                  Parcelas
                </Text>
                <Text className={classes.stat}>
                  {paidCount} de {data.installments.length} pagas
                </Text>
                <Text size="sm" c="dimmed">
                  {openCount + lateCount === 0 ? 'Nada em aberto' : `${openCount + lateCount} em aberto${lateCount ? `, sendo ${lateCount} vencida${lateCount > 1 ? 's' : ''}` : ''}`}
                </Text>
              </Paper>
            </Grid.Col>
          </Grid>

          <Grid gap="md" align="flex-start">
            <Grid.Col span={8}>
              <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
                <Text fw={600} px="md" pt="sm" pb="xs">
                  Parcelas
                </Text>
                {data.installments.length === 0 ? (
                  <Text c="dimmed" px="md" pb="md">
                    Nenhuma compra no crediário até {formatDateBR(data.asOf)}.
                  </Text>
                ) : (
                  <Table className={classes.table} verticalSpacing="xs" horizontalSpacing="xs" aria-label="Parcelas do cliente">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>Carnê nº · parcela</Table.Th>
                        <Table.Th>Vencimento</Table.Th>
                        <Table.Th className={classes.num}>Valor</Table.Th>
                        <Table.Th className={classes.num}>Pago</Table.Th>
                        <Table.Th className={classes.num}>A pagar</Table.Th>
                        <Table.Th w={110}>Situação</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {data.installments.map((i) => {
                        const late = i.status === 'overdue';
                        const charges = [i.fineCents ? `multa ${formatBRL(i.fineCents)}` : '', i.interestCents ? `juros ${formatBRL(i.interestCents)}` : '', i.discountCents ? `desconto ${formatBRL(i.discountCents)}` : ''].filter(Boolean);
                        return (
                          <Table.Tr key={i.id} data-testid="statement-installment">
                            <Table.Td>
                              <Text component="span" fw={500} className={classes.figures}>
                                {i.saleNumber} · {i.number}/{i.count}
                              </Text>
                              <Text size="xs" c="dimmed" truncate="end" maw={130}>
                                {i.description}
                              </Text>
                            </Table.Td>
                            <Table.Td className={classes.figures}>{formatDateBR(i.dueDate)}</Table.Td>
                            <Table.Td className={classes.num}>
                              <Money cents={i.amountCents} />
                            </Table.Td>
                            <Table.Td className={classes.num}>
                              <Money cents={i.paidCents} dimZero />
                            </Table.Td>
                            <Table.Td className={classes.num}>
                              <Money cents={i.totalDueCents} late={late} dimZero fw={late ? 700 : 500} />
                              {charges.map((c) => (
                                <Text key={c} size="xs" c="dimmed" className={classes.figures}>
                                  {c}
                                </Text>
                              ))}
                            </Table.Td>
                            <Table.Td>
                              <Badge size="md" color={STATUS[i.status].color} style={{ textTransform: 'none' }}>
                                {STATUS[i.status].label}
                              </Badge>
                              {late && (
                                <Text size="xs" c={LATE_COLOR} fw={500} mt={2} className={classes.figures}>
                                  {i.daysLate === 1 ? '1 dia' : `${i.daysLate} dias`}
                                </Text>
                              )}
                            </Table.Td>
                          </Table.Tr>
                        );
                      })}
                    </Table.Tbody>
                  </Table>
                )}
              </Paper>
            </Grid.Col>

            <Grid.Col span={4}>
              <Paper withBorder radius="md" p="md">
                <Text fw={600} mb="sm">
                  Histórico
                </Text>
                {data.events.length === 0 ? (
                  <Text c="dimmed">Nada registrado até {formatDateBR(data.asOf)}.</Text>
                ) : (
                  <Timeline bulletSize={26} lineWidth={2} aria-label="Histórico da conta">
                    {[...data.events].reverse().map((ev, n) => {
                      const look = EVENT_LOOK[ev.kind];
                      const payment = ev.kind === 'payment' ? payments.get(ev.refId) : undefined;
                      return (
                        <Timeline.Item key={`${ev.kind}-${ev.refId}-${n}`} bullet={look.icon} color={look.color} data-testid="timeline-event" data-kind={ev.kind}>
                          <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
                            <Box miw={0}>
                              <Text size="sm" c="dimmed" className={classes.figures}>
                                {formatDateBR(ev.date)}
                              </Text>
                              <Text fw={500} lh={1.35}>
                                <KeepNumbers text={ev.title} />
                              </Text>
                            </Box>
                            <Money cents={ev.amountCents} fw={600} c={ev.kind === 'reversal' ? LATE_COLOR : undefined} />
                          </Group>
                          {payment && (
                            <Group gap="xs" mt={6}>
                              <Button size="compact-sm" variant="light" onClick={() => print(payment.id, 'a4')}>
                                Ver recibo
                              </Button>
                              {payment.reversed ? (
                                <Tooltip label={`Estornado em ${formatDateBR(payment.reversedOn!)}: ${payment.reversalReason}`}>
                                  <Badge size="md" color="gray" style={{ textTransform: 'none' }} tabIndex={0}>
                                    estornado
                                  </Badge>
                                </Tooltip>
                              ) : (
                                <Button size="compact-sm" variant="subtle" color="red" onClick={() => setReversing(payment)}>
                                  Estornar
                                </Button>
                              )}
                            </Group>
                          )}
                        </Timeline.Item>
                      );
                    })}
                  </Timeline>
                )}
              </Paper>
            </Grid.Col>
          </Grid>
        </>
      )}

      {reversing && (
        <ReverseDialog
          payment={reversing}
          onClose={() => setReversing(null)}
          onDone={() => {
            setReversing(null);
            backToToday();
            load();
          }}
        />
      )}
    </Box>
  );
}

/** Receipt and carnê numbers ("A-000001") never break at their hyphen. */
function KeepNumbers({ text }: { text: string }) {
  return (
    <>
      {text.split(/([A-Z0-9]{1,4}-\d{6})/).map((part, n) =>
        n % 2 ? (
          <span key={n} style={{ whiteSpace: 'nowrap' }}>
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </>
  );
}

function IconUndo({ size = 20 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="M9 14 4 9l5-5" />
      <path d="M4 9h10.5a5.5 5.5 0 0 1 0 11H11" />
    </svg>
  );
}
