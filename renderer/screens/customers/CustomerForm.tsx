import { useEffect, useRef, useState } from 'react';
import { ActionIcon, Alert, Box, Button, Center, Checkbox, Grid, Group, Loader, Paper, Stack, Text, TextInput, Textarea, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { call, ApiCallError } from '../../api';
import { formatCpf } from '../../../shared/cpf';
import { formatPhone } from '../../../shared/phone';
import { maskDateBR } from '../../../shared/ui-format/input-masks';
import type { Customer } from '../../../shared/contract/people';
import { IconPlus, IconTrash } from '../../components/icons';
import { Shortcut } from '../../components/Shortcut';
import { useShortcuts } from '../../shell/keys';
import classes from './CustomerForm.module.css';
import { useSession } from '../../store/session';
import {
  MAX_PHONES,
  cpfError,
  draftFromCustomer,
  draftToInput,
  emptyDraft,
  firstErrorPath,
  mapPhonePath,
  newPhone,
  type CustomerDraft,
  type FieldErrors,
} from './customer-draft';

const fieldId = (path: string) => `customer-field-${path.replace(/\./g, '-')}`;

interface Props {
  /** absent for a new customer */
  customerId?: string;
  onDone(): void;
  onCancel(): void;
}

/** Novo cliente / Editar cliente. Enter or F10 saves, Esc cancels; errors appear next to their field. */
export function CustomerForm({ customerId, onDone, onCancel }: Props) {
  const today = useSession((s) => s.today);
  const [draft, setDraft] = useState<CustomerDraft>(emptyDraft);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [loading, setLoading] = useState(!!customerId);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const editing = !!customerId;

  useEffect(() => {
    if (!customerId) return;
    let alive = true;
    call<Customer>('customers.get', { id: customerId })
      .then((c) => alive && (setDraft(draftFromCustomer(c)), setLoading(false)))
      .catch((e: unknown) => alive && (setLoadError(e instanceof ApiCallError ? e.message : 'Não foi possível abrir o cliente.'), setLoading(false)));
    return () => {
      alive = false;
    };
  }, [customerId]);

  useShortcuts({
    Escape: () => onCancel(),
    F10: () => formRef.current?.requestSubmit(),
  });

  const update = <K extends keyof CustomerDraft>(key: K, value: CustomerDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    if (errors[key as string]) setErrors(({ [key as string]: _gone, ...rest }) => rest);
  };

  const setError = (path: string, message: string | null) =>
    setErrors(({ [path]: _old, ...rest }) => (message ? { ...rest, [path]: message } : rest));

  const updatePhone = (index: number, patch: Partial<CustomerDraft['phones'][number]>) => {
    setDraft((d) => ({ ...d, phones: d.phones.map((p, i) => (i === index ? { ...p, ...patch } : p)) }));
    if ('number' in patch) setError(`phones.${index}.number`, null);
  };

  const addPhone = () => {
    if (draft.phones.length >= MAX_PHONES) return;
    setDraft((d) => ({ ...d, phones: [...d.phones, newPhone()] }));
    const next = draft.phones.length;
    requestAnimationFrame(() => document.getElementById(fieldId(`phones.${next}.number`))?.focus());
  };

  const removePhone = (index: number) => {
    setDraft((d) => ({ ...d, phones: d.phones.length > 1 ? d.phones.filter((_, i) => i !== index) : [newPhone()] }));
    // Errors of later lines shift with them; simplest is to drop the phone errors and re-check on save.
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith('phones'))));
  };

  const showErrors = (found: FieldErrors) => {
    setErrors(found);
    const first = firstErrorPath(found);
    if (first) requestAnimationFrame(() => document.getElementById(fieldId(first))?.focus());
  };

  const submit = async (e?: React.FormEvent) => {
    e?.preventDefault();
    if (saving) return;
    setFormError(null);
    const { input, errors: found, phoneIndex } = draftToInput(draft, today);
    if (!input) return showErrors(found);
    setSaving(true);
    try {
      // On update an absent field means "keep": an emptied text is sent as "" and an emptied birth date as null.
      if (customerId) await call('customers.update', { id: customerId, ...input, email: draft.email.trim(), address: draft.address.trim(), notes: draft.notes.trim(), birthDate: input.birthDate ?? null });
      else await call('customers.create', input);
      notifications.show({ message: 'Cliente salvo.', color: 'teal', autoClose: 2500 });
      onDone();
    } catch (err) {
      setSaving(false);
      if (!(err instanceof ApiCallError)) return setFormError('Não foi possível salvar. Tente de novo.');
      const fromServer: FieldErrors = {};
      for (const issue of err.issues) {
        const path = mapPhonePath(issue.path, phoneIndex);
        if (path && !fromServer[path]) fromServer[path] = issue.message;
      }
      // A conflict ("Já existe um cliente com este CPF: Fulano.") says more than its field note.
      if (err.kind !== 'validation' || !Object.keys(fromServer).length) setFormError(err.message);
      showErrors(fromServer);
    }
  };

  if (loading || loadError) {
    return (
      <Center h="100%">
        {loadError ? (
          <Stack align="center">
            <Alert color="clay" title="Não foi possível abrir o cliente">
              {loadError}
            </Alert>
            <Button variant="default" onClick={onCancel}>
              Voltar
              <Shortcut keys="Esc" />
            </Button>
          </Stack>
        ) : (
          <Loader aria-label="Carregando o cliente" />
        )}
      </Center>
    );
  }

  const err = (path: string) => errors[path];
  return (
    <Box style={{ flex: 1, minHeight: 0, overflowY: 'auto' }}>
      <Box component="form" ref={formRef} onSubmit={submit} noValidate px="xl" pt="lg" maw={1080} aria-label={editing ? 'Editar cliente' : 'Novo cliente'}>
        <Group justify="space-between" mb="md" wrap="nowrap">
          <Box>
            <Title order={2}>{editing ? 'Editar cliente' : 'Novo cliente'}</Title>
            <Text c="dimmed" size="sm">
              {editing ? 'Altere o que precisar e salve.' : 'Nome, CPF e um telefone bastam para começar; o resto pode vir depois.'}
            </Text>
          </Box>
        </Group>

        <Grid gap="lg">
          <Grid.Col span={6}>
            <Paper withBorder p="md" radius="md">
              <Stack gap="sm">
                <TextInput
                  id={fieldId('name')}
                  label="Nome completo"
                  required
                  autoFocus
                  autoComplete="off"
                  value={draft.name}
                  onChange={(e) => update('name', e.currentTarget.value)}
                  error={err('name')}
                  maxLength={120}
                />
                <Group grow align="flex-start">
                  <TextInput
                    id={fieldId('cpf')}
                    label="CPF"
                    required
                    inputMode="numeric"
                    autoComplete="off"
                    placeholder="000.000.000-00"
                    value={draft.cpf}
                    onChange={(e) => {
                      const masked = formatCpf(e.currentTarget.value);
                      setDraft((d) => ({ ...d, cpf: masked }));
                      setError('cpf', cpfError(masked, false));
                    }}
                    onBlur={() => draft.cpf && setError('cpf', cpfError(draft.cpf, true))}
                    error={err('cpf')}
                    styles={{ input: { fontVariantNumeric: 'tabular-nums' } }}
                  />
                  <TextInput
                    id={fieldId('birthDate')}
                    label="Data de nascimento"
                    inputMode="numeric"
                    autoComplete="off"
                    placeholder="dd/mm/aaaa"
                    value={draft.birthDate}
                    onChange={(e) => update('birthDate', maskDateBR(e.currentTarget.value))}
                    error={err('birthDate')}
                    styles={{ input: { fontVariantNumeric: 'tabular-nums' } }}
                  />
                </Group>
                <TextInput
                  id={fieldId('email')}
                  label="E-mail"
                  type="email"
                  autoComplete="off"
                  placeholder="nome@exemplo.com.br"
                  value={draft.email}
                  onChange={(e) => update('email', e.currentTarget.value)}
                  error={err('email')}
                />
                <TextInput
                  id={fieldId('address')}
                  label="Endereço"
                  autoComplete="off"
                  placeholder="Rua, número, bairro, cidade"
                  value={draft.address}
                  onChange={(e) => update('address', e.currentTarget.value)}
                  error={err('address')}
                  maxLength={200}
                />
              </Stack>
            </Paper>
            <Paper withBorder p="md" radius="md" mt="lg">
              <Textarea
                id={fieldId('notes')}
                label="Observações"
                placeholder="O que a equipe precisa saber sobre este cliente"
                autosize
                minRows={3}
                maxRows={6}
                value={draft.notes}
                onChange={(e) => update('notes', e.currentTarget.value)}
                error={err('notes')}
                maxLength={2000}
              />
            </Paper>
          </Grid.Col>

          <Grid.Col span={6}>
            <Paper withBorder p="md" radius="md">
              <Stack gap="sm">
                <Text fw={500} size="md">
                  Telefones
                </Text>
                {draft.phones.map((p, i) => (
                  <Box key={p.key}>
                    <Group gap="xs" align="flex-start" wrap="nowrap">
                      <TextInput
                        id={fieldId(`phones.${i}.number`)}
                        aria-label={`Telefone ${i + 1}`}
                        inputMode="tel"
                        autoComplete="off"
                        placeholder="(00) 00000-0000"
                        value={p.number}
                        onChange={(e) => updatePhone(i, { number: formatPhone(e.currentTarget.value) })}
                        error={err(`phones.${i}.number`)}
                        style={{ flex: 1 }}
                        styles={{ input: { fontVariantNumeric: 'tabular-nums' } }}
                      />
                      <Tooltip label="Tirar este telefone">
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          size={42}
                          aria-label={`Tirar o telefone ${i + 1}`}
                          onClick={() => removePhone(i)}
                          disabled={draft.phones.length === 1 && !p.number}
                        >
                          <IconTrash size={20} />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                    <Checkbox
                      mt={8}
                      size="sm"
                      label="Aceita lembretes por WhatsApp"
                      checked={p.whatsapp}
                      onChange={(e) => updatePhone(i, { whatsapp: e.currentTarget.checked })}
                    />
                  </Box>
                ))}
                {err('phones') && (
                  <Text c="red.7" size="sm">
                    {err('phones')}
                  </Text>
                )}
                {draft.phones.length < MAX_PHONES && (
                  <Button variant="subtle" leftSection={<IconPlus size={18} />} onClick={addPhone} w="fit-content" px="xs">
                    Adicionar telefone
                  </Button>
                )}
              </Stack>
            </Paper>

            <Paper withBorder p="md" radius="md" mt="lg">
              <Stack gap="md">
                <Checkbox
                  label="Não ligar"
                  description="O cliente pediu para não receber ligações de cobrança."
                  checked={draft.doNotCall}
                  onChange={(e) => update('doNotCall', e.currentTarget.checked)}
                />
                <Checkbox
                  label="Sem lembretes automáticos"
                  description="O cliente pediu para não receber os lembretes da régua (WhatsApp, SMS, e-mail)."
                  checked={draft.remindersPaused}
                  onChange={(e) => update('remindersPaused', e.currentTarget.checked)}
                />
                <Checkbox
                  label="Cliente estratégico"
                  description="Cliente importante para a loja: atenção especial em cada contato."
                  checked={draft.keyCustomer}
                  onChange={(e) => update('keyCustomer', e.currentTarget.checked)}
                />
              </Stack>
            </Paper>
          </Grid.Col>

        </Grid>

        <Box className={classes.actions}>
          {formError && (
            <Alert color="clay" mb="md" title="Não foi possível salvar" role="alert">
              {formError}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={saving}>
            Cancelar
            <Shortcut keys="Esc" />
          </Button>
          <Button type="submit" loading={saving} miw={170}>
            Salvar
            <Shortcut keys="F10" />
          </Button>
          </Group>
        </Box>
      </Box>
    </Box>
  );
}
