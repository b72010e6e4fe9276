import { useEffect, useRef, useState } from 'react';
import { Alert, Button, FileButton, Group, List, Modal, Progress, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { call, ApiCallError } from '../../api';
import type { ImportMappingItem, ImportPreviewResult, ImportRunResult } from '../../../shared/contract/import';
import { checkMapping, type ImportMapping } from '../../../shared/import/fields';
import { Shortcut } from '../../components/Shortcut';
import { useShortcuts } from '../../shell/keys';
import { useSession } from '../../store/session';
import { useCustomers } from '../../store/customers';
import { readFileBase64 } from './read-file';
import { MappingTable, FirstRows } from './MappingTable';
import { ImportResult, plural } from './ImportResult';

const MAX_BYTES = 50 * 1024 * 1024;
const ACCEPT = '.xlsx,.xls,.xlsm,.ods,.csv,.txt,text/csv,text/plain,application/vnd.ms-excel,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FORMAT: Record<ImportPreviewResult['format'], string> = { xlsx: 'Excel (.xlsx)', xls: 'Excel antigo (.xls)', ods: 'planilha .ods', csv: 'CSV' };

interface Chosen {
  fileName: string;
  contentBase64: string;
}
type Busy = null | { kind: 'reading'; progress: number } | { kind: 'previewing' | 'checking' | 'importing' };

const sameColumns = (a: ImportPreviewResult, b: ImportPreviewResult) => a.columns.length === b.columns.length && a.columns.every((c, i) => c.key === b.columns[i].key);

/**
 * Importar planilha (owner only, docs/importacao.md): choose the store's book (.xlsx, .xls or CSV), confirm
 * which column is which (EmDia's guess, or the columns saved last time), check everything without writing
 * (every bad line with its reason, and the totals), then import all or nothing with F10.
 */
export function ImportScreen({ onClose }: { onClose(): void }) {
  const [file, setFile] = useState<Chosen | null>(null);
  const [preview, setPreview] = useState<ImportPreviewResult | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [answer, setAnswer] = useState<ImportRunResult | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saveAs, setSaveAs] = useState('');
  const [saved, setSaved] = useState<ImportMappingItem[]>([]);
  const resetRef = useRef<() => void>(null);

  useEffect(() => {
    call<{ items: ImportMappingItem[] }>('import.mappings', {})
      .then((r) => setSaved(r.items))
      .catch(() => setSaved([]));
  }, []);

  const columnName = (key: string) => {
    const c = preview?.columns.find((x) => x.key === key);
    return c ? `“${c.key}” (${c.letter})` : `“${key}”`;
  };
  const problems = preview ? checkMapping(mapping, columnName) : [];
  const canCheck = !!preview && !busy && problems.length === 0;
  const canImport = !!answer && !busy && answer.errors.length === 0 && answer.summary.installments > 0;

  const fail = (e: unknown, fallback: string) => setProblem(e instanceof ApiCallError ? e.message : fallback);

  async function loadPreview(chosen: Chosen, opts: { sheet?: string; mappingName?: string; keep?: ImportPreviewResult | null } = {}) {
    setBusy({ kind: 'previewing' });
    setProblem(null);
    setAnswer(null);
    try {
      const p = await call<ImportPreviewResult>('import.preview', { ...chosen, sheet: opts.sheet, mappingName: opts.mappingName });
      // A corrected copy of the same book keeps the columns the owner chose for it.
      const keep = opts.keep && !opts.mappingName && sameColumns(opts.keep, p);
      setPreview(p);
      setMapping(keep ? mapping : p.mapping);
      if (p.mappingName) setSaveAs(p.mappingName);
    } catch (e) {
      // What is on screen must be the file that would be imported: a file that cannot be read replaces nothing.
      setPreview(null);
      setFile(null);
      fail(e, 'Não foi possível ler a planilha. Confira se ela abre no Excel e tente de novo.');
    } finally {
      setBusy(null);
    }
  }

  const choose = async (f: File | null) => {
    resetRef.current?.();
    if (!f) return;
    setProblem(null);
    if (f.size > MAX_BYTES) {
      setProblem('Arquivo grande demais (limite de 50 MB). Divida a planilha por clientes e importe em partes.');
      return;
    }
    setBusy({ kind: 'reading', progress: 0 });
    try {
      const contentBase64 = await readFileBase64(f, (progress) => setBusy({ kind: 'reading', progress }));
      const chosen = { fileName: f.name, contentBase64 };
      setFile(chosen);
      await loadPreview(chosen, { keep: preview });
    } catch (e) {
      fail(e, 'Não foi possível ler o arquivo. Confira se ele abre no Excel e tente de novo.');
      setBusy(null);
    }
  };

  const changeMapping = (m: ImportMapping) => {
    setMapping(m);
    setAnswer(null);
  };

  const check = async () => {
    if (!file || !preview || !canCheck) return;
    setBusy({ kind: 'checking' });
    setProblem(null);
    try {
      setAnswer(await call<ImportRunResult>('import.run', { ...file, sheet: preview.sheet, mapping, dryRun: true }));
    } catch (e) {
      fail(e, 'Não foi possível conferir a planilha. Nada foi gravado; tente de novo.');
    } finally {
      setBusy(null);
    }
  };

  const runImport = async () => {
    if (!file || !preview || !canImport) return;
    setBusy({ kind: 'importing' });
    setProblem(null);
    try {
      const name = saveAs.trim();
      const done = await call<ImportRunResult>('import.run', { ...file, sheet: preview.sheet, mapping, dryRun: false, saveMappingAs: name.length >= 2 ? name : undefined });
      if (done.errors.length) {
        setAnswer(done);
        return;
      }
      const s = done.summary;
      notifications.show({
        title: 'Importação concluída',
        message: `${plural(s.customersNew, 'cliente novo', 'clientes novos')}, ${plural(s.sales, 'carnê', 'carnês')} e ${plural(done.imported, 'parcela', 'parcelas')}${s.paidInstallments ? ` (${plural(s.paidInstallments, 'já paga', 'já pagas')})` : ''}.`,
        color: 'teal',
        autoClose: 6000,
      });
      useCustomers.getState().customersChanged();
      onClose();
    } catch (e) {
      fail(e, 'Não foi possível importar. Nada foi gravado; tente de novo.');
    } finally {
      setBusy(null);
    }
  };

  useShortcuts({ F9: () => void check(), F10: () => void runImport(), Escape: () => !busy && onClose() }, { exclusive: true });

  return (
    <Stack gap="md">
      {!preview && (
        <Text c="dimmed" size="sm">
          Traga os clientes e os carnês que a loja já tem, da planilha do Excel (.xlsx ou .xls) ou de um CSV de outro sistema, do jeito que estão. O EmDia
          sugere o que é cada coluna, você confere, e ele simula tudo antes de gravar. As parcelas já pagas entram como histórico.
        </Text>
      )}

      <Group gap="sm" align="flex-end">
        <FileButton onChange={(f) => void choose(f)} accept={ACCEPT} resetRef={resetRef} disabled={!!busy}>
          {(props) => (
            <Button {...props} variant={preview ? 'default' : 'filled'} disabled={!!busy}>
              {preview ? (answer?.errors.length ? 'Escolher o arquivo corrigido' : 'Escolher outro arquivo') : 'Escolher planilha'}
            </Button>
          )}
        </FileButton>
        {preview && (
          <Stack gap={0}>
            <Text size="sm" fw={600} data-testid="import-file-name">
              {preview.fileName}
            </Text>
            <Text size="xs" c="dimmed">
              {FORMAT[preview.format]}
              {preview.encoding === 'windows-1252' ? ' do Excel (Windows-1252)' : ''} · cabeçalho na linha {preview.headerLine} · {plural(preview.rows, 'linha', 'linhas')} abaixo
            </Text>
          </Stack>
        )}
        {preview && preview.sheets.length > 1 && (
          <Select
            label="Aba"
            size="sm"
            w={200}
            data={preview.sheets.map((s) => ({ value: s.name, label: s.name }))}
            value={preview.sheet}
            allowDeselect={false}
            disabled={!!busy}
            onChange={(v) => v && file && void loadPreview(file, { sheet: v })}
          />
        )}
        {preview && saved.length > 0 && (
          <Select
            label="Colunas salvas"
            placeholder="Usar um mapeamento salvo"
            size="sm"
            w={220}
            data={saved.map((m) => m.name)}
            value={preview.mappingName}
            disabled={!!busy}
            onChange={(v) => v && file && void loadPreview(file, { sheet: preview.sheet, mappingName: v })}
          />
        )}
      </Group>

      {problem && (
        <Alert color="clay" role="alert">
          {problem}
        </Alert>
      )}

      {busy?.kind === 'reading' && (
        <Stack gap={4}>
          <Text size="sm">Lendo o arquivo… {Math.round(busy.progress * 100)}%</Text>
          <Progress value={busy.progress * 100} size="lg" aria-label="Progresso da leitura do arquivo" transitionDuration={0} />
        </Stack>
      )}
      {(busy?.kind === 'previewing' || busy?.kind === 'checking' || busy?.kind === 'importing') && (
        <Stack gap={4}>
          <Text size="sm">
            {busy.kind === 'previewing'
              ? 'Abrindo a planilha e reconhecendo as colunas…'
              : busy.kind === 'checking'
                ? 'Conferindo todas as linhas, sem gravar nada…'
                : `Importando ${answer ? plural(answer.summary.installments, 'parcela', 'parcelas') : ''} de uma vez… não feche o EmDia.`}
          </Text>
          <Progress value={100} animated striped size="lg" aria-label={busy.kind === 'importing' ? 'Importando' : 'Conferindo a planilha'} />
        </Stack>
      )}

      {preview && !answer && (
        <>
          {preview.mappingName && (
            <Text size="sm" c="teal.8">
              Usamos as colunas salvas em “{preview.mappingName}”. Confira se continuam certas.
            </Text>
          )}
          <MappingTable preview={preview} mapping={mapping} onChange={changeMapping} />
          {problems.length > 0 ? (
            <Alert color="yellow" title="Antes de conferir" data-testid="mapping-problems">
              <List size="sm" spacing={2}>
                {problems.map((p, i) => (
                  <List.Item key={i}>{p.message}</List.Item>
                ))}
              </List>
            </Alert>
          ) : (
            <FirstRows preview={preview} mapping={mapping} />
          )}
        </>
      )}

      {answer && <ImportResult answer={answer} />}

      {preview && (
        <Group justify="space-between" align="flex-end" gap="sm" pt="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
          <TextInput
            label="Guardar estas colunas com o nome"
            description="para a próxima planilha igual"
            placeholder="Planilha da loja"
            size="sm"
            w={280}
            maxLength={80}
            value={saveAs}
            onChange={(e) => setSaveAs(e.currentTarget.value)}
          />
          <Group gap="sm">
            <Button variant="default" onClick={onClose} disabled={!!busy}>
              Fechar
              <Shortcut keys="Esc" />
            </Button>
            {answer ? (
              <Button variant="default" onClick={() => setAnswer(null)} disabled={!!busy}>
                Voltar às colunas
              </Button>
            ) : (
              <Button onClick={() => void check()} disabled={!canCheck} loading={busy?.kind === 'checking'}>
                Conferir sem gravar
                <Shortcut keys="F9" />
              </Button>
            )}
            <Button onClick={() => void runImport()} disabled={!canImport} loading={busy?.kind === 'importing'}>
              Importar
              <Shortcut keys="F10" />
            </Button>
          </Group>
        </Group>
      )}
      {!preview && (
        <Group justify="flex-end" pt="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
          <Button variant="default" onClick={onClose} disabled={!!busy}>
            Fechar
            <Shortcut keys="Esc" />
          </Button>
        </Group>
      )}
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
        size={1040}
        title="Importar planilha"
        styles={{ title: { fontSize: 'var(--mantine-font-size-xl)', fontWeight: 600 } }}
        closeButtonProps={{ 'aria-label': 'Fechar a importação' }}
      >
        {open && <ImportScreen onClose={() => setOpen(false)} />}
      </Modal>
    </>
  );
}
