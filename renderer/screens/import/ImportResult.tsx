import { Alert, Box, ScrollArea, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import type { ImportRunResult } from '../../../shared/contract/import';
import { Money } from '../../components/Money';

export const plural = (n: number, one: string, many: string) => `${n.toLocaleString('pt-BR')} ${n === 1 ? one : many}`;

/** The dry run's answer: what will be created, then every bad row with its reason, then the notes. */
export function ImportResult({ answer }: { answer: ImportRunResult }) {
  const s = answer.summary;
  const badLines = new Set(answer.errors.map((e) => e.line)).size;
  return (
    <Stack gap="sm">
      <SimpleGrid cols={6} spacing="xs" data-testid="import-totals">
        <Figure label="Clientes" value={s.customersNew.toLocaleString('pt-BR')} hint={s.customersExisting ? `+ ${plural(s.customersExisting, 'já cadastrado', 'já cadastrados')}` : 'novos'} />
        <Figure label="Vendas (carnês)" value={s.sales.toLocaleString('pt-BR')} />
        <Figure label="Parcelas" value={s.installments.toLocaleString('pt-BR')} hint={s.paidInstallments ? `${plural(s.paidInstallments, 'já paga', 'já pagas')} (histórico)` : undefined} />
        <Figure label="Em aberto" value={<Money cents={s.openCents} fw={600} size="lg" />} />
        <Figure label="Vencido" value={<Money cents={s.overdueCents} fw={600} size="lg" />} hint="dentro do valor em aberto" />
        <Figure label="Linhas lidas" value={answer.rows.toLocaleString('pt-BR')} />
      </SimpleGrid>
      {answer.errors.length === 0 ? (
        <Alert color="teal" title="Tudo certo com a planilha">
          Nenhuma linha com problema. Clique em Importar (F10) para gravar tudo de uma vez.
        </Alert>
      ) : (
        <>
          <Alert color="clay" title={`${plural(badLines, 'linha precisa', 'linhas precisam')} de correção`}>
            Nada foi gravado. Corrija {badLines === 1 ? 'a linha' : 'as linhas'} na planilha, salve e escolha o arquivo de novo: as colunas que você escolheu continuam
            valendo. A importação é tudo ou nada.
          </Alert>
          <Lines title="Linhas com problema" items={answer.errors} />
        </>
      )}
      {answer.warnings.length > 0 && (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            Para conferir ({answer.warnings.length.toLocaleString('pt-BR')}) — não impedem a importação
          </Text>
          <Lines title="Avisos" items={answer.warnings} max={140} />
        </Stack>
      )}
    </Stack>
  );
}

function Lines({ title, items, max = 220 }: { title: string; items: { line: number; message: string }[]; max?: number }) {
  return (
    <ScrollArea.Autosize mah={max} type="auto" offsetScrollbars viewportProps={{ tabIndex: 0, 'aria-label': title }}>
      <Table stickyHeader striped verticalSpacing={5} aria-label={title}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={80} ta="right">
              Linha
            </Table.Th>
            <Table.Th>{title === 'Avisos' ? 'Aviso' : 'O que corrigir'}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.slice(0, 500).map((e, i) => (
            <Table.Tr key={i}>
              <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {e.line.toLocaleString('pt-BR')}
              </Table.Td>
              <Table.Td>{e.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {items.length > 500 && (
        <Text size="sm" c="dimmed" p="xs">
          … e mais {(items.length - 500).toLocaleString('pt-BR')}. Corrija estas primeiro e confira de novo.
        </Text>
      )}
    </ScrollArea.Autosize>
  );
}

function Figure({ label, value, hint }: { label: string; value: React.ReactNode; hint?: string }) {
  return (
    <Box p="xs" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 'var(--mantine-radius-md)' }} aria-label={label}>
      <Text size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text fw={600} size="lg" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Box>
  );
}
