import { useState } from 'react';
import { Alert, Button, Grid, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { call, ApiCallError } from '../../api';
import { storeSetup } from '../../../shared/contract/methods';
import { formatCnpj, isValidCnpj, onlyDigits } from '../../../shared/cpf';
import { BRAZIL_STATES } from '../../../shared/ui-format/states';
import { NewPinFields } from '../../components/NewPinFields';
import { Shortcut } from '../../components/Shortcut';
import { useShortcuts } from '../../shell/keys';
import { useSession } from '../../store/session';

const UF_OPTIONS = BRAZIL_STATES.map((s) => ({ value: s.uf, label: `${s.uf} — ${s.name}` }));

type Field = 'storeName' | 'cnpj' | 'state' | 'address' | 'city' | 'ownerName' | 'ownerPin' | 'pinConfirm';
const ORDER: Field[] = ['storeName', 'cnpj', 'state', 'address', 'city', 'ownerName', 'ownerPin', 'pinConfirm'];
const fieldId = (f: string) => `setup-${f}`;

/** "Configurar minha loja": the store's name, CNPJ, address and city (optional), UF and its owner with a PIN. */
export function SetupStoreForm({ onBack }: { onBack: () => void }) {
  const enter = useSession((s) => s.enter);
  const [values, setValues] = useState({ storeName: '', cnpj: '', state: '' as string | null, address: '', city: '', ownerName: '', ownerPin: '', pinConfirm: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useShortcuts({ Escape: () => !saving && onBack() });

  const set = (f: Field, v: string | null) => {
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
    const input = {
      storeName: values.storeName.trim(),
      cnpj: onlyDigits(values.cnpj) || undefined,
      state: values.state ?? '',
      // Printed on every carnê and receipt (CDC art. 42-A); optional here, asked again in Configurações.
      address: values.address.trim() || undefined,
      city: values.city.trim() || undefined,
      ownerName: values.ownerName.trim(),
      ownerPin: values.ownerPin,
    };
    const found: Partial<Record<Field, string>> = {};
    const parsed = storeSetup.safeParse(input);
    if (!parsed.success) for (const i of parsed.error.issues) found[String(i.path[0]) as Field] ??= i.message;
    if (input.cnpj && !isValidCnpj(input.cnpj)) found.cnpj = 'CNPJ inválido: confira os 14 dígitos (ou deixe em branco).';
    if (!found.ownerPin && values.pinConfirm !== values.ownerPin) found.pinConfirm = 'Os dois PINs não conferem. Digite o mesmo PIN nos dois campos.';
    if (Object.keys(found).length) return show(found);

    setSaving(true);
    try {
      await call('setup.store', input);
      await enter();
    } catch (err) {
      setSaving(false);
      if (!(err instanceof ApiCallError)) return setFormError('Não foi possível configurar a loja. Tente de novo.');
      const fromServer: Partial<Record<Field, string>> = {};
      for (const i of err.issues) if (ORDER.includes(i.path as Field)) fromServer[i.path as Field] ??= i.message;
      if (!Object.keys(fromServer).length) setFormError(err.message);
      show(fromServer);
    }
  };

  return (
    <Paper withBorder radius="lg" p="xl" shadow="sm">
      <form onSubmit={submit} noValidate aria-label="Configurar minha loja">
        <Stack gap="md">
          <div>
            <Title order={2}>Configurar minha loja</Title>
            <Text c="dimmed">Esses dados aparecem nos carnês e recibos. Dá para mudar depois em Configurações.</Text>
          </div>
          <TextInput id={fieldId('storeName')} label="Nome da loja" required autoFocus autoComplete="off" value={values.storeName} onChange={(e) => set('storeName', e.currentTarget.value)} error={errors.storeName} maxLength={120} />
          <SimpleGrid cols={2}>
            <TextInput
              id={fieldId('cnpj')}
              label="CNPJ"
              description="Opcional"
              autoComplete="off"
              placeholder="00.000.000/0000-00"
              value={values.cnpj}
              onChange={(e) => set('cnpj', formatCnpj(e.currentTarget.value))}
              error={errors.cnpj}
              styles={{ input: { fontVariantNumeric: 'tabular-nums' } }}
            />
            <Select
              id={fieldId('state')}
              label="UF"
              description="Estado da loja"
              required
              searchable
              data={UF_OPTIONS}
              value={values.state}
              onChange={(v) => set('state', v)}
              placeholder="Escolha a UF"
              nothingFoundMessage="Nenhuma UF com esse nome"
              error={errors.state}
              maxDropdownHeight={260}
              comboboxProps={{ withinPortal: true }}
            />
          </SimpleGrid>
          <Grid gap="md">
            <Grid.Col span={7}>
              <TextInput
                id={fieldId('address')}
                label="Endereço"
                description="Opcional: rua, número e bairro"
                autoComplete="off"
                value={values.address}
                onChange={(e) => set('address', e.currentTarget.value)}
                error={errors.address}
                maxLength={200}
              />
            </Grid.Col>
            <Grid.Col span={5}>
              <TextInput id={fieldId('city')} label="Cidade" description="Opcional" autoComplete="off" value={values.city} onChange={(e) => set('city', e.currentTarget.value)} error={errors.city} maxLength={80} />
            </Grid.Col>
          </Grid>
          <TextInput id={fieldId('ownerName')} label="Nome do dono" required autoComplete="off" value={values.ownerName} onChange={(e) => set('ownerName', e.currentTarget.value)} error={errors.ownerName} maxLength={120} />
          <NewPinFields
            pin={{ id: fieldId('ownerPin'), label: 'PIN do dono', value: values.ownerPin, error: errors.ownerPin }}
            confirm={{ id: fieldId('pinConfirm'), value: values.pinConfirm, error: errors.pinConfirm }}
            onPin={(v) => set('ownerPin', v)}
            onConfirm={(v) => set('pinConfirm', v)}
          />
          {formError && (
            <Alert color="clay" title="Não foi possível configurar a loja" role="alert">
              {formError}
            </Alert>
          )}
          <Group justify="space-between" mt="xs">
            <Button variant="default" onClick={onBack} disabled={saving}>
              Voltar
              <Shortcut keys="Esc" />
            </Button>
            <Button type="submit" loading={saving}>
              Criar minha loja
              <Shortcut keys="Enter" />
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
