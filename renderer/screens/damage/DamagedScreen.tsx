import { useState } from 'react';
import { Alert, Box, Button, Center, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { call, ApiCallError } from '../../api';
import { formatBackupDate, formatMB } from './backup-format';

export interface DamagedStatus {
  ok: false;
  problem: { kind: string; title: string; message: string; detail: string };
  file: string;
  latestBackup: { file: string; at: string; bytes: number } | null;
}

const TRANSIENT = new Set(['locked', 'unreadable', 'disk_full']);

/**
 * Shown instead of the app when the data file did not open (db/health/guarded.ts): what happened in plain
 * words and the way back — the latest verified copy, or "tentar de novo" when the cause may clear by itself.
 */
export function DamagedScreen({ status, onRecovered }: { status: DamagedStatus; onRecovered: (next: unknown) => void }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState<'restore' | 'retry' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [current, setCurrent] = useState(status);
  const { problem, latestBackup } = current;
  const transient = TRANSIENT.has(problem.kind);

  const retry = async () => {
    setBusy('retry');
    setError(null);
    try {
      const next = await call<DamagedStatus | { ok: true }>('health.status', {});
      if (next.ok) onRecovered(next);
      else {
        setCurrent(next);
        setError('O problema continua. Confira a mensagem acima e tente de novo.');
      }
    } catch (e) {
      setError(e instanceof ApiCallError ? e.message : 'Não foi possível falar com o EmDia.');
    } finally {
      setBusy(null);
    }
  };

  const restore = async () => {
    if (!latestBackup) return;
    setBusy('restore');
    setError(null);
    try {
      await call('health.restore', { file: latestBackup.file });
      setConfirming(false);
      onRecovered({ ok: true });
    } catch (e) {
      setError(e instanceof ApiCallError ? e.message : 'Não foi possível restaurar. Tente de novo.');
      setConfirming(false);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Center mih="100dvh" p="xl" bg="gray.0">
      <Paper withBorder radius="lg" p="xl" maw={640} w="100%" shadow="sm">
        <Stack gap="md">
          <Text c="brand.7" fw={600}>
            EmDia
          </Text>
          <Title order={1} size="h2">
            {problem.title}
          </Title>
          <Text size="lg">{problem.message}</Text>

          {latestBackup ? (
            <Box>
              <Text fw={600}>Última cópia de segurança boa</Text>
              <Text>
                {formatBackupDate(latestBackup.at)} · {formatMB(latestBackup.bytes)} · verificada
              </Text>
              <Text size="sm" c="dimmed" mt={4}>
                Ao restaurar, o EmDia volta a como estava nessa hora. O que foi lançado depois precisará ser lançado de novo. O arquivo atual não é apagado: fica guardado para o suporte.
              </Text>
            </Box>
          ) : (
            <Alert color="clay" title="Não há cópia de segurança neste computador">
              Chame o suporte técnico. Não apague nada: o arquivo de dados foi mantido como está.
            </Alert>
          )}

          {error && (
            <Alert color="clay" role="alert">
              {error}
            </Alert>
          )}

          <Group gap="sm">
            {transient && (
              <Button size="md" onClick={() => void retry()} loading={busy === 'retry'}>
                Tentar de novo
              </Button>
            )}
            {latestBackup && (
              <Button size="md" variant={transient ? 'default' : 'filled'} onClick={() => setConfirming(true)} disabled={busy !== null}>
                Restaurar a cópia de {formatBackupDate(latestBackup.at)}
              </Button>
            )}
            {!transient && (
              <Button size="md" variant="default" onClick={() => void retry()} loading={busy === 'retry'}>
                Tentar abrir de novo
              </Button>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            Arquivo de dados: {current.file}
          </Text>
        </Stack>
      </Paper>

      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Restaurar a cópia de segurança?" centered>
        <Stack>
          <Text>
            Os dados voltam a como estavam em <b>{latestBackup && formatBackupDate(latestBackup.at)}</b>. Pagamentos e vendas lançados depois disso não estarão na cópia.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)} disabled={busy === 'restore'}>
              Cancelar
            </Button>
            <Button onClick={() => void restore()} loading={busy === 'restore'}>
              Sim, restaurar
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Center>
  );
}
