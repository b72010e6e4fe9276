import { Box, Grid, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { formatCnpj, onlyDigits } from '../../../shared/cpf';
import { BRAZIL_STATES } from '../../../shared/ui-format/states';
import { PIX_KEY_HELP, cnpjError, fieldId, normalizePixKey, pixKeyError, type FieldErrors, type StoreDraft } from './settings-draft';

const UF_OPTIONS = BRAZIL_STATES.map((s) => ({ value: s.uf, label: `${s.uf} — ${s.name}` }));

/** Screen order, to focus the first field with an error. */
export const STORE_ORDER = ['store.name', 'store.cnpj', 'store.address', 'store.city', 'store.state', 'store.pixKey'];

interface Props {
  value: StoreDraft;
  onChange(patch: Partial<StoreDraft>): void;
  errors: FieldErrors;
  setError(path: string, message: string | null): void;
}

/** Loja: who the store is on every carnê and receipt (CDC art. 42-A), and where PIX payments go. */
export function StoreSection({ value, onChange, errors, setError }: Props) {
  const edit = (key: keyof StoreDraft, v: string | null) => {
    onChange({ [key]: v });
    setError(`store.${key}`, null);
  };

  return (
    <Grid gap="lg">
      <Grid.Col span={7}>
        <Paper withBorder p="md" radius="md">
          <Stack gap="sm">
            <Grid gap="sm">
              <Grid.Col span={7}>
                <TextInput id={fieldId('store.name')} label="Nome da loja" required autoComplete="off" maxLength={120} value={value.name} onChange={(e) => edit('name', e.currentTarget.value)} error={errors['store.name']} />
              </Grid.Col>
              <Grid.Col span={5}>
                <TextInput
                  id={fieldId('store.cnpj')}
                  label="CNPJ"
                  inputMode="numeric"
                  autoComplete="off"
                  placeholder="00.000.000/0000-00"
                  value={value.cnpj}
                  onChange={(e) => {
                    const masked = formatCnpj(e.currentTarget.value);
                    onChange({ cnpj: masked });
                    setError('store.cnpj', cnpjError(masked, false));
                  }}
                  onBlur={() => setError('store.cnpj', cnpjError(value.cnpj, true))}
                  error={errors['store.cnpj']}
                  styles={{ input: { fontVariantNumeric: 'tabular-nums' } }}
                />
              </Grid.Col>
            </Grid>
            <TextInput
              id={fieldId('store.address')}
              label="Endereço"
              placeholder="Rua, número e bairro"
              autoComplete="off"
              maxLength={200}
              value={value.address}
              onChange={(e) => edit('address', e.currentTarget.value)}
              error={errors['store.address']}
            />
            <Grid gap="sm">
              <Grid.Col span={7}>
                <TextInput id={fieldId('store.city')} label="Cidade" autoComplete="off" maxLength={80} value={value.city} onChange={(e) => edit('city', e.currentTarget.value)} error={errors['store.city']} />
              </Grid.Col>
              <Grid.Col span={5}>
                <Select
                  id={fieldId('store.state')}
                  label="UF"
                  required
                  searchable
                  data={UF_OPTIONS}
                  value={value.state}
                  onChange={(v) => edit('state', v)}
                  placeholder="Escolha a UF"
                  nothingFoundMessage="Nenhuma UF com esse nome"
                  error={errors['store.state']}
                  maxDropdownHeight={260}
                  allowDeselect={false}
                />
              </Grid.Col>
            </Grid>
            <TextInput
              id={fieldId('store.pixKey')}
              label="Chave PIX"
              description={`Aceita ${PIX_KEY_HELP}`}
              autoComplete="off"
              spellCheck={false}
              maxLength={77}
              value={value.pixKey}
              onChange={(e) => edit('pixKey', e.currentTarget.value)}
              onBlur={() => {
                const normal = normalizePixKey(value.pixKey);
                if (normal !== value.pixKey) onChange({ pixKey: normal });
                setError('store.pixKey', pixKeyError(value.pixKey));
              }}
              error={errors['store.pixKey']}
            />
          </Stack>
        </Paper>
      </Grid.Col>

      <Grid.Col span={5}>
        <Paper withBorder p="md" radius="md" bg="gray.0">
          <Stack gap="sm">
            <Title order={4}>Como sai no carnê e no recibo</Title>
            <Box p="sm" bg="white" style={{ border: '1px dashed var(--mantine-color-gray-4)', borderRadius: 'var(--mantine-radius-sm)' }} aria-label="Prévia do cabeçalho">
              <Text fw={700} tt="uppercase" lineClamp={2}>
                {value.name.trim() || 'Nome da loja'}
              </Text>
              <Line value={onlyDigits(value.cnpj) ? `CNPJ ${value.cnpj}` : ''} missing="CNPJ não informado" />
              <Line value={value.address.trim()} missing="Endereço não informado" />
              <Line value={[value.city.trim(), value.state].filter(Boolean).join('/')} missing="Cidade não informada" />
            </Box>
            <Text size="sm">
              Nome, CNPJ e endereço da loja aparecem em todo carnê, recibo e aviso de cobrança, como pede o Código de Defesa do Consumidor (art. 42-A).
            </Text>
            <Text size="sm" c="dimmed">
              Com a chave PIX, cada parcela do carnê ganha um QR code com o valor da parcela. Sem ela, o carnê sai sem o QR code.
            </Text>
          </Stack>
        </Paper>
      </Grid.Col>
    </Grid>
  );
}

function Line({ value, missing }: { value: string; missing: string }) {
  return value ? (
    <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }} lineClamp={2}>
      {value}
    </Text>
  ) : (
    <Text size="sm" c="dimmed" fs="italic">
      {missing}
    </Text>
  );
}
