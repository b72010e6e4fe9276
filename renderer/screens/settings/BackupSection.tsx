import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Badge, Box, Button, Center, Grid, Group, Loader, Modal, Paper, Progress, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { call, ApiCallError } from '../../api';
import type { Settings } from '../../../shared/contract/settings';
import { useSession } from '../../store/session';
import { formatBackupDate, formatMB } from '../damage/backup-format';
import classes from './Settings.module.css';

interface BackupItem {
  file: string;
  name: string;
  at: string;
  bytes: number;
  verified: boolean;
  reason: string;
  location: 'principal' | 'extra';
}
interface BackupStatus {
  running: boolean;
  phase: 'copy' | 'verify' | 'extra' | 'done' | null;
  percent: number;
  last: { ok: true; result: { file: string; extra: { ok: boolean; message?: string } | null } } | { ok: false; message: string } | null;
}

const REASONS: Record<string, string> = {
  manual: 'Feita agora',
  diaria: 'Automática do dia',
  'antes-de-importar': 'Antes de importar',
  'antes-de-restaurar': 'Antes de restaurar (desfaz)',
  'antes-da-atualizacao': 'Antes de atualizar o EmDia',
  desconhecida: 'Outra',
};
const PHASES: Record<string, string> = { copy: 'Copiando os dados…', verify: 'Conferindo a cópia…', extra: 'Copiando para a pasta extra…', done: 'Pronto' };

