import { useEffect, useRef } from 'react';
import { Box, Button, Center, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { formatBRL } from '../../../shared/money';
import { Shortcut } from '../../components/Shortcut';
import { useShortcuts } from '../../shell/keys';
import { METHOD_LABELS } from './ledger-types';
import { useReceive, type CounterCustomer, type ReceivedPayment } from './receive-store';

/** Receber, last step: the payment is recorded; print the receipt, see the troco again, or start the next one. */
export function ReceiveDone({ customer, payment }: { customer: CounterCustomer; payment: ReceivedPayment }) {
  const { print, find, account, printing } = useReceive();
  const printButton = useRef<HTMLButtonElement>(null);

  useShortcuts({ F9: () => print(payment.id, '80mm'), Escape: () => find() }, { enabled: !printing });
  useEffect(() => {
    if (!printing) printButton.current?.focus();
  }, [printing]);

  return (
    <Center flex={1} p="xl">
      <Paper withBorder radius="lg" p="xl" maw={620} w="100%" role="status" aria-label="Recebimento confirmado">
        <Stack align="center" gap="xs" ta="center">
          <ThemeIcon size={56} radius="xl" color="teal" variant="light">
            <IconCheck size={32} />
          </ThemeIcon>
          <Title order={2}>Recebimento confirmado</Title>
          <Text size="lg">
            Recibo nº{' '}
            <Text component="span" inherit fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>
              {payment.receiptNumber}
            </Text>
          </Text>
          <Text c="dimmed">
            {formatBRL(payment.amountCents)} {payment.method === 'pix' ? 'por' : 'em'} {METHOD_LABELS[payment.method].toLowerCase().replace('pix', 'PIX')} · {customer.name}
          </Text>
          {payment.method === 'cash' && payment.changeCents > 0 && (
            <Box mt="sm" px="xl" py="sm" bg="teal.0" style={{ borderRadius: 'var(--mantine-radius-md)' }}>
              <Text size="sm" fw={600} c="teal.9">
                Troco
              </Text>
              <Text fz={30} fw={700} c="teal.9" style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="done-change">
                {formatBRL(payment.changeCents)}
              </Text>
            </Box>
          )}
        </Stack>
        <Group justify="center" gap="sm" mt="xl">
          <Button ref={printButton} onClick={() => print(payment.id, '80mm')}>
            Imprimir recibo 80 mm
            <Shortcut keys="F9" />
          </Button>
          <Button variant="default" onClick={() => print(payment.id, 'a4')}>
            Imprimir recibo A4
          </Button>
        </Group>
        <Group justify="center" gap="sm" mt="sm">
          <Button variant="subtle" onClick={() => account(customer, 'find')}>
            Ver extrato
          </Button>
          <Button variant="light" onClick={find}>
            Novo recebimento
            <Shortcut keys="F6" />
          </Button>
        </Group>
      </Paper>
    </Center>
  );
}

function IconCheck({ size = 20 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="m5 12.5 4.5 4.5L19 7.5" />
    </svg>
  );
}
