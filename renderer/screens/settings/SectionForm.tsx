import { useRef, type ReactNode } from 'react';
import { Alert, Box, Button, Group, Text } from '@mantine/core';
import { Shortcut } from '../../components/Shortcut';
import { useShortcuts } from '../../shell/keys';
import classes from './Settings.module.css';

interface Props {
  /** the form's accessible name, e.g. "Dados da loja" */
  label: string;
  readOnly: boolean;
  dirty: boolean;
  saving: boolean;
  formError: string | null;
  onSave(): void;
  onDiscard(): void;
  saveLabel?: string;
  children: ReactNode;
}

/**
 * One section of Configurações as one form: F10 or Enter saves it, Esc puts back what is saved. For a clerk
 * every field is disabled (the backend refuses their changes anyway) and no button is shown.
 */
export function SectionForm({ label, readOnly, dirty, saving, formError, onSave, onDiscard, saveLabel = 'Salvar', children }: Props) {
  const formRef = useRef<HTMLFormElement>(null);

  useShortcuts(
    {
      F10: () => formRef.current?.requestSubmit(),
      Escape: () => {
        if (!dirty || saving) return false;
        onDiscard();
      },
    },
    { enabled: !readOnly },
  );

  return (
    <Box
      component="form"
      ref={formRef}
      noValidate
      aria-label={label}
      className={`${classes.form} ${readOnly ? classes.readOnly : ''}`}
      onSubmit={(e: React.FormEvent) => {
        e.preventDefault();
        if (!readOnly && !saving) onSave();
      }}
    >
      <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        {children}
      </fieldset>
      {readOnly ? (
        <div className={classes.bottomSpace} />
      ) : (
        <Box className={classes.actions}>
          {formError && (
            <Alert color="clay" mb="md" title="Não foi possível salvar" role="alert">
              {formError}
            </Alert>
          )}
          <Group justify="space-between" gap="sm" wrap="nowrap">
            <Text size="sm" c="dimmed" aria-live="polite">
              {dirty ? 'Há alterações ainda não salvas nesta seção.' : 'Tudo salvo.'}
            </Text>
            <Group gap="sm" wrap="nowrap">
              <Button variant="default" onClick={onDiscard} disabled={!dirty || saving}>
                Desfazer alterações
                <Shortcut keys="Esc" />
              </Button>
              <Button type="submit" loading={saving} miw={170}>
                {saveLabel}
                <Shortcut keys="F10" />
              </Button>
            </Group>
          </Group>
        </Box>
      )}
    </Box>
  );
}
