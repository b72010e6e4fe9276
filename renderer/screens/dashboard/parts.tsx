import type { ReactNode } from 'react';
import { Badge, Button, Group, Paper, Table, Text, Title, UnstyledButton, VisuallyHidden } from '@mantine/core';
import type { Rate } from '../../../shared/contract/dashboard';
import { pct } from './dashboard-text';
import classes from './Dashboard.module.css';

// Building blocks of the Painel: a section with its sentence and CSV button, a rate with its cases, a cell that
// opens the detail list. Kept apart from the charts so the tables render (and are tested) without recharts.

export function Section({ title, sentence, onCsv, children, id }: { title: string; sentence: ReactNode; onCsv?: () => void; children: ReactNode; id?: string }) {
  const headingId = id ? `${id}-titulo` : undefined;
  return (
    <Paper component="section" withBorder radius="md" p="md" className={classes.section} aria-labelledby={headingId}>
      <Group justify="space-between" align="center" wrap="nowrap" gap="sm">
        <Title order={3} size="h4" id={headingId}>
          {title}
        </Title>
        {onCsv && (
          <Button variant="default" onClick={onCsv} className={classes.noPrint} aria-label={`Exportar CSV: ${title}`} style={{ flex: 'none' }}>
            Exportar CSV
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed" mt={4} mb={8}>
        {sentence}
      </Text>
      {children}
    </Paper>
  );
}

/** A rate with the number of cases beside it; below the minimum sample, "poucos casos ainda" instead of a verdict. */
export function RateCell({ rate }: { rate: Rate }) {
  if (rate.cases === 0 || rate.ratePct === null) {
    return (
      <Text span size="sm" c="dimmed">
        sem casos
      </Text>
    );
  }
  return (
    <Group gap={6} wrap="wrap" justify="flex-end" style={{ rowGap: 2 }}>
      <Text span fw={rate.enoughCases ? 600 : 400} className={classes.num}>
        {pct(rate.ratePct)}
      </Text>
      <Text span size="sm" c="dimmed" className={classes.num}>
        {rate.hits} de {rate.cases}
      </Text>
      {!rate.enoughCases && (
        <Badge color="gray" size="md" variant="light" style={{ textTransform: 'none' }}>
          poucos casos ainda
        </Badge>
      )}
    </Group>
  );
}

/**
 * A number or amount that opens the list behind it: keyboard and mouse, like clicking the chart's bar. The
 * button reads "R$ 3.000,00, ver os clientes: 31 a 60 dias" — the visible figure first, then what it opens
 * (WCAG 2.5.3: the name contains what is seen).
 */
export function DrillButton({ children, label, onClick }: { children: ReactNode; label: string; onClick(): void }) {
  return (
    <UnstyledButton onClick={onClick} className={classes.drill} title={label}>
      {children}
      <VisuallyHidden>, {label.charAt(0).toLowerCase() + label.slice(1)}</VisuallyHidden>
    </UnstyledButton>
  );
}

export function Th({ children, num }: { children: ReactNode; num?: boolean }) {
  return (
    <Table.Th ta={num ? 'right' : undefined} className={classes.th}>
      {children}
    </Table.Th>
  );
}

export function Td({ children, num }: { children: ReactNode; num?: boolean }) {
  return (
    <Table.Td ta={num ? 'right' : undefined} className={num ? classes.num : undefined}>
      {children}
    </Table.Td>
  );
}

/** An empty table's one line: says what would fill it. */
export function EmptyRow({ cols, text }: { cols: number; text: string }) {
  return (
    <Table.Tr>
      <Table.Td colSpan={cols}>
        <Text size="sm" c="dimmed" py={4}>
          {text}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}
