import { Alert, Button, Center, Loader, Stack } from '@mantine/core';

/**
 * What a print view shows before its document is ready: the reason it could not be opened, with a way back,
 * or a loader. `what` names the document ("o carnê", "o recibo").
 */
export function PrintPending({ error, what, onClose }: { error: string | null; what: string; onClose(): void }) {
  return (
    <Center p="xl">
      {error ? (
        <Stack align="center">
          <Alert color="clay" title={`Não foi possível abrir ${what}`}>
            {error}
          </Alert>
          <Button variant="default" onClick={onClose}>
            Voltar
          </Button>
        </Stack>
      ) : (
        <Loader aria-label={`Preparando ${what}`} />
      )}
    </Center>
  );
}