/** Configurações → Cópias de segurança (owner): the list, "fazer backup agora" with progress, restore, the extra folder. */
export function BackupSection() {
  const [items, setItems] = useState<BackupItem[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [restoring, setRestoring] = useState<BackupItem | null>(null);
  const [busyRestore, setBusyRestore] = useState(false);
  const [restoreError, setRestoreError] = useState<string | null>(null);
  const [folder, setFolder] = useState('');
  const [savedFolder, setSavedFolder] = useState('');
  const [folderError, setFolderError] = useState<string | null>(null);
  const [savingFolder, setSavingFolder] = useState(false);
  const [damageNote, setDamageNote] = useState<string | null>(null);
  const timer = useRef<number | null>(null);

  const load = useCallback(() => {
    call<{ items: BackupItem[] }>('backup.list', {})
      .then((r) => (setItems(r.items), setLoadError(null)))
      .catch((e: unknown) => setLoadError(e instanceof ApiCallError ? e.message : 'Não foi possível ler a lista de cópias.'));
  }, []);

  // Follows a running copy: the backend does the work in a worker, the screen only asks how far it got.
  const follow = useCallback(() => {
    if (timer.current) window.clearTimeout(timer.current);
    const tick = async () => {
      try {
        const s = await call<BackupStatus>('backup.status', {});
        setStatus(s);
        if (s.running) {
          timer.current = window.setTimeout(() => void tick(), 400);
          return;
        }
        if (s.last?.ok) {
          const extra = s.last.result.extra;
          notifications.show({ message: 'Cópia de segurança feita e conferida.', color: 'teal', autoClose: 3000, position: 'top-right' });
          if (extra && !extra.ok) notifications.show({ message: extra.message, color: 'yellow', autoClose: 8000, position: 'top-right' });
        }
        load();
      } catch {
        timer.current = window.setTimeout(() => void tick(), 1000);
      }
    };
    void tick();
  }, [load]);

  useEffect(() => {
    load();
    call<BackupStatus>('backup.status', {})
      .then((s) => (setStatus(s), s.running && follow()))
      .catch(() => undefined);
    // The full page check runs in the background after each start (db/health): its finding shows here.
    call<{ ok: boolean; check?: { state: string; message: string | null } }>('health.status', {})
      .then((h) => setDamageNote(h.check?.state === 'damaged' ? h.check.message : null))
      .catch(() => undefined);
    call<Settings>('settings.get', {})
      .then((s) => (setFolder(s.backup?.extraFolder ?? ''), setSavedFolder(s.backup?.extraFolder ?? '')))
      .catch(() => undefined);
    return () => {
      if (timer.current) window.clearTimeout(timer.current);
    };
  }, [load, follow]);

  const backupNow = async () => {
    try {
      const r = await call<{ started: boolean; status: BackupStatus }>('backup.create', { background: true });
      setStatus(r.status);
      follow();
    } catch (e) {
      notifications.show({ message: e instanceof ApiCallError ? e.message : 'Não foi possível começar a cópia.', color: 'red', position: 'top-right' });
    }
  };

  const restore = async () => {
    if (!restoring) return;
    setBusyRestore(true);
    setRestoreError(null);
    try {
      await call('backup.restore', { file: restoring.file });
      setRestoring(null);
      notifications.show({ title: 'Cópia restaurada', message: 'Os dados voltaram à cópia escolhida. Entre de novo com seu PIN.', color: 'teal', autoClose: 6000, position: 'top-right' });
      // The restored store may have other people: everyone logs in again (the backend ended the sessions).
      useSession.getState().sessionLost();
    } catch (e) {
      setRestoreError(e instanceof ApiCallError ? e.message : 'Não foi possível restaurar. Tente de novo.');
    } finally {
      setBusyRestore(false);
    }
  };

  const saveFolder = async () => {
    setSavingFolder(true);
    setFolderError(null);
    try {
      const s = await call<Settings>('settings.update', { backup: { extraFolder: folder.trim() } });
      setSavedFolder(s.backup.extraFolder);
      notifications.show({ message: s.backup.extraFolder ? 'Pasta extra salva: as próximas cópias vão para lá também.' : 'Pasta extra removida.', color: 'teal', autoClose: 3000, position: 'top-right' });
      load();
    } catch (e) {
      setFolderError(e instanceof ApiCallError ? (e.issues[0]?.message ?? e.message) : 'Não foi possível salvar.');
    } finally {
      setSavingFolder(false);
    }
  };

  const running = !!status?.running;
  const failed = status && !status.running && status.last && !status.last.ok ? status.last.message : null;

  return (
    <Box className={classes.form}>
      <Stack gap="lg">
        {damageNote && (
          <Alert color="clay" title="A verificação do arquivo de dados encontrou um problema" role="alert">
            {damageNote}
          </Alert>
        )}
        <Paper withBorder p="md" radius="md">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Box>
              <Title order={4}>Cópias de segurança</Title>
              <Text size="sm" c="dimmed" maw={620}>
                O EmDia faz uma cópia por dia, na primeira vez que abre, e outra antes de cada importação, atualização ou restauração. Cada cópia é conferida antes de contar. Ficam as de 7 dias, 4 semanas e 12 meses.
              </Text>
            </Box>
            <Button size="md" onClick={() => void backupNow()} loading={running} loaderProps={{ type: 'dots' }} disabled={running}>
              Fazer backup agora
            </Button>
          </Group>
          {running && status && (
            <Stack gap={4} mt="md" aria-live="polite">
              <Progress value={status.percent} size="lg" radius="xl" aria-label="Andamento da cópia" animated />
              <Text size="sm">
                {PHASES[status.phase ?? 'copy']} {status.percent}% — pode continuar usando o EmDia.
              </Text>
            </Stack>
          )}
          {failed && (
            <Alert color="clay" title="A última cópia não deu certo" mt="md" role="alert">
              {failed}
            </Alert>
          )}
        </Paper>

        <Paper withBorder p="md" radius="md">
          {loadError && (
            <Alert color="clay" title="Não foi possível ler a lista de cópias">
              {loadError}
            </Alert>
          )}
          {!items && !loadError && (
            <Center h={120}>
              <Loader aria-label="Carregando as cópias" />
            </Center>
          )}
          {items && items.length === 0 && <Text c="dimmed">Ainda não há cópias. Toque em “Fazer backup agora” para fazer a primeira.</Text>}
          {items && items.length > 0 && (
            <Table verticalSpacing="sm" aria-label="Cópias de segurança" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Data</Table.Th>
                  <Table.Th>Tipo</Table.Th>
                  <Table.Th ta="right">Tamanho</Table.Th>
                  <Table.Th>Situação</Table.Th>
                  <Table.Th>Local</Table.Th>
                  <Table.Th w={130} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((b) => (
                  <Table.Tr key={b.file}>
                    <Table.Td fw={500}>{formatBackupDate(b.at)}</Table.Td>
                    <Table.Td>{REASONS[b.reason] ?? REASONS.desconhecida}</Table.Td>
                    <Table.Td ta="right">{formatMB(b.bytes)}</Table.Td>
                    <Table.Td>
                      {b.verified ? (
                        <Badge color="teal" variant="light">
                          verificado
                        </Badge>
                      ) : (
                        <Badge color="gray" variant="light">
                          não verificado
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{b.location === 'extra' ? 'Pasta extra' : 'Neste computador'}</Table.Td>
                    <Table.Td>
                      <Button variant="default" size="sm" onClick={() => (setRestoreError(null), setRestoring(b))} disabled={running}>
                        Restaurar
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>

        <Paper withBorder p="md" radius="md">
          <Grid align="flex-end">
            <Grid.Col span={9}>
              <TextInput
                id="settings-backup-extraFolder"
                label="Pasta extra (opcional)"
                description="Um pen drive ou outra pasta, com o caminho completo (ex.: E:\Backups). Se num dia ela não estiver conectada, a cópia fica só neste computador."
                value={folder}
                maxLength={400}
                onChange={(e) => setFolder(e.currentTarget.value)}
                error={folderError}
                autoComplete="off"
              />
            </Grid.Col>
            <Grid.Col span={3}>
              <Button fullWidth variant="default" onClick={() => void saveFolder()} loading={savingFolder} disabled={folder.trim() === savedFolder}>
                Salvar pasta
              </Button>
            </Grid.Col>
          </Grid>
        </Paper>
      </Stack>

      <Modal opened={!!restoring} onClose={() => !busyRestore && setRestoring(null)} title="Restaurar esta cópia?" centered size="lg">
        {restoring && (
          <Stack>
            <Text>
              Os dados da loja voltam a como estavam em <b>{formatBackupDate(restoring.at)}</b>. Vendas, pagamentos e contatos lançados depois disso deixam de aparecer.
            </Text>
            <Text size="sm" c="dimmed">
              Antes, o EmDia guarda uma cópia dos dados de agora (“Antes de restaurar”), para você poder desfazer. Depois todos entram de novo com o PIN.
            </Text>
            {restoreError && (
              <Alert color="clay" role="alert">
                {restoreError}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setRestoring(null)} disabled={busyRestore}>
                Cancelar
              </Button>
              <Button color="clay" onClick={() => void restore()} loading={busyRestore}>
                Sim, restaurar a cópia de {formatBackupDate(restoring.at)}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Box>
  );
}
