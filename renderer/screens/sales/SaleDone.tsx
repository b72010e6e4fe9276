import { useEffect, useRef } from 'react';
import { Box, Button, Center, Group, Paper, Stack, Table, Text, ThemeIcon, Title } from '@mantine/core';
import { formatDateBR } from '../../../shared/dates';
import { Money } from '../../components/Money';
import { Shortcut } from '../../components/Shortcut';
import { useShortcuts } from '../../shell/keys';
import { installmentsSummary } from './sale-draft';
import { useSales, type DoneSale } from './sales-store';

/** After "Confirmar venda": the carnê number, what was sold, and the next step — print the carnê. */
export function SaleDone({ sale }: { sale: DoneSale }) {
  const { showPrint, newSale } = useSales();
  const printRef = useRef<HTMLButtonElement>(null);
  useShortcuts({ F9: showPrint, F5: () => newSale() });
  useEffect(() => printRef.current?.focus(), []);

  const count = sale.installments.length;
  const first = sale.installments[0];
  const last = sale.installments[count - 1];
  return (
    <Center h="100%" p="xl" style={{ overflowY: 'auto' }}>
      <Paper withBorder radius="md" p="xl" maw={620} w="100%">
        <Stack gap="lg">
          <Group gap="md" wrap="nowrap" align="flex-start">
            <ThemeIcon size={48} radius="xl" color="teal" variant="light">
              <IconCheck />
            </ThemeIcon>
            <Box>
              <Title order={2}>Venda registrada</Title>
              <Text c="dimmed">
                {sale.customerName} · {sale.description}
              </Text>
            </Box>
          </Group>

          <Box>
            <Text size="sm" c="dimmed">
              Carnê nº
            </Text>
            <Text fz={34} fw={700} lh={1.1} data-testid="carne-number">
              {sale.number}
            </Text>
          </Box>

          <Table withRowBorders={false} verticalSpacing={4} horizontalSpacing={0}>
            <Table.Tbody>
              <Row label="Valor da venda" value={<Money cents={sale.totalCents} fw={600} />} />
              {sale.downPaymentCents > 0 && <Row label="Entrada" value={<Money cents={sale.downPaymentCents} />} />}
              <Row label="Parcelas" value={<Text fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>{installmentsSummary(sale.installments.map((i) => i.amountCents))}</Text>} />
              <Row label="Vencimentos" value={<Text style={{ fontVariantNumeric: 'tabular-nums' }}>{count > 1 ? `de ${formatDateBR(first.dueDate)} a ${formatDateBR(last.dueDate)}` : formatDateBR(first.dueDate)}</Text>} />
            </Table.Tbody>
          </Table>

          <Text size="sm" c="dimmed">
            Entregue o carnê impresso ao cliente e confira com ele os vencimentos.
          </Text>

          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => newSale()}>
              Nova venda
              <Shortcut keys="F5" />
            </Button>
            <Button ref={printRef} onClick={showPrint} leftSection={<IconPrinterSmall />}>
              Imprimir carnê
              <Shortcut keys="F9" />
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Center>
  );
}

function Row({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <Table.Tr>
      <Table.Td c="dimmed" w={160}>
        {label}
      </Table.Td>
      <Table.Td ta="right">{value}</Table.Td>
    </Table.Tr>
  );
}

function IconCheck() {
  return (
    <svg width={26} height={26} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d="m5 12.5 4.5 4.5L19 7.5" />
    </svg>
  );
}

function IconPrinterSmall() {
  return (
    <svg width={20} height={20} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d="M7 9V3.5h10V9M7 17H5a2 2 0 0 1-2-2v-4a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2v4a2 2 0 0 1-2 2h-2" />
      <rect x="7" y="14" width="10" height="7" rx="1" />
    </svg>
  );
}
