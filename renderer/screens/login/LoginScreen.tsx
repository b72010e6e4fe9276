import { useEffect, useRef, useState } from 'react';
import { Alert, Avatar, Box, Button, Center, Group, Loader, Paper, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { call, ApiCallError } from '../../api';
import { PinInput } from '../../components/PinInput';
import { Shortcut } from '../../components/Shortcut';
import { ROLE_LABELS, initials } from '../../components/people';
import { useShortcuts } from '../../shell/keys';
import { useSession, type SessionUser } from '../../store/session';
import classes from './LoginScreen.module.css';

/** Who is at the counter: pick your name, type your PIN, Enter. */
export function LoginScreen() {
  const { storeName, enter } = useSession();
  const [users, setUsers] = useState<SessionUser[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [picked, setPicked] = useState<SessionUser | null>(null);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const pinRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    call<{ items: SessionUser[] }>('session.users', {})
      .then((r) => {
        setUsers(r.items);
        if (r.items.length === 1) setPicked(r.items[0]);
      })
      .catch((e: unknown) => setLoadError(e instanceof ApiCallError ? e.message : 'Não foi possível carregar os usuários.'));
  }, []);

  useEffect(() => {
    if (picked) pinRef.current?.focus();
  }, [picked]);

  const pick = (u: SessionUser) => {
    setPicked(u);
    setPin('');
    setError(null);
  };

  const back = () => {
    if (!picked || (users?.length ?? 0) < 2) return false;
    setPicked(null);
    setPin('');
    setError(null);
  };
  useShortcuts({ Escape: back });

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!picked || busy) return;
    if (pin.length < 4) {
      setError('Digite o seu PIN (de 4 a 8 números).');
      return pinRef.current?.focus();
    }
    setBusy(true);
    setError(null);
    try {
      await call('session.login', { userId: picked.id, pin });
      await enter();
    } catch (err) {
      setBusy(false);
      setPin('');
      setError(err instanceof ApiCallError ? err.message : 'Não foi possível entrar. Tente de novo.');
      requestAnimationFrame(() => pinRef.current?.focus());
    }
  };

  return (
    <Center mih="100dvh" p="xl" bg="gray.0">
      <Box w="100%" maw={720}>
        <Stack gap={4} align="center" mb="xl" ta="center">
          <Text c="brand.7" fw={600}>
            EmDia
          </Text>
          <Title order={1}>{storeName ?? 'Sua loja'}</Title>
          <Text c="dimmed" size="lg">
            {picked ? `Olá, ${picked.name}! Digite o seu PIN para entrar.` : 'Quem está no balcão? Escolha o seu nome.'}
          </Text>
        </Stack>

        {loadError && (
          <Alert color="clay" title="Não foi possível abrir o login" role="alert">
            {loadError}
          </Alert>
        )}
        {!users && !loadError && (
          <Center>
            <Loader aria-label="Carregando usuários" />
          </Center>
        )}

        {users && !picked && (
          <SimpleGrid cols={users.length >= 3 ? 3 : users.length || 1} spacing="md" maw={users.length >= 3 ? 720 : 480} mx="auto">
            {users.map((u, i) => (
              <UnstyledButton key={u.id} className={classes.user} onClick={() => pick(u)} autoFocus={i === 0}>
                <Avatar color="brand" radius="xl" size={56} mx="auto">
                  {initials(u.name)}
                </Avatar>
                <Text fw={600} size="lg" mt="sm" lineClamp={2}>
                  {u.name}
                </Text>
                <Text c="dimmed" size="sm">
                  {ROLE_LABELS[u.role]}
                </Text>
              </UnstyledButton>
            ))}
          </SimpleGrid>
        )}

        {picked && (
          <Paper withBorder radius="lg" p="xl" maw={420} mx="auto" shadow="sm">
            <form onSubmit={submit} noValidate aria-label="Entrar">
              <Stack gap="md">
                <Group gap="sm" wrap="nowrap">
                  <Avatar color="brand" radius="xl" size={48}>
                    {initials(picked.name)}
                  </Avatar>
                  <Box miw={0}>
                    <Text fw={600} size="lg" truncate="end">
                      {picked.name}
                    </Text>
                    <Text c="dimmed" size="sm">
                      {ROLE_LABELS[picked.role]}
                    </Text>
                  </Box>
                </Group>
                <PinInput
                  ref={pinRef}
                  label="PIN"
                  size="lg"
                  autoComplete="off"
                  value={pin}
                  onValue={(v) => {
                    setPin(v);
                    setError(null);
                  }}
                  error={error}
                  styles={{ input: { letterSpacing: '0.3em' } }}
                />
                <Button type="submit" size="lg" loading={busy} fullWidth>
                  Entrar
                  <Shortcut keys="Enter" />
                </Button>
                {(users?.length ?? 0) > 1 && (
                  <Button variant="subtle" color="gray" onClick={() => back()} disabled={busy}>
                    Trocar de usuário
                    <Shortcut keys="Esc" />
                  </Button>
                )}
              </Stack>
            </form>
          </Paper>
        )}
      </Box>
    </Center>
  );
}
