import { useRef, useState } from 'react';
import { Alert, Badge, Box, Button, FileButton, Group, Modal, Progress, ScrollArea, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { call, ApiCallError } from '../../api';
import { IMPORT_COLUMNS } from '../../../shared/csv/import';
import { Money } from '../../components/Money';
import { Shortcut } from '../../components/Shortcut';
import { useShortcuts } from '../../shell/keys';
import { useSession } from '../../store/session';
import { useCustomers } from '../../store/customers';
import { readImportFile } from './read-file';

interface ImportAnswer {
  rows: number;
  imported: number;
  errors: { line: number; message: string }[];
  summary: { customersNew: number; customersExisting: number; sales: number; installments: number; totalCents: number };
}

type Step =
  | { kind: 'choose' }
  | { kind: 'reading'; fileName: string; progress: number }
  | { kind: 'checking'; fileName: string }
  | { kind: 'checked'; fileName: string; content: string; answer: ImportAnswer }
  | { kind: 'importing'; fileName: string; answer: ImportAnswer };

// Examples for the column help, as docs/importacao.md shows them.
const EXAMPLES: Record<string, string> = {
  nome: 'Maria Aparecida da Silva',
  cpf: '123.456.789-09',
  telefone: '(11) 98765-4321',
  whatsapp: 'sim',
  email: 'maria@exemplo.com.br',
  endereco: 'Rua das Flores, 120 - Centro',
  descricao: 'Geladeira Frost Free 375L',
  data_venda: '15/06/2026',
  parcela: '6',
  total_parcelas: '10',
  vencimento: '15/11/2026',
  valor: '289,90',
  juros_mes: '2,5',
};

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('pt-BR')} ${n === 1 ? one : many}`;

/**
 * Importar planilha (owner only, docs/importacao.md): choose a .csv, watch it being read and checked, see the
 * summary and EVERY bad line with its reason, then import all or nothing with F10.
 */
export function ImportScreen({ onClose }: { onClose(): void }) {
  const today = useSession((s) => s.today)!;
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [problem, setProblem] = useState<string | null>(null);
  const resetRef = useRef<() => void>(null);

  const busy = step.kind === 'reading' || step.kind === 'checking' || step.kind === 'importing';
  const canImport = step.kind === 'checked' && step.answer.errors.length === 0 && step.answer.summary.installments > 0;

  const choose = async (file: File | null) => {
    resetRef.current?.();
    if (!file) return;
    setProblem(null);
    if (!/\.(csv|txt)$/i.test(file.name)) {
      setProblem(`“${file.name}” não é um arquivo CSV. No Excel, use Salvar como → "CSV UTF-8 (delimitado por vírgulas)".`);
      return;
    }
    if (file.size > 50_000_000) {
      setProblem('Arquivo grande demais (limite de 50 MB). Divida a planilha por clientes e importe em partes.');
      return;
    }
    setStep({ kind: 'reading', fileName: file.name, progress: 0 });
    try {
      const read = await readImportFile(file, today, (progress) => setStep((s) => (s.kind === 'reading' ? { ...s, progress } : s)));
      setStep({ kind: 'checking', fileName: file.name });
      const answer = await call<ImportAnswer>('import.csv', { content: read.content, dryRun: true });
      setStep({ kind: 'checked', fileName: file.name, content: read.content, answer });
    } catch (e) {
      setProblem(e instanceof ApiCallError ? e.message : 'Não foi possível ler o arquivo. Confira se ele abre no Excel e tente de novo.');
      setStep({ kind: 'choose' });
    }
  };

  const runImport = async () => {
    if (step.kind !== 'checked' || !canImport) return;
    const { fileName, content, answer } = step;
    setStep({ kind: 'importing', fileName, answer });
    try {
      const done = await call<ImportAnswer>('import.csv', { content, dryRun: false });
      if (done.errors.length) {
        setStep({ kind: 'checked', fileName, content, answer: done });
        return;
      }
      const s = done.summary;
      notifications.show({
        title: 'Importação concluída',
        message: `${plural(s.customersNew, 'cliente novo', 'clientes novos')}, ${plural(s.sales, 'carnê', 'carnês')} e ${plural(done.imported, 'parcela', 'parcelas')}.`,
        color: 'teal',
        autoClose: 6000,
      });
      useCustomers.getState().customersChanged();
      onClose();
    } catch (e) {
      setProblem(e instanceof ApiCallError ? e.message : 'Não foi possível importar. Nada foi gravado; tente de novo.');
      setStep({ kind: 'checked', fileName, content, answer });
    }
  };

  useShortcuts({ F10: () => void runImport(), Escape: () => !busy && onClose() }, { exclusive: true });

  return (
    <Stack gap="md">
      <Text c="dimmed" size="sm">
        Traga os clientes e as parcelas que ainda não foram pagas, de uma planilha ou de outro sistema. Primeiro o EmDia confere o arquivo inteiro sem gravar
        nada; depois, se estiver tudo certo, importa tudo de uma vez.
      </Text>

      <Group gap="sm">
        <FileButton onChange={(f) => void choose(f)} accept=".csv,text/csv,text/plain" resetRef={resetRef} disabled={busy}>
          {(props) => (
            <Button {...props} variant={step.kind === 'checked' ? 'default' : 'filled'} disabled={busy}>
              {step.kind === 'choose' ? 'Escolher arquivo .csv' : 'Escolher outro arquivo'}
            </Button>
          )}
        </FileButton>
        {step.kind !== 'choose' && (
          <Text size="sm" fw={500} data-testid="import-file-name">
            {step.fileName}
          </Text>
        )}
      </Group>

      {problem && (
        <Alert color="clay" role="alert">
          {problem}
        </Alert>
      )}

      {step.kind === 'reading' && (
        <Stack gap={4}>
          <Text size="sm">Lendo e conferindo as linhas… {Math.round(step.progress * 100)}%</Text>
          <Progress value={step.progress * 100} size="lg" aria-label="Progresso da leitura do arquivo" transitionDuration={0} />
        </Stack>
      )}
      {(step.kind === 'checking' || step.kind === 'importing') && (
        <Stack gap={4}>
          <Text size="sm">{step.kind === 'checking' ? 'Conferindo com o cadastro da loja…' : 'Importando tudo de uma vez… não feche o EmDia.'}</Text>
          <Progress value={100} animated striped size="lg" aria-label={step.kind === 'checking' ? 'Conferindo o arquivo' : 'Importando'} />
        </Stack>
      )}

      {(step.kind === 'checked' || step.kind === 'importing') && <Result answer={step.answer} />}

      {step.kind === 'choose' && <ColumnsHelp />}

      <Group justify="flex-end" gap="sm" pt="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
        <Button variant="default" onClick={onClose} disabled={busy}>
          Fechar
          <Shortcut keys="Esc" />
        </Button>
        <Button onClick={() => void runImport()} disabled={!canImport} loading={step.kind === 'importing'}>
          Importar
          <Shortcut keys="F10" />
        </Button>
      </Group>
    </Stack>
  );
}

function Result({ answer }: { answer: ImportAnswer }) {
  const s = answer.summary;
  const bad = answer.errors.length;
  const badLines = new Set(answer.errors.map((e) => e.line)).size;
  return (
    <Stack gap="sm">
      <SimpleGrid cols={5} spacing="sm">
        <Figure label="Linhas no arquivo" value={answer.rows.toLocaleString('pt-BR')} />
        <Figure label="Clientes novos" value={s.customersNew.toLocaleString('pt-BR')} hint={s.customersExisting ? `+ ${plural(s.customersExisting, 'já cadastrado', 'já cadastrados')}` : undefined} />
        <Figure label="Carnês" value={s.sales.toLocaleString('pt-BR')} />
        <Figure label="Parcelas em aberto" value={s.installments.toLocaleString('pt-BR')} />
        <Figure label="Valor em aberto" value={<Money cents={s.totalCents} fw={600} size="lg" />} />
      </SimpleGrid>
      {bad === 0 ? (
        <Alert color="teal" title="Tudo certo com o arquivo">
          Nenhuma linha com problema. Clique em Importar ou tecle F10 para gravar tudo de uma vez.
        </Alert>
      ) : (
        <>
          <Alert color="clay" title={`${plural(badLines, 'linha precisa', 'linhas precisam')} de correção`}>
            Nada foi gravado. Corrija {badLines === 1 ? 'a linha' : 'as linhas'} na planilha, salve de novo como CSV e escolha o arquivo outra vez. A importação é tudo ou
            nada: só acontece sem nenhum problema.
          </Alert>
          <ScrollArea.Autosize mah={260} type="auto" offsetScrollbars>
            <Table stickyHeader striped verticalSpacing={6} aria-label="Linhas com problema">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={80} ta="right">
                    Linha
                  </Table.Th>
                  <Table.Th>O que corrigir</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {answer.errors.map((e, i) => (
                  <Table.Tr key={i}>
                    <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                      {e.line.toLocaleString('pt-BR')}
                    </Table.Td>
                    <Table.Td>{e.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        </>
      )}
    </Stack>
  );
}

function Figure({ label, value, hint }: { label: string; value: React.ReactNode; hint?: string }) {
  return (
    <Box p="sm" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 'var(--mantine-radius-md)' }}>
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

/** The layout of the file, right where the owner needs it (docs/importacao.md). */
function ColumnsHelp() {
  return (
    <Stack gap={6}>
      <Text fw={600}>Como montar a planilha</Text>
      <Text size="sm" c="dimmed">
        CSV do Excel: separador ponto e vírgula, datas dd/mm/aaaa, valores com vírgula. A primeira linha tem os nomes das colunas (em qualquer ordem); depois,
        uma linha por parcela em aberto. Mesmo CPF = mesmo cliente; mesmo CPF, descrição e data da venda = um carnê.
      </Text>
      <ScrollArea.Autosize mah={250} type="auto" offsetScrollbars>
        <Table verticalSpacing={4} striped aria-label="Colunas da planilha">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Coluna</Table.Th>
              <Table.Th>Obrigatória</Table.Th>
              <Table.Th>Exemplo</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {IMPORT_COLUMNS.map((c) => (
              <Table.Tr key={c.key}>
                <Table.Td>
                  <Text component="code" ff="monospace" size="sm">
                    {c.key}
                  </Text>
                </Table.Td>
                <Table.Td>{c.required ? <Badge size="sm" color="brand" style={{ textTransform: "none" }}>sim</Badge> : <Text size="sm" c="dimmed">não</Text>}</Table.Td>
                <Table.Td>
                  <Text size="sm">{EXAMPLES[c.key]}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Stack>
  );
}

/** "Importar planilha" for the Clientes header (or Configurações): only the owner sees it; opens the import. */
export function ImportButton() {
  const role = useSession((s) => s.user?.role);
  const [open, setOpen] = useState(false);
  if (role !== 'owner') return null;
  return (
    <>
      <Button variant="default" onClick={() => setOpen(true)}>
        Importar planilha
      </Button>
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        closeOnEscape={false}
        closeOnClickOutside={false}
        size={980}
        title="Importar planilha"
        styles={{ title: { fontSize: 'var(--mantine-font-size-xl)', fontWeight: 600 } }}
        closeButtonProps={{ 'aria-label': 'Fechar a importação' }}
      >
        {open && <ImportScreen onClose={() => setOpen(false)} />}
      </Modal>
    </>
  );
}
