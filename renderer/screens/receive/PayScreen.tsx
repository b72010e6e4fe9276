import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Box, Button, Center, Checkbox, EmptyState, Grid, Group, Loader, Paper, SegmentedControl, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { call, ApiCallError } from '../../api';
import { formatBRL } from '../../../shared/money';
import { formatDateBR } from '../../../shared/dates';
import { formatCpf } from '../../../shared/cpf';
import { IconCash } from '../../components/icons';
import { Money } from '../../components/Money';
import { ProfileBadge } from '../../components/ProfileBadge';
import { Shortcut } from '../../components/Shortcut';
import { useShortcuts } from '../../shell/keys';
import { LATE_COLOR } from '../../theme';
import { MoneyInput } from '../../components/MoneyInput';
import { METHODS, METHOD_LABELS, newIdempotencyKey, type PaymentMethod, type Quote, type QuoteItem, type ReceiveResult } from './ledger-types';
import { useReceive, type CounterCustomer } from './receive-store';
import { ChargesWaiver } from './ChargesWaiver';
import classes from './Receive.module.css';

const METHOD_KEYS: Record<PaymentMethod, string> = { cash: 'Alt+1', pix: 'Alt+2', card: 'Alt+3', transfer: 'Alt+4' };

const byDueDate = (a: QuoteItem, b: QuoteItem) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.saleNumber.localeCompare(b.saleNumber) || a.number - b.number);

const daysText = (days: number) => (days === 1 ? '1 dia' : `${days} dias`);

/**
 * Receber, second step (CONVENTIONS.md "Receiving parcelas at the counter"): the customer's open parcelas with
 * what each owes today, as `payments.quote` computes it; tick the ones being paid, see the total, type what was
 * received and how, see the troco, confirm.
 */
