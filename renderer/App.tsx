import { useEffect, useState } from 'react';
import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import { call, onSessionLost } from './api';
import { AppLayout } from './shell/AppLayout';
import { FirstStart } from './screens/setup/FirstStart';
import { LoginScreen } from './screens/login/LoginScreen';
import { useSession } from './store/session';
import { DamagedScreen, type DamagedStatus } from './screens/damage/DamagedScreen';

/** First start, login, or the app — decided by what the backend says about this store and this session. */
export function App() {
  const { phase, problem, boot, sessionLost } = useSession();
  // A damaged, locked or unreadable data file (db/health): its own screen before anything else.
  const [damaged, setDamaged] = useState<DamagedStatus | null>(null);

  useEffect(() => {
    call<DamagedStatus | { ok: true }>('health.status', {})
      .then((h) => (h.ok ? null : setDamaged(h)))
      .catch(() => undefined) // unreachable backend: boot() shows the offline screen
      .finally(() => void boot());
    return onSessionLost(sessionLost);
  }, [boot, sessionLost]);

  if (damaged) return <DamagedScreen status={damaged} onRecovered={() => (setDamaged(null), void boot())} />;

  if (phase === 'setup') return <FirstStart />;
  if (phase === 'login') return <LoginScreen />;
  if (phase === 'app') return <AppLayout />;
  if (phase === 'offline') {
    return (
      <Center mih="100dvh" p="xl">
        <Stack maw={480}>
          <Alert color="clay" title="Não foi possível abrir o EmDia" role="alert">
            {problem}
          </Alert>
          <Button onClick={() => void boot()}>Tentar de novo</Button>
        </Stack>
      </Center>
    );
  }
  return (
    <Center mih="100dvh">
      <Loader aria-label="Abrindo o EmDia" />
    </Center>
  );
}
