import { Box, Checkbox, Grid, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { formatCnpj } from '../../../shared/cpf';
import { formatBRL } from '../../../shared/money';
import type { Settings } from '../../../shared/contract/settings';
import classes from './Settings.module.css';
import type { PrintingDraft } from './settings-draft';

interface Props {
  value: PrintingDraft;
  onChange(patch: Partial<PrintingDraft>): void;
  store: Settings['store'];
}

/** Impressão: the 80 mm receipt's width in columns and the accent-free fallback (CONVENTIONS.md "Receipts"). */
export function PrintingSection({ value, onChange, store }: Props) {
  return (
    <Grid gap="lg">
      <Grid.Col span={6}>
        <Paper withBorder p="md" radius="md">
          <Title order={4} mb="sm">
            Recibo na impressora térmica de 80 mm
          </Title>
          <Stack gap="lg">
            <Radio.Group
              size="md"
              label="Largura da linha"
              description="Se as linhas do recibo saem cortadas ou quebradas no meio, escolha 42 colunas."
              value={value.receiptColumns}
              onChange={(v) => onChange({ receiptColumns: v === '42' ? '42' : '48' })}
            >
              <Stack gap="sm" mt="sm">
                <Radio size="md" value="48" label="48 colunas (padrão)" description="Serve para a maioria das impressoras de 80 mm." />
                <Radio size="md" value="42" label="42 colunas" description="Muitos modelos Epson, Elgin e Bematech." />
              </Stack>
            </Radio.Group>
            <Checkbox
              label="Imprimir sem acentos"
              description="Use se a impressora troca letras como ç, ã e é por símbolos estranhos."
              checked={value.accentFree}
              onChange={(e) => onChange({ accentFree: e.currentTarget.checked })}
            />
          </Stack>
        </Paper>
      </Grid.Col>
      <Grid.Col span={6}>
        <Paper withBorder p="md" radius="md" bg="gray.0">
          <Title order={4} mb="sm">
            Prévia do recibo
          </Title>
          <Box className={classes.receipt} aria-label={`Prévia do recibo com ${value.receiptColumns} colunas`} role="img">
            {receiptSample(store, Number(value.receiptColumns), value.accentFree)}
          </Box>
        </Paper>
      </Grid.Col>
    </Grid>
  );
}

const stripAccents = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!line) line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines.map((l) => l.slice(0, width));
}

const center = (s: string, width: number) => ' '.repeat(Math.max(0, Math.floor((width - s.length) / 2))) + s;
const sides = (left: string, right: string, width: number) => left + ' '.repeat(Math.max(1, width - left.length - right.length)) + right;

/** A sample receipt at the chosen width, with the store's own header, so the owner sees what the printer gets. */
export function receiptSample(store: Settings['store'], width: number, accentFree: boolean): string {
  const place = [store.city, store.state].filter(Boolean).join('/');
  const lines = [
    ...wrap((store.name || 'Minha Loja').toUpperCase(), width).map((l) => center(l, width)),
    ...(store.cnpj ? [center(`CNPJ ${formatCnpj(store.cnpj)}`, width)] : []),
    ...wrap([store.address, place].filter(Boolean).join(' - '), width).map((l) => center(l, width)),
    '-'.repeat(width),
    sides('RECIBO Nº A-000123', '23/11/2026', width),
    '',
    ...wrap('Recebemos de Conceição Araújo a quantia de R$ 150,00 (cento e cinquenta reais), referente à parcela 2/5.', width),
    '',
    sides('Parcela 2/5', formatBRL(15000), width),
    sides('TOTAL PAGO', formatBRL(15000), width),
    '-'.repeat(width),
    center('Obrigado pela preferência!', width),
  ];
  const text = lines.join('\n');
  return accentFree ? stripAccents(text).replace(/º/g, 'o') : text;
}
