import { useEffect, useRef, useState } from 'react';
import { Alert, Avatar, Box, Button, Center, Grid, Group, Loader, Paper, Radio, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { call, ApiCallError } from '../../api';
import { userCreate, type UserPublic } from '../../../shared/contract/people';
import { NewPinFields } from '../../components/NewPinFields';
import { ROLE_LABELS, initials } from '../../components/people';
import { Shortcut } from '../../components/Shortcut';
import { useShortcuts } from '../../shell/keys';
import classes from './Settings.module.css';

type Field = 'name' | 'role' | 'pin' | 'pinConfirm';
const ORDER: Field[] = ['name', 'role', 'pin', 'pinConfirm'];
const fieldId = (f: Field) => `settings-user-${f}`;

const ROLE_HINTS = {
  clerk: 'Vende, recebe e liga. Vê as configurações, mas não muda.',
  owner: 'Tudo do atendente, mais configurações, usuários e aprovações com PIN.',
} as const;

const empty = { name: '', role: 'clerk' as 'clerk' | 'owner', pin: '', pinConfirm: '' };

/** Usuários (owner only): who can log in, and a form for a new clerk or owner with a PIN. */
export function UsersSection() {
  const [users, setUsers] = useState<UserPublic[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [values, setValues] = useState(empty);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const load = () =>
    call<{ items: UserPublic[] }>('users.list', {})
      .then((r) => (setUsers(r.items), setLoadError(null)))
      .catch((e: unknown) => setLoadError(e instanceof ApiCallError ? e.message : 'Não foi possível carregar os usuários.'));

  useEffect(() => {
    void load();
  }, []);

  const dirty = values.name !== '' || values.pin !== '' || values.pinConfirm !== '' || values.role !== 'clerk';
  const clear = () => {
    setValues(empty);
    setErrors({});
    setFormError(null);
  };

  useShortcuts({
    F10: () => formRef.current?.requestSubmit(),
    Escape: () => {
      if (!dirty || saving) return false;
      clear();
    },
  });

  const set = (f: Field, v: string) => {
    setValues((s) => ({ ...s, [f]: v }));
    setErrors(({ [f]: _gone, ...rest }) => rest);
  };

  const show = (found: Partial<Record<Field, string>>) => {
    setErrors(found);
    const first = ORDER.find((f) => found[f]);
    if (first) requestAnimationFrame(() => document.getElementById(fieldId(first))?.focus());
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (saving) return;
    setFormError(null);
    const input = { name: values.name.trim(), role: values.role, pin: values.pin };
    const found: Partial<Record<Field, string>> = {};
    const parsed = userCreate.safeParse(input);
    if (!parsed.success) for (const i of parsed.error.issues) found[String(i.path[0]) as Field] ??= i.message;
    if (!found.pin && values.pinConfirm !== values.pin) found.pinConfirm = 'Os dois PINs não conferem. Digite o mesmo PIN nos dois campos.';
    if (Object.keys(found).length) return show(found);

    setSaving(true);
    try {
      await call('users.create', input);
      notifications.show({ message: `${input.name} já pode entrar no EmDia como ${ROLE_LABELS[input.role].toLowerCase()}.`, color: 'teal', autoClose: 3000, position: 'top-right' });
      clear();
      await load();
      requestAnimationFrame(() => document.getElementById(fieldId('name'))?.focus());
    } catch (err) {
      if (!(err instanceof ApiCallError)) setFormError('Não foi possível cadastrar. Tente de novo.');
      else {
        const fromServer: Partial<Record<Field, string>> = {};
        for (const i of err.issues) if (ORDER.includes(i.path as Field)) fromServer[i.path as Field] ??= i.message;
        if (!Object.keys(fromServer).length) setFormError(err.message);
        show(fromServer);
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Box className={classes.form}>
      <Grid gap="lg">
        <Grid.Col span={6}>
          <Paper withBorder p="md" radius="md">
            <Title order={4} mb="xs">
              Quem usa o EmDia
            </Title>
            {loadError && (
              <Alert color="clay" title="Não foi possível carregar os usuários">
                {loadError}
              </Alert>
            )}
            {!users && !loadError && (
              <Center h={120}>
                <Loader aria-label="Carregando usuários" />
              </Center>
            )}
            {users && (
              <Table verticalSpacing="sm" aria-label="Usuários">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Nome</Table.Th>
                    <Table.Th w={130}>Papel</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {users.map((u) => (
                    <Table.Tr key={u.id}>
                      <Table.Td>
                        <Group gap="sm" wrap="nowrap">
                          <Avatar color="brand" radius="xl" size={34}>
                            {initials(u.name)}
                          </Avatar>
                          <Text fw={500} truncate="end">
                            {u.name}
                          </Text>
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Text component="span" c={u.role === 'owner' ? 'brand.8' : undefined} fw={u.role === 'owner' ? 600 : 400}>
                          {ROLE_LABELS[u.role]}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            <Text size="sm" c="dimmed" mt="sm">
              Cada pessoa entra com o seu nome e o seu PIN, e o que ela faz fica registrado no nome dela.
            </Text>
          </Paper>
        </Grid.Col>

        <Grid.Col span={6}>
          <Paper withBorder p="md" radius="md">
            <form ref={formRef} onSubmit={submit} noValidate aria-label="Novo usuário">
              <Stack gap="sm">
                <Title order={4}>Novo usuário</Title>
                <TextInput id={fieldId('name')} label="Nome" required autoComplete="off" maxLength={120} value={values.name} onChange={(e) => set('name', e.currentTarget.value)} error={errors.name} />
                <Radio.Group id={fieldId('role')} label="Papel" value={values.role} onChange={(v) => set('role', v === 'owner' ? 'owner' : 'clerk')} error={errors.role}>
                  <Stack gap="xs" mt={6}>
                    <Radio size="md" value="clerk" label={ROLE_LABELS.clerk} description={ROLE_HINTS.clerk} />
                    <Radio size="md" value="owner" label={ROLE_LABELS.owner} description={ROLE_HINTS.owner} />
                  </Stack>
                </Radio.Group>
                <NewPinFields
                  pin={{ id: fieldId('pin'), label: 'PIN', value: values.pin, error: errors.pin }}
                  confirm={{ id: fieldId('pinConfirm'), value: values.pinConfirm, error: errors.pinConfirm }}
                  onPin={(v) => set('pin', v)}
                  onConfirm={(v) => set('pinConfirm', v)}
                />
                {formError && (
                  <Alert color="clay" title="Não foi possível cadastrar" role="alert">
                    {formError}
                  </Alert>
                )}
                <Group justify="flex-end" gap="sm" mt="xs">
                  <Button variant="default" onClick={clear} disabled={!dirty || saving}>
                    Limpar
                    <Shortcut keys="Esc" />
                  </Button>
                  <Button type="submit" loading={saving}>
                    Cadastrar usuário
                    <Shortcut keys="F10" />
                  </Button>
                </Group>
              </Stack>
            </form>
          </Paper>
        </Grid.Col>
      </Grid>
    </Box>
  );
}
