import { useEffect } from 'react';
import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import { onSessionLost } from './api';
import { AppLayout } from './shell/AppLayout';
import { FirstStart } from './screens/setup/FirstStart';
import { LoginScreen } from './screens/login/LoginScreen';
import { useSession } from './store/session';

/** First start, login, or the app — decided by what the backend says about this store and this session. */
export function App() {
  const { phase, problem, boot, sessionLost } = useSession();

  useEffect(() => {
    void boot();
    return onSessionLost(sessionLost);
  }, [boot, sessionLost]);

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
