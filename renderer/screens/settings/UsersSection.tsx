import { useEffect, useRef, useState } from 'react';
import { Alert, Avatar, Badge, Box, Button, Center, Grid, Group, Loader, Modal, Paper, Radio, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { call, ApiCallError } from '../../api';
import { userCreate, type UserAdmin } from '../../../shared/contract/people';
import { useSession } from '../../store/session';
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
  const [users, setUsers] = useState<UserAdmin[] | null>(null);
  const me = useSession((st) => st.user);
  const [pinFor, setPinFor] = useState<UserAdmin | null>(null);
  const [deactivating, setDeactivating] = useState<UserAdmin | null>(null);
  const [rowError, setRowError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [values, setValues] = useState(empty);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const load = () =>
    call<{ items: UserAdmin[] }>('users.listAll', {})
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

  useShortcuts(
    {
      F10: () => formRef.current?.requestSubmit(),
      Escape: () => {
        if (!dirty || saving) return false;
        clear();
      },
    },
    // A dialog open on top (new PIN, deactivate) has its own keys.
    { enabled: !pinFor && !deactivating },
  );

  /** users.update for one person, then the list again; a refusal (the last owner) shows above the table. */
  const update = async (u: UserAdmin, change: { active?: boolean; unlock?: true }, done: string): Promise<boolean> => {
    setRowError(null);
    setBusy(u.id);
    try {
      await call('users.update', { id: u.id, ...change });
      notifications.show({ message: done, color: 'teal', autoClose: 3000, position: 'top-right' });
      await load();
      return true;
    } catch (err) {
      setRowError(err instanceof ApiCallError ? err.message : 'Não foi possível alterar. Tente de novo.');
      return false;
    } finally {
      setBusy(null);
    }
  };

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
      <Stack gap="lg">
        <Box>
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
            {rowError && (
              <Alert color="clay" title="Não foi possível alterar" role="alert" mb="sm" withCloseButton onClose={() => setRowError(null)} closeButtonLabel="Fechar o aviso">
                {rowError}
              </Alert>
            )}
            {users && (
              <Table verticalSpacing="sm" aria-label="Usuários">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Nome</Table.Th>
                    <Table.Th w={140}>Situação</Table.Th>
                    <Table.Th w={380} ta="right">
                      Ações
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {users.map((u) => (
                    <Table.Tr key={u.id} style={u.active ? undefined : { color: 'var(--mantine-color-gray-7)' }}>
                      <Table.Td>
                        <Group gap="sm" wrap="nowrap">
                          <Avatar color={u.active ? 'brand' : 'gray'} radius="xl" size={34}>
                            {initials(u.name)}
                          </Avatar>
                          <Box miw={0}>
                            <Text fw={500} truncate="end">
                              {u.name}
                              {me?.id === u.id ? ' (você)' : ''}
                            </Text>
                            <Text size="sm" c={u.role === 'owner' ? 'brand.8' : 'dimmed'} fw={u.role === 'owner' ? 600 : 400}>
                              {ROLE_LABELS[u.role]}
                            </Text>
                          </Box>
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        {!u.active ? (
                          <Badge color="gray" variant="light" tt="none" size="lg">Desativado</Badge>
                        ) : u.lockedUntil ? (
                          <Badge color="clay" variant="light" tt="none" size="lg">Bloqueado</Badge>
                        ) : (
                          <Badge color="teal" variant="light" tt="none" size="lg">Ativo</Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Group gap={6} justify="flex-end" wrap="nowrap">
                          {u.active && u.lockedUntil && (
                            <Button size="sm" variant="light" loading={busy === u.id} onClick={() => void update(u, { unlock: true }, `${u.name} pode tentar o PIN de novo.`)} aria-label={`Desbloquear ${u.name}`}>
                              Desbloquear
                            </Button>
                          )}
                          {u.active && (
                            <Button size="sm" variant="default" onClick={() => setPinFor(u)} aria-label={`Novo PIN para ${u.name}`}>
                              Novo PIN
                            </Button>
                          )}
                          {u.active ? (
                            <Button size="sm" variant="subtle" color="clay" onClick={() => (setRowError(null), setDeactivating(u))} aria-label={`Desativar ${u.name}`}>
                              Desativar
                            </Button>
                          ) : (
                            <Button size="sm" variant="light" loading={busy === u.id} onClick={() => void update(u, { active: true }, `${u.name} pode entrar no EmDia de novo.`)} aria-label={`Reativar ${u.name}`}>
                              Reativar
                            </Button>
                          )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            <Text size="sm" c="dimmed" mt="sm">
              Cada pessoa entra com o seu nome e o seu PIN, e o que ela faz fica registrado no nome dela. Quem é desativado sai da tela de entrada, mas o histórico continua com o nome.
            </Text>
          </Paper>
        </Box>

        <Box>
          <Paper withBorder p="md" radius="md">
            <form ref={formRef} onSubmit={submit} noValidate aria-label="Novo usuário">
              <Stack gap="sm">
                <Title order={4}>Novo usuário</Title>
                <Grid gap="lg">
                  <Grid.Col span={6}>
                    <Stack gap="sm">
                      <TextInput id={fieldId('name')} label="Nome" required autoComplete="off" maxLength={120} value={values.name} onChange={(e) => set('name', e.currentTarget.value)} error={errors.name} />
                      <NewPinFields
                        pin={{ id: fieldId('pin'), label: 'PIN', value: values.pin, error: errors.pin }}
                        confirm={{ id: fieldId('pinConfirm'), value: values.pinConfirm, error: errors.pinConfirm }}
                        onPin={(v) => set('pin', v)}
                        onConfirm={(v) => set('pinConfirm', v)}
                      />
                    </Stack>
                  </Grid.Col>
                  <Grid.Col span={6}>
                    <Radio.Group id={fieldId('role')} label="Papel" value={values.role} onChange={(v) => set('role', v === 'owner' ? 'owner' : 'clerk')} error={errors.role}>
                      <Stack gap="xs" mt={6}>
                        <Radio size="md" value="clerk" label={ROLE_LABELS.clerk} description={ROLE_HINTS.clerk} />
                        <Radio size="md" value="owner" label={ROLE_LABELS.owner} description={ROLE_HINTS.owner} />
                      </Stack>
                    </Radio.Group>
                  </Grid.Col>
                </Grid>
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
        </Box>
      </Stack>
      {pinFor && (
        <NewPinDialog
          user={pinFor}
          onClose={() => setPinFor(null)}
          onDone={() => {
            notifications.show({ message: `PIN de ${pinFor.name} trocado. Avise a pessoa do PIN novo.`, color: 'teal', autoClose: 3000, position: 'top-right' });
            setPinFor(null);
            void load();
          }}
        />
      )}
      {deactivating && (
        <Modal opened onClose={() => setDeactivating(null)} title={`Desativar ${deactivating.name}?`} centered closeButtonProps={{ 'aria-label': 'Fechar' }}>
          <Text size="sm">
            {deactivating.name} sai da tela de entrada e não consegue mais entrar. O que já foi feito continua no histórico, com o nome de quem fez. Dá para reativar depois.
          </Text>
          <Group justify="flex-end" mt="lg">
            <Button variant="default" onClick={() => setDeactivating(null)}>
              Cancelar
            </Button>
            <Button
              color="clay"
              loading={busy === deactivating.id}
              onClick={async () => {
                const u = deactivating;
                await update(u, { active: false }, `${u.name} não entra mais no EmDia.`);
                setDeactivating(null);
              }}
            >
              Desativar
            </Button>
          </Group>
        </Modal>
      )}
    </Box>
  );
}

/** A new PIN for a person who forgot theirs (users.update { pin }); the wrong-PIN count starts over. */
function NewPinDialog({ user, onClose, onDone }: { user: UserAdmin; onClose(): void; onDone(): void }) {
  const [pin, setPin] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<{ pin?: string; confirm?: string }>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (saving) return;
    const found: { pin?: string; confirm?: string } = {};
    if (!/^\d{4,8}$/.test(pin)) found.pin = 'O PIN deve ter de 4 a 8 números.';
    else if (confirm !== pin) found.confirm = 'Os dois PINs não conferem. Digite o mesmo PIN nos dois campos.';
    setErrors(found);
    if (found.pin || found.confirm) {
      requestAnimationFrame(() => document.getElementById(found.pin ? 'settings-newpin-pin' : 'settings-newpin-confirm')?.focus());
      return;
    }
    setSaving(true);
    setFormError(null);
    try {
      await call('users.update', { id: user.id, pin });
      onDone();
    } catch (err) {
      setFormError(err instanceof ApiCallError ? err.message : 'Não foi possível trocar o PIN. Tente de novo.');
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={`Novo PIN para ${user.name}`} centered closeButtonProps={{ 'aria-label': 'Fechar' }}>
      <form onSubmit={submit} noValidate aria-label={`Novo PIN para ${user.name}`}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            O PIN antigo deixa de valer na hora. Combine o novo pessoalmente com {user.name}.
          </Text>
          <NewPinFields
            pin={{ id: 'settings-newpin-pin', label: 'Novo PIN', value: pin, error: errors.pin }}
            confirm={{ id: 'settings-newpin-confirm', value: confirm, error: errors.confirm }}
            onPin={(v) => (setPin(v), setErrors({}))}
            onConfirm={(v) => (setConfirm(v), setErrors({}))}
          />
          {formError && (
            <Alert color="clay" role="alert">
              {formError}
            </Alert>
          )}
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              Cancelar
            </Button>
            <Button type="submit" loading={saving}>
              Trocar o PIN
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
