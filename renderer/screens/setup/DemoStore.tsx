import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Group, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { call, ApiCallError } from '../../api';
import { Shortcut } from '../../components/Shortcut';
import { ROLE_LABELS } from '../../components/people';
import { useShortcuts } from '../../shell/keys';
import { useSession } from '../../store/session';

interface DemoUser {
  name: string;
  role: 'owner' | 'clerk';
  pin: string;
}
interface DemoResult {
  sessionId?: string;
  users: DemoUser[];
}

type State = { kind: 'building' } | { kind: 'ready'; result: DemoResult } | { kind: 'unavailable' } | { kind: 'failed'; message: string };

/** "Abrir a loja de demonstração": builds the demo store, then shows who can log in and with which PIN. */
export function DemoStore({ onBack }: { onBack: () => void }) {
  const [state, setState] = useState<State>({ kind: 'building' });
  const { enter, boot } = useSession();
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return; // StrictMode mounts twice in development; the demo must be built once
    started.current = true;
    call<DemoResult>('setup.demo', {})
      .then((result) => setState({ kind: 'ready', result }))
      .catch((e: unknown) => {
        if (e instanceof ApiCallError && e.kind === 'not_found') setState({ kind: 'unavailable' });
        else setState({ kind: 'failed', message: e instanceof ApiCallError ? e.message : 'Não foi possível montar a loja de demonstração.' });
      });
  }, []);

  const proceed = () => void (state.kind === 'ready' && state.result.sessionId ? enter() : boot());
  useShortcuts({
    Escape: () => (state.kind === 'building' ? false : state.kind === 'ready' ? proceed() : onBack()),
    Enter: () => (state.kind === 'ready' ? proceed() : false),
  });

  return (
    <Paper withBorder radius="lg" p="xl" shadow="sm">
      <Stack gap="md">
        <Title order={2}>Loja de demonstração</Title>

        {state.kind === 'building' && (
          <Stack gap="sm" aria-live="polite">
            <Text>Montando a loja de exemplo, com clientes, vendas e parcelas. Isto pode levar alguns segundos…</Text>
            <Progress value={100} animated striped size="lg" aria-label="Montando a loja de demonstração" />
          </Stack>
        )}

        {state.kind === 'unavailable' && (
          <>
            <Alert color="brand" variant="light" title="A demonstração ainda não está pronta nesta versão">
              Pedimos desculpas: a loja de exemplo chega numa próxima atualização do EmDia. Enquanto isso, configure a sua loja — leva um minuto.
            </Alert>
            <Group justify="flex-end">
              <Button onClick={onBack}>
                Voltar e configurar minha loja
                <Shortcut keys="Esc" />
              </Button>
            </Group>
          </>
        )}

        {state.kind === 'failed' && (
          <>
            <Alert color="clay" title="Não foi possível montar a demonstração" role="alert">
              {state.message}
            </Alert>
            <Group justify="flex-end">
              <Button variant="default" onClick={onBack}>
                Voltar
                <Shortcut keys="Esc" />
              </Button>
            </Group>
          </>
        )}

        {state.kind === 'ready' && (
          <>
            <Text>A loja de exemplo está pronta. Anote os PINs abaixo para entrar com cada pessoa:</Text>
            <Table withTableBorder verticalSpacing="sm" fz="md">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Pessoa</Table.Th>
                  <Table.Th>Papel</Table.Th>
                  <Table.Th>PIN</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {state.result.users.map((u) => (
                  <Table.Tr key={u.name}>
                    <Table.Td fw={500}>{u.name}</Table.Td>
                    <Table.Td>{ROLE_LABELS[u.role] ?? u.role}</Table.Td>
                    <Table.Td ff="monospace" fz="lg">
                      {u.pin}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Group justify="flex-end">
              <Button onClick={proceed}>
                Continuar
                <Shortcut keys="Enter" />
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}
