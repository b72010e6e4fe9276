import { Box, Center, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { formatDateBR } from '../../../shared/dates';
import { Money } from '../../components/Money';
import { installmentsSummary, shortDateBR } from './sale-draft';
import classes from './SaleForm.module.css';

export interface PreviewResult {
  financedCents: number;
  installments: { number: number; dueDate: string; effectiveDueDate: string; amountCents: number; closedReason: string | null }[];
  totalToPayCents: number;
}

interface Props {
  preview: PreviewResult | null;
  loading: boolean;
  /** the preview could not be made: a sentence saying what to fix */
  problem: string | null;
  totalCents: number;
  downPaymentCents: number;
}

/** The carnê as it will be printed, recomputed by the backend (`sales.preview`) as the clerk types. */
export function CarnePreview({ preview, loading, problem, totalCents, downPaymentCents }: Props) {
  if (!preview) {
    return (
      <Center className={classes.previewEmpty}>
        {loading ? (
          <Loader aria-label="Calculando o carnê" />
        ) : (
          <Text c="dimmed" ta="center" maw={360}>
            {problem ?? 'Informe o valor total, o número de parcelas e o primeiro vencimento para ver as parcelas do carnê.'}
          </Text>
        )}
      </Center>
    );
  }
  const count = preview.installments.length;
  const interestCents = preview.totalToPayCents - totalCents;
  return (
    <Stack gap={0} className={classes.previewBody} aria-busy={loading} aria-label="Prévia do carnê" role="region">
      <Group justify="space-between" px="md" py="sm" className={classes.previewSummary} wrap="nowrap">
        <Text fw={600} size="lg" style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="preview-summary">
          {installmentsSummary(preview.installments.map((i) => i.amountCents))}
        </Text>
        {loading && <Loader size="sm" aria-label="Atualizando" />}
      </Group>
      <Box className={classes.previewScroll}>
        <Table stickyHeader verticalSpacing={6} horizontalSpacing="md" highlightOnHover={false} aria-label="Parcelas do carnê">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={90}>Parcela</Table.Th>
              <Table.Th>Vencimento</Table.Th>
              <Table.Th ta="right">Valor</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.installments.map((p) => {
              const moved = p.effectiveDueDate !== p.dueDate;
              return (
                <Table.Tr key={p.number}>
                  <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {p.number}/{count}
                  </Table.Td>
                  <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {moved ? (
                      <span title={`Vence em ${formatDateBR(p.dueDate)}, dia em que a loja fecha; pode pagar sem multa até ${formatDateBR(p.effectiveDueDate)}.`}>
                        {shortDateBR(p.dueDate)} → {formatDateBR(p.effectiveDueDate)}{' '}
                        <Text component="span" size="sm" c="dimmed">
                          ({p.closedReason})
                        </Text>
                      </span>
                    ) : (
                      formatDateBR(p.dueDate)
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    <Money cents={p.amountCents} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Box>
      <Box px="md" py="sm" className={classes.previewTotals}>
        <TotalLine label="Valor da venda" cents={totalCents} />
        {downPaymentCents > 0 && <TotalLine label="Entrada" cents={downPaymentCents} />}
        <TotalLine label="Financiado" cents={preview.financedCents} />
        {interestCents > 0 && <TotalLine label="Juros do parcelamento" cents={interestCents} />}
        <TotalLine label="Total a pagar" cents={preview.totalToPayCents} strong />
      </Box>
    </Stack>
  );
}

function TotalLine({ label, cents, strong = false }: { label: string; cents: number; strong?: boolean }) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="md">
      <Text size={strong ? 'md' : 'sm'} fw={strong ? 600 : 400} c={strong ? undefined : 'dimmed'}>
        {label}
      </Text>
      <Money cents={cents} fw={strong ? 700 : 500} size={strong ? 'lg' : 'sm'} />
    </Group>
  );
}
