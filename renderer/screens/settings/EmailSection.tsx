import { useEffect, useRef, useState } from 'react';
import { Alert, Box, Button, Grid, Group, Paper, PasswordInput, Radio, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { call, ApiCallError } from '../../api';
import { mailTest, type MailTestStatus } from '../../../shared/contract/settings';
import { NumberField } from './fields';
import { fieldId, type FieldErrors, type Num } from './settings-draft';
import { hasSavedPassword, type EmailDraft } from './email-draft';

/** Screen order, to focus the first field with an error. */
export const EMAIL_ORDER = ['smtp.host', 'smtp.port', 'smtp.user', 'smtp.password', 'smtp.from'];

interface Props {
  value: EmailDraft;
  onChange(patch: Partial<EmailDraft>): void;
  errors: FieldErrors;
  setError(path: string, message: string | null): void;
  /** the section differs from what is saved */
  dirty: boolean;
  /** an account is saved (the test uses the saved one) */
  saved: boolean;
}

/** E-mail: the store's own account, through which the régua's e-mail reminders go out (db/mail/outbox.ts). */
export function EmailSection({ value, onChange, errors, setError, dirty, saved }: Props) {
  const edit = (key: keyof EmailDraft, v: EmailDraft[keyof EmailDraft]) => {
    onChange({ [key]: v });
    setError(`smtp.${key}`, null);
  };
  const text = (key: 'host' | 'user' | 'from') => ({
    id: fieldId(`smtp.${key}`),
    value: value[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => edit(key, e.currentTarget.value),
    error: errors[`smtp.${key}`],
    autoComplete: 'off',
    spellCheck: false,
  });

  return (
    <Grid gap="lg">
      <Grid.Col span={7}>
        <Paper withBorder p="md" radius="md">
          <Stack gap="sm">
            <Group justify="space-between" wrap="nowrap">
              <Title order={4}>Conta de e-mail da loja</Title>
              <Switch size="md" label="Enviar lembretes por e-mail" checked={value.enabled} onChange={(e) => onChange({ enabled: e.currentTarget.checked })} />
            </Group>
            {!value.enabled ? (
              <Text size="sm" c="dimmed">
                Desligado: os passos da régua por e-mail esperam até a loja ter uma conta configurada. Ligue para preencher os dados do servidor.
              </Text>
            ) : (
              <>
                <Grid gap="sm">
                  <Grid.Col span={8}>
                    <TextInput {...text('host')} label="Servidor SMTP" required placeholder="smtp.gmail.com" maxLength={200} />
                  </Grid.Col>
                  <Grid.Col span={4}>
                    <NumberField path="smtp.port" value={value.port} onValue={(v: Num) => edit('port', v)} errors={errors} label="Porta" required placeholder="587" thousandSeparator={false} />
                  </Grid.Col>
                </Grid>
                <Radio.Group
                  label="Conexão segura"
                  value={value.secure ? 'ssl' : 'starttls'}
                  onChange={(v) => edit('secure', v === 'ssl')}
                >
                  <Group gap="xl" mt={6}>
                    <Radio size="md" value="starttls" label="STARTTLS (porta 587)" />
                    <Radio size="md" value="ssl" label="SSL desde o início (porta 465)" />
                  </Group>
                </Radio.Group>
                <Grid gap="sm">
                  <Grid.Col span={6}>
                    <TextInput {...text('user')} label="Usuário" placeholder="loja@exemplo.com.br" maxLength={200} />
                  </Grid.Col>
                  <Grid.Col span={6}>
                    <PasswordInput
                      id={fieldId('smtp.password')}
                      label="Senha"
                      description={hasSavedPassword(value) ? 'Senha guardada. Para trocar, apague e digite a nova.' : undefined}
                      value={value.password}
                      onChange={(e) => edit('password', e.currentTarget.value)}
                      error={errors['smtp.password']}
                      autoComplete="new-password"
                      maxLength={200}
                    />
                  </Grid.Col>
                </Grid>
                <TextInput {...text('from')} label="Remetente" required placeholder="Loja Boa Vista <loja@exemplo.com.br>" description="Como o cliente vê quem mandou. Use o e-mail da própria conta." maxLength={200} />
              </>
            )}
          </Stack>
        </Paper>
      </Grid.Col>
      <Grid.Col span={5}>
        <Stack gap="md">
          <Paper withBorder p="md" radius="md" bg="gray.0">
            <Title order={4} mb="xs">
              Onde achar estes dados
            </Title>
            <Text size="sm">
              No provedor do e-mail da loja. No Gmail e no Outlook, crie uma &quot;senha de app&quot; e use-a aqui, no lugar da senha de sempre.
            </Text>
            <Text size="sm" c="dimmed" mt="xs">
              Os e-mails saem sem links: o cliente confere quem escreveu pelo CNPJ e pelo endereço da loja, no fim da mensagem.
            </Text>
          </Paper>
          <EmailTest dirty={dirty} saved={saved} />
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

interface TestProps {
  /** the account on screen differs from the saved one: the test would not test what is on screen */
  dirty: boolean;
  /** an account is saved */
  saved: boolean;
}

/** "Enviar teste": one e-mail through the SAVED account (mail.test), followed until the server answers. */
function EmailTest({ dirty, saved }: TestProps) {
  const [to, setTo] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<MailTestStatus | null>(null);
  const [starting, setStarting] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const follow = () => {
    timer.current = setTimeout(() => {
      call<MailTestStatus>('mail.testStatus', {})
        .then((s) => {
          setStatus(s);
          if (s.state === 'sending') follow();
        })
        .catch(() => setStatus(null));
    }, 700);
  };
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  const send = async () => {
    setError(null);
    const checked = mailTest.safeParse({ email: to.trim() });
    if (!checked.success) {
      setError(checked.error.issues[0]?.message ?? 'Confira o endereço.');
      requestAnimationFrame(() => document.getElementById('settings-mail-test-to')?.focus());
      return;
    }
    setStarting(true);
    try {
      const s = await call<MailTestStatus>('mail.test', checked.data);
      setStatus(s);
      if (s.state === 'sending') follow();
    } catch (e) {
      setError(e instanceof ApiCallError ? e.message : 'Não foi possível enviar o teste. Tente de novo.');
    } finally {
      setStarting(false);
    }
  };

  const sending = starting || status?.state === 'sending';
  const blocked = !saved ? 'Salve a conta de e-mail antes de testar.' : dirty ? 'Há alterações não salvas: salve antes de testar, o teste usa a conta salva.' : null;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="Testar a conta de e-mail">
      <Title order={4}>Testar a conta</Title>
      <Text size="sm" c="dimmed" mb="sm">
        Manda um e-mail de teste pela conta salva. Se ele chegar, os lembretes por e-mail também vão chegar.
      </Text>
      <Stack gap="sm">
        <TextInput
          id="settings-mail-test-to"
          label="Enviar para"
          placeholder="voce@exemplo.com.br"
          value={to}
          onChange={(e) => {
            setTo(e.currentTarget.value);
            setError(null);
          }}
          onKeyDown={(e) => {
            // Enter sends the test, not the account form around it.
            if (e.key === 'Enter') {
              e.preventDefault();
              if (!blocked && !sending) void send();
            }
          }}
          error={error}
          autoComplete="email"
          inputMode="email"
          disabled={!!blocked}
        />
        <Button onClick={() => void send()} loading={sending} disabled={!!blocked} fullWidth>
          Enviar teste
        </Button>
      </Stack>
      {blocked && (
        <Text size="sm" c="dimmed" mt="xs">
          {blocked}
        </Text>
      )}
      {status && status.state !== 'idle' && (
        <Box mt="sm" role="status" aria-live="polite">
          {status.state === 'sending' ? (
            <Text size="sm">{status.message}</Text>
          ) : (
            <Alert color={status.state === 'sent' ? 'teal' : 'clay'} title={status.state === 'sent' ? 'Teste enviado' : 'O teste não foi enviado'}>
              {status.message}
            </Alert>
          )}
        </Box>
      )}
    </Paper>
  );
}
