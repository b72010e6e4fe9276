import { Alert, Button, Center, Drawer, Group, Loader, Table, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { drillCsv } from '../../../shared/csv/dashboard-tables';
import { formatDateBR } from '../../../shared/dates';
import { Money } from '../../components/Money';
import { openCustomerFile } from '../../store/customers';
import { count } from './dashboard-text';
import { useDashboard } from './dashboard-store';
import { csvFileName, downloadCsv } from './download';
import { EmptyRow, Th } from './parts';
import classes from './Dashboard.module.css';

/** Opens the customer's file (Clientes); Painel keeps its period and charts for the way back (F7). */
function openCustomer(id: string) {
  useDashboard.getState().closeDrill();
  openCustomerFile(id);
}

/** The customers or payments behind a bar or a figure, in a side panel; a name opens the customer's file. */
export function DrillPanel() {
  const drill = useDashboard((s) => s.drill);
  const period = useDashboard((s) => s.period);
  const close = useDashboard((s) => s.closeDrill);
  const result = drill?.result;
  const title = result?.title || drill?.caption || '';
  const shownAll = !!result && result.total <= result.items.length;

  return (
    <Drawer opened={!!drill} onClose={close} position="right" size={560} title={title} closeButtonProps={{ 'aria-label': 'Fechar a lista' }} styles={{ title: { fontWeight: 600, fontSize: 'var(--mantine-font-size-lg)' } }}>
      {drill?.status === 'loading' && (
        <Center py="xl">
          <Loader aria-label="Buscando os clientes" />
        </Center>
      )}
      {drill?.status === 'error' && (
        <Alert color="clay" role="alert" title="Não foi possível abrir a lista">
          {drill.error}
        </Alert>
      )}
      {result && (
        <>
          <Group justify="space-between" mb="sm" wrap="nowrap">
            <Text size="sm" c="dimmed">
              {!shownAll ? `Mostrando ${count(result.items.length)} de ${count(result.total)}. ` : `${count(result.total)} ${result.total === 1 ? 'item' : 'itens'}. `}
              Clique num nome para abrir a ficha.
            </Text>
            <Button variant="default" onClick={() => period && downloadCsv(csvFileName('detalhe', period.from, period.to), drillCsv(result.items))} aria-label={`Exportar CSV: ${title}`} style={{ flex: 'none' }} disabled={result.items.length === 0}>
              Exportar CSV
            </Button>
          </Group>
          <Table className={classes.table} verticalSpacing={2} aria-label={title}>
            <Table.Thead>
              <Table.Tr>
                <Th>Cliente</Th>
                <Th>Data</Th>
                <Th num>Valor</Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.items.map((item, i) => (
                <Table.Tr key={`${item.customerId}-${i}`}>
                  <Table.Td>
                    <UnstyledButton className={classes.customer} onClick={() => openCustomer(item.customerId)} title={`Abrir a ficha de ${item.name}`}>
                      <Text span fw={600} size="sm" display="block">
                        {item.name}
                      </Text>
                      <Text span size="xs" c="dimmed" display="block">
                        {item.detail}
                      </Text>
                      <VisuallyHidden>: abrir a ficha</VisuallyHidden>
                    </UnstyledButton>
                  </Table.Td>
                  <Table.Td className={classes.num}>{item.date ? formatDateBR(item.date.slice(0, 10)) : '—'}</Table.Td>
                  <Table.Td ta="right">
                    <Money cents={item.amountCents} size="sm" />
                  </Table.Td>
                </Table.Tr>
              ))}
              {result.items.length === 0 && <EmptyRow cols={3} text="Nenhum cliente por trás deste número." />}
            </Table.Tbody>
            {result.items.length > 0 && (
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Td colSpan={2} fw={600}>
                    {shownAll ? 'Total' : `Total dos ${count(result.items.length)} mostrados`}
                  </Table.Td>
                  <Table.Td ta="right">
                    <Money cents={result.items.reduce((s, i) => s + i.amountCents, 0)} size="sm" fw={600} />
                  </Table.Td>
                </Table.Tr>
              </Table.Tfoot>
            )}
          </Table>
        </>
      )}
    </Drawer>
  );
}
