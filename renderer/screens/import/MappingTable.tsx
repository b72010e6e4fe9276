import { Badge, Group, ScrollArea, Select, Stack, Table, Text } from '@mantine/core';
import type { ImportPreviewResult } from '../../../shared/contract/import';
import { FIELD_SPECS, type ImportField, type ImportMapping } from '../../../shared/import/fields';

const IGNORE = '__ignorar__';

/** The Select's options: "Não importar" first, then the fields, grouped by what they describe. */
const GROUPS: { group: string; fields: ImportField[] }[] = [
  { group: 'Cliente', fields: ['nome', 'cpf', 'telefone', 'whatsapp', 'email', 'endereco'] },
  { group: 'Venda', fields: ['descricao', 'data_venda', 'total_parcelas', 'juros_mes'] },
  { group: 'Uma linha por parcela', fields: ['parcela', 'vencimento', 'valor', 'pago', 'data_pagamento', 'valor_pago'] },
  { group: 'Uma linha por venda', fields: ['primeiro_vencimento', 'valor_total', 'parcelas_pagas'] },
];
const label = (f: ImportField) => FIELD_SPECS.find((s) => s.key === f)!.label;
const DATA = [
  { group: 'Nesta coluna', items: [{ value: IGNORE, label: 'Não importar' }] },
  ...GROUPS.map((g) => ({ group: g.group, items: g.fields.map((f) => ({ value: f, label: label(f) })) })),
];

/**
 * One line per column of the sheet: its letter and header, the first values under it, and a Select with the
 * field EmDia guessed, which the owner confirms or changes.
 */
export function MappingTable({ preview, mapping, onChange }: { preview: ImportPreviewResult; mapping: ImportMapping; onChange(m: ImportMapping): void }) {
  const set = (key: string, value: string | null) => {
    const next = { ...mapping };
    if (!value || value === IGNORE) delete next[key];
    else next[key] = value as ImportField;
    onChange(next);
  };
  return (
    <ScrollArea.Autosize mah={262} type="auto" offsetScrollbars>
      <Table verticalSpacing={4} striped aria-label="Colunas da planilha">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={240}>Coluna da planilha</Table.Th>
            <Table.Th>Primeiros valores</Table.Th>
            <Table.Th w={290}>No EmDia é</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.columns.map((c) => {
            const field = mapping[c.key];
            const guessed = field && field === preview.guessedMapping[c.key];
            return (
              <Table.Tr key={c.key} data-testid={`column-${c.letter}`}>
                <Table.Td>
                  <Group gap={8} wrap="nowrap">
                    <Badge variant="light" color="gray" size="sm" radius="sm" style={{ textTransform: 'none', flex: 'none' }}>
                      {c.letter}
                    </Badge>
                    <Text size="sm" fw={500} lineClamp={1}>
                      {c.header || 'sem título'}
                    </Text>
                    {field && !guessed && (
                      <Text size="xs" c="brand.7" style={{ flex: 'none' }}>
                        mudado por você
                      </Text>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed" lineClamp={1}>
                    {c.samples.slice(0, 3).join(' · ') || '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={`Campo da coluna ${c.letter} (${c.header || 'sem título'})`}
                    data={DATA}
                    value={field ?? IGNORE}
                    onChange={(v) => set(c.key, v)}
                    allowDeselect={false}
                    size="sm"
                    comboboxProps={{ withinPortal: true }}
                    maxDropdownHeight={320}
                    styles={field ? undefined : { input: { color: 'var(--mantine-color-dimmed)' } }}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}

/** How the first rows will be read: only the mapped columns, under the field's name. */
export function FirstRows({ preview, mapping }: { preview: ImportPreviewResult; mapping: ImportMapping }) {
  const cols = preview.columns.map((c, i) => ({ c, i, f: mapping[c.key] })).filter((x) => x.f);
  if (!cols.length) return null;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        Como as primeiras linhas serão lidas
      </Text>
      <ScrollArea type="auto" offsetScrollbars viewportProps={{ tabIndex: 0, 'aria-label': 'Primeiras linhas (role para os lados)' }}>
        <Table verticalSpacing={4} horizontalSpacing="xs" withTableBorder aria-label="Primeiras linhas">
          <Table.Thead>
            <Table.Tr>
              <Table.Th ta="right">Linha</Table.Th>
              {cols.map((x) => (
                <Table.Th key={x.c.key} style={{ whiteSpace: 'nowrap' }}>
                  {label(x.f!)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.sampleRows.slice(0, 3).map((r) => (
              <Table.Tr key={r.line}>
                <Table.Td ta="right" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {r.line}
                </Table.Td>
                {cols.map((x) => (
                  <Table.Td key={x.c.key} style={{ whiteSpace: 'nowrap', maxWidth: 220, overflow: 'hidden', textOverflow: 'ellipsis' }}>
                    <Text size="sm">{r.cells[x.i]}</Text>
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Stack>
  );
}