export function PayScreen({ customer }: { customer: CounterCustomer }) {
  const { find, done, account } = useReceive();
  const [all, setAll] = useState<Quote | null>(null);
  const [loadError, setLoadError] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const [picked, setPicked] = useState<Quote | null>(null);
  const [quoting, setQuoting] = useState(false);
  const [amount, setAmount] = useState(0);
  const [amountTouched, setAmountTouched] = useState(false);
  const [method, setMethod] = useState<PaymentMethod>('cash');
  const [handed, setHanded] = useState(0);
  const [saving, setSaving] = useState(false);
  const [amountError, setAmountError] = useState('');
  const [formError, setFormError] = useState('');
  const [waiverOpen, setWaiverOpen] = useState(false);
  const [waiver, setWaiver] = useState(0);
  const [ownerPin, setOwnerPin] = useState('');
  const [waiverError, setWaiverError] = useState('');
  const [pinError, setPinError] = useState('');
  const amountRef = useRef<HTMLInputElement>(null);
  const handedRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const quoteSeq = useRef(0);
  const firstSelection = useRef(true);

  // Every open parcela, oldest first, all ticked to begin with.
  useEffect(() => {
    let alive = true;
    call<Quote>('payments.quote', { customerId: customer.id })
      .then((q) => {
        if (!alive) return;
        const items = [...q.items].sort(byDueDate);
        setAll({ ...q, items });
        setPicked({ ...q, items });
        setSelected(items.map((i) => i.installmentId));
        setAmount(q.totalCents);
      })
      .catch((e: unknown) => alive && setLoadError(e instanceof ApiCallError ? e.message : 'Não foi possível calcular as parcelas.'));
    return () => {
      alive = false;
    };
  }, [customer.id]);

  // Ticking or unticking asks the backend again for exactly the picked parcelas (it owns every charge).
  useEffect(() => {
    if (!all) return;
    if (firstSelection.current) {
      firstSelection.current = false;
      return;
    }
    const mine = ++quoteSeq.current;
    if (!selected.length) {
      setPicked({ asOf: all.asOf, items: [], totalCents: 0 });
      setQuoting(false);
      return;
    }
    setQuoting(true);
    call<Quote>('payments.quote', { customerId: customer.id, installmentIds: selected })
      .then((q) => mine === quoteSeq.current && setPicked(q))
      .catch((e: unknown) => mine === quoteSeq.current && setFormError(e instanceof ApiCallError ? e.message : 'Não foi possível calcular o total.'))
      .finally(() => mine === quoteSeq.current && setQuoting(false));
  }, [selected, all, customer.id]);

  const charges = (picked?.items ?? []).reduce((s, i) => s + i.fineCents + i.interestCents, 0);
  // What the ticked parcelas cost today, less the discount on charges the clerk gave.
  const total = (picked?.totalCents ?? 0) - Math.min(waiver, charges);
  // The amount follows the total until the clerk types another one.
  useEffect(() => {
    if (!amountTouched) setAmount(total);
  }, [total, amountTouched]);

  // One key per payment as it stands: a retry of the same payment (lost answer, double F10) never pays twice;
  // changing anything makes it a new payment with a fresh key.
  const draftKey = useMemo(() => newIdempotencyKey(), [customer.id, selected, amount, method, waiver]);
  const clearWaiver = () => {
    setWaiver(0);
    setOwnerPin('');
    setWaiverError('');
    setPinError('');
  };

  const pickedById = useMemo(() => new Map((picked?.items ?? []).map((i) => [i.installmentId, i])), [picked]);
  const isSelected = (id: string) => selected.includes(id);
  const toggle = (id: string) => {
    if (!all) return;
    const next = isSelected(id) ? selected.filter((s) => s !== id) : [...selected, id];
    // Keep the table's order (oldest first) in what goes to the backend.
    const order = all.items.map((i) => i.installmentId);
    setSelected(order.filter((o) => next.includes(o)));
    clearWaiver();
    setAmountTouched(false);
    setAmountError('');
  };
  const toggleAll = () => {
    if (!all) return;
    setSelected(selected.length === all.items.length ? [] : all.items.map((i) => i.installmentId));
    clearWaiver();
    setAmountTouched(false);
    setAmountError('');
  };

  const change = method === 'cash' && handed > 0 ? handed - amount : 0;
  const handedShort = method === 'cash' && handed > 0 && handed < amount;
  const over = amount > total;
  const partial = amount > 0 && amount < total;
  const waiverTooBig = waiver > charges;
  const canConfirm = !!picked && selected.length > 0 && !quoting && amount > 0 && !over && !handedShort && !waiverTooBig && !saving;

  const submit = async () => {
    if (saving) return;
    if (!selected.length) return setFormError('Marque ao menos uma parcela.');
    if (amount <= 0) {
      setAmountError('Informe o valor recebido.');
      return amountRef.current?.focus();
    }
    if (over) {
      setAmountError(`O valor passa do total a pagar (${formatBRL(total)}). Para receber mais, marque outra parcela.`);
      return amountRef.current?.focus();
    }
    if (handedShort) return handedRef.current?.focus();
    if (!canConfirm) return;
    setSaving(true);
    setFormError('');
    try {
      const r = await call<ReceiveResult>('payments.receive', {
        customerId: customer.id,
        amountCents: amount,
        method,
        installmentIds: selected,
        ...(waiver > 0 ? { waiveChargesCents: waiver, ...(ownerPin ? { approvalPin: ownerPin } : {}) } : {}),
        idempotencyKey: draftKey,
      });
      done(customer, { id: r.id, receiptNumber: r.receiptNumber, amountCents: r.amountCents, method, changeCents: Math.max(0, change) });
    } catch (e) {
      setSaving(false);
      if (!(e instanceof ApiCallError)) return setFormError('Não foi possível confirmar. Tente de novo.');
      const onAmount = e.issues.find((i) => i.path === 'amountCents');
      if (e.issues.some((i) => i.path === 'approvalPin')) return setPinError(e.message);
      if (e.issues.some((i) => i.path === 'waiveChargesCents')) return setWaiverError(e.message);
      if (onAmount || /Valor maior que o devido/.test(e.message)) {
        setAmountError(e.kind === 'conflict' ? e.message : (onAmount?.message ?? e.message));
        amountRef.current?.focus();
      } else setFormError(e.message);
    }
  };

  useShortcuts({
    Escape: () => find(),
    F10: () => void submit(),
    ...Object.fromEntries(
      METHODS.map((m, i) => [
        String(i + 1),
        (e: KeyboardEvent) => {
          if (!e.altKey) return false;
          setMethod(m);
        },
      ]),
    ),
  });

  const header = (
    <Group justify="space-between" wrap="nowrap" align="flex-start">
      <Box miw={0}>
        <Text size="sm" c="dimmed" fw={500}>
          Receber de
        </Text>
        <Group gap="sm" wrap="nowrap">
          <Title order={2} lineClamp={1}>
            {customer.name}
          </Title>
          {customer.profile && <ProfileBadge profile={customer.profile} reasons={customer.profileReasons} />}
        </Group>
        <Text size="sm" c="dimmed" className={classes.figures}>
          CPF {formatCpf(customer.cpf)}
          {all ? ` · valores calculados para ${formatDateBR(all.asOf)}` : ''}
        </Text>
      </Box>
      <Group gap="sm" wrap="nowrap">
        <Button variant="default" onClick={() => account(customer, 'pay')}>
          Ver extrato
        </Button>
        <Button variant="default" onClick={find}>
          Trocar cliente
          <Shortcut keys="Esc" />
        </Button>
      </Group>
    </Group>
  );

  if (loadError || !all) {
    return (
      <Box className={classes.screen}>
        {header}
        <Center flex={1}>{loadError ? <Alert color="clay" title="Não foi possível abrir as parcelas">{loadError}</Alert> : <Loader aria-label="Calculando as parcelas" />}</Center>
      </Box>
    );
  }

  if (!all.items.length) {
    return (
      <Box className={classes.screen}>
        {header}
        <Center flex={1}>
          <EmptyState
            maw={480}
            variant="light"
            icon={<IconCash size={30} />}
            title={`${customer.name.split(' ')[0]} não tem parcelas em aberto.`}
            description="Está tudo pago. O extrato mostra as compras e os pagamentos já feitos."
          >
            <EmptyState.Actions>
              <Button variant="light" onClick={() => account(customer, 'pay')}>
                Ver extrato
              </Button>
              <Button variant="default" onClick={find}>
                Trocar cliente
                <Shortcut keys="Esc" />
              </Button>
            </EmptyState.Actions>
          </EmptyState>
        </Center>
      </Box>
    );
  }

  const allTicked = selected.length === all.items.length;
  return (
    <Box className={classes.screen}>
      {header}

      <Box className={classes.tableFrame}>
        <Table verticalSpacing="xs" horizontalSpacing="xs" highlightOnHover aria-label="Parcelas em aberto">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={44}>
                <Checkbox
                  size="sm"
                  aria-label="Marcar todas as parcelas"
                  checked={allTicked}
                  indeterminate={!allTicked && selected.length > 0}
                  onChange={toggleAll}
                />
              </Table.Th>
              <Table.Th>Carnê nº</Table.Th>
              <Table.Th>Parcela</Table.Th>
              <Table.Th>Vencimento</Table.Th>
              <Table.Th className={`${classes.num} ${classes.wrapHead}`}>Dias em atraso</Table.Th>
              <Table.Th className={classes.num}>Valor</Table.Th>
              <Table.Th className={classes.num}>Multa</Table.Th>
              <Table.Th className={classes.num}>Juros</Table.Th>
              <Table.Th className={classes.num}>Desconto</Table.Th>
              <Table.Th className={classes.num}>Total</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {all.items.map((base) => {
              const ticked = isSelected(base.installmentId);
              const item = (ticked && pickedById.get(base.installmentId)) || base;
              const late = item.daysLate > 0;
              const label = `Parcela ${item.number}/${item.count} do carnê ${item.saleNumber}`;
              return (
                <Table.Tr key={base.installmentId} className={classes.row} data-unticked={!ticked || undefined} onClick={() => toggle(base.installmentId)}>
                  <Table.Td>
                    <Checkbox size="sm" aria-label={label} checked={ticked} onChange={() => toggle(base.installmentId)} onClick={(e) => e.stopPropagation()} />
                  </Table.Td>
                  <Table.Td maw={150}>
                    <Text component="span" fw={500} className={classes.figures}>
                      {item.saleNumber}
                    </Text>
                    <Text size="xs" c="dimmed" truncate="end">
                      {item.description}
                    </Text>
                  </Table.Td>
                  <Table.Td className={classes.figures}>
                    {item.number}/{item.count}
                  </Table.Td>
                  <Table.Td className={classes.figures}>
                    {item.effectiveDueDate !== item.dueDate ? (
                      <Tooltip label={`Caiu em dia sem expediente: vale até ${formatDateBR(item.effectiveDueDate)}.`}>
                        <span>{formatDateBR(item.dueDate)}*</span>
                      </Tooltip>
                    ) : (
                      formatDateBR(item.dueDate)
                    )}
                  </Table.Td>
                  <Table.Td className={classes.num}>
                    {late ? (
                      <Text component="span" c={LATE_COLOR} fw={600}>
                        {daysText(item.daysLate)}
                      </Text>
                    ) : (
                      <Text component="span" c="dimmed">
                        em dia
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td className={classes.num}>
                    <Money cents={item.principalCents} />
                  </Table.Td>
                  <Table.Td className={classes.num}>
                    <Money cents={item.fineCents} late dimZero />
                  </Table.Td>
                  <Table.Td className={classes.num}>
                    <Money cents={item.interestCents} late dimZero />
                  </Table.Td>
                  <Table.Td className={classes.num}>
                    <Money cents={item.discountCents ? -item.discountCents : 0} dimZero />
                  </Table.Td>
                  <Table.Td className={classes.num}>
                    <Money cents={item.totalCents} fw={700} c={late ? LATE_COLOR : undefined} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Box>

      <Paper withBorder radius="md" p="md" className={classes.panel}>
        <Grid gap="lg" align="stretch">
          <Grid.Col span={4}>
            <Stack gap={6} h="100%" justify="space-between">
              <Box>
                <Text fw={600} c="dimmed" size="sm">
                  Total a pagar
                </Text>
                <Group gap="xs" align="center" wrap="nowrap">
                  <Text className={classes.bigTotal} aria-live="polite" data-testid="total-to-pay">
                    {formatBRL(total)}
                  </Text>
                  {quoting && <Loader size="xs" aria-label="Recalculando" />}
                </Group>
                <Text size="sm" c="dimmed">
                  {selected.length === 0 ? 'Marque ao menos uma parcela.' : selected.length === 1 ? '1 parcela marcada' : `${selected.length} parcelas marcadas`}
                  {waiver > 0 && !waiverTooBig ? ` · desconto de ${formatBRL(waiver)} na multa e nos juros` : ''}
                </Text>
              </Box>
              <Button ref={confirmRef} size="lg" fullWidth onClick={() => void submit()} loading={saving} disabled={!canConfirm && !saving}>
                Confirmar recebimento
                <Shortcut keys="F10" />
              </Button>
            </Stack>
          </Grid.Col>
          <Grid.Col span={8}>
            <Stack gap="sm">
              <Box>
                <Text fw={500} size="sm" mb={4} id="method-label">
                  Forma de pagamento
                </Text>
                <SegmentedControl
                  fullWidth
                  size="md"
                  aria-labelledby="method-label"
                  value={method}
                  onChange={(v) => setMethod(v as PaymentMethod)}
                  data={METHODS.map((m) => ({
                    value: m,
                    label: (
                      <span>
                        {METHOD_LABELS[m]}
                        <Shortcut keys={METHOD_KEYS[m]} />
                      </span>
                    ),
                  }))}
                />
              </Box>
              <Group grow align="flex-start" wrap="nowrap">
                <MoneyInput selectOnFocus
                  ref={amountRef}
                  label="Valor recebido"
                  size="md"
                  value={amount}
                  onChange={(c) => {
                    setAmount(c);
                    setAmountTouched(true);
                    setAmountError('');
                  }}
                  onKeyDown={(e) => {
                    if (e.key !== 'Enter') return;
                    e.preventDefault();
                    (method === 'cash' ? handedRef.current : confirmRef.current)?.focus();
                  }}
                  error={amountError || (over ? `Passa do total a pagar (${formatBRL(total)}).` : undefined)}
                />
                {method === 'cash' ? (
                  <MoneyInput selectOnFocus
                    ref={handedRef}
                    label="Valor entregue"
                    size="md"
                    value={handed}
                    onChange={setHanded}
                    onKeyDown={(e) => {
                      if (e.key !== 'Enter') return;
                      e.preventDefault();
                      confirmRef.current?.focus();
                    }}
                    error={handedShort ? `Falta ${formatBRL(amount - handed)} para o valor recebido.` : undefined}
                  />
                ) : (
                  <Box />
                )}
                {method === 'cash' ? (
                  <Box>
                    <Text fw={500} size="sm" mb={4}>
                      Troco
                    </Text>
                    <Text className={classes.change} c={change > 0 ? 'teal.8' : 'dimmed'} aria-live="polite" data-testid="change">
                      {handed > 0 && !handedShort ? formatBRL(change) : '—'}
                    </Text>
                  </Box>
                ) : (
                  <Box />
                )}
              </Group>
              <ChargesWaiver
                chargesCents={charges}
                maxPct={picked?.chargesDiscountMaxPct ?? all.chargesDiscountMaxPct ?? 0}
                open={waiverOpen}
                onOpen={(o) => {
                  setWaiverOpen(o);
                  if (!o) clearWaiver();
                }}
                value={waiver}
                onChange={(c) => {
                  setWaiver(c);
                  setWaiverError('');
                  setPinError('');
                  setAmountTouched(false);
                }}
                pin={ownerPin}
                onPin={(p) => {
                  setOwnerPin(p);
                  setPinError('');
                }}
                error={waiverError}
                pinError={pinError}
              />
              <Text size="sm" c={partial ? LATE_COLOR : 'dimmed'} mih={20}>
                {partial
                  ? `Pagamento parcial: ficam faltando ${formatBRL(total - amount)}. A parcela continua em aberto com o saldo restante.`
                  : method === 'cash'
                    ? handed > 0
                      ? 'O troco não entra no pagamento: só o valor recebido vai para o recibo.'
                      : 'Digite o valor entregue pelo cliente para ver o troco.'
                    : 'O valor recebido vai para o recibo.'}
              </Text>
            </Stack>
          </Grid.Col>
        </Grid>
        {formError && (
          <Alert color="clay" mt="sm" title="Não foi possível confirmar" role="alert">
            {formError}
          </Alert>
        )}
      </Paper>
    </Box>
  );
}
