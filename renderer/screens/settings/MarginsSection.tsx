import { Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { PROFILE_KINDS, PROFILE_LABELS, type ProfileKind } from '../../../shared/ui-format/profile';
import { formatBRL } from '../../../shared/money';
import { ProfileBadge } from '../../components/ProfileBadge';
import { MoneyField, NumberField } from './fields';
import classes from './Settings.module.css';
import { MARGIN_KEYS, formatNumberBR, toNumber, type FieldErrors, type MarginKey, type MarginsDraft, type MarginsLine, type Num } from './settings-draft';

/** Each margin: its name in the form, its short column head in the per-profile table, its unit. */
const MARGIN_FIELDS: Record<MarginKey, { label: string; description: string; column: string; unit?: string; decimals?: boolean }> = {
  maxChargesDiscountPct: { label: 'Desconto nos encargos', description: 'Máximo, sobre multa e juros', column: 'Desconto nos encargos (%)', unit: '%', decimals: true },
  maxPrincipalDiscountPct: { label: 'Desconto no principal', description: 'Máximo, sobre as parcelas', column: 'Desconto no principal (%)', unit: '%', decimals: true },
  maxInstallments: { label: 'Máximo de parcelas', description: 'Em um acordo', column: 'Máximo de parcelas', unit: 'parcelas' },
  minInstallmentCents: { label: 'Parcela mínima', description: 'Em um acordo', column: 'Parcela mínima (R$)' },
  renegotiationMonthlyPct: { label: 'Juros de renegociação', description: 'Nas parcelas do acordo', column: 'Juros do acordo (% a.m.)', unit: '% a.m.', decimals: true },
  maxDaysToFirstDue: { label: 'Dias até o 1º vencimento', description: 'Do acordo até a 1ª parcela', column: 'Dias até o 1º vencimento', unit: 'dias' },
  maxPostponeDays: { label: 'Prorrogação máxima', description: 'Dias para adiar um vencimento', column: 'Prorrogação (dias)', unit: 'dias' },
};

export const MARGINS_ORDER = [
  ...MARGIN_KEYS.map((k) => `margins.default.${k}`),
  ...PROFILE_KINDS.flatMap((p) => MARGIN_KEYS.map((k) => `margins.byProfile.${p}.${k}`)),
];

interface Props {
  value: MarginsDraft;
  onChange(next: MarginsDraft): void;
  errors: FieldErrors;
  setError(path: string, message: string | null): void;
}

/** Margens de negociação: what a clerk may offer without the owner's PIN, by default and per debtor profile. */
export function MarginsSection({ value, onChange, errors, setError }: Props) {
  const editDefault = (key: MarginKey, v: Num) => {
    onChange({ ...value, default: { ...value.default, [key]: v } });
    setError(`margins.default.${key}`, null);
  };
  const editProfile = (profile: ProfileKind, key: MarginKey, v: Num) => {
    onChange({ ...value, byProfile: { ...value.byProfile, [profile]: { ...value.byProfile[profile], [key]: v } } });
    setError(`margins.byProfile.${profile}.${key}`, null);
  };

  // An empty cell shows, in grey, the default it follows.
  const defaultText = (key: MarginKey): string => {
    const n = toNumber(value.default[key]);
    if (n === undefined || Number.isNaN(n)) return '';
    return key === 'minInstallmentCents' ? formatBRL(n) : formatNumberBR(n);
  };

  return (
    <>
      <Paper withBorder p="md" radius="md">
        <Title order={4}>Limites padrão</Title>
        <Text size="sm" c="dimmed" mb="sm">
          O atendente pode oferecer qualquer acordo dentro destes limites. Uma proposta além deles pede o PIN do dono na hora, e a aprovação fica registrada.
        </Text>
        <SimpleGrid cols={4} spacing="md" verticalSpacing="sm">
          {MARGIN_KEYS.map((key) => {
            const f = MARGIN_FIELDS[key];
            const common = { path: `margins.default.${key}`, value: value.default[key], onValue: (v: Num) => editDefault(key, v), errors, label: f.label, description: f.description };
            return key === 'minInstallmentCents' ? <MoneyField key={key} {...common} /> : <NumberField key={key} {...common} unit={f.unit} decimals={f.decimals} />;
          })}
        </SimpleGrid>
      </Paper>

      <Paper withBorder p="md" radius="md" mt="lg">
        <Title order={4}>Por perfil do cliente</Title>
        <Text size="sm" c="dimmed" mb="sm">
          Deixe em branco para usar o padrão (mostrado em cinza). Dá para ser mais generoso com quem paga em dia e mais firme com o mau pagador.
        </Text>
        <Table className={classes.profileTable} verticalSpacing={6} horizontalSpacing={6} aria-label="Limites por perfil do cliente">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={128}>Perfil</Table.Th>
              {MARGIN_KEYS.map((key) => (
                <Table.Th key={key} ta="right">
                  {MARGIN_FIELDS[key].column}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {PROFILE_KINDS.map((profile) => (
              <Table.Tr key={profile}>
                <Table.Td>
                  <ProfileBadge profile={profile} />
                </Table.Td>
                {MARGIN_KEYS.map((key) => (
                  <Table.Td key={key}>
                    <ProfileCell profile={profile} field={key} line={value.byProfile[profile]} placeholder={defaultText(key)} errors={errors} onValue={(v) => editProfile(profile, key, v)} />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </>
  );
}

function ProfileCell(props: { profile: ProfileKind; field: MarginKey; line: MarginsLine; placeholder: string; errors: FieldErrors; onValue(v: Num): void }) {
  const { profile, field, line, placeholder, errors, onValue } = props;
  const f = MARGIN_FIELDS[field];
  const common = {
    path: `margins.byProfile.${profile}.${field}`,
    value: line[field],
    onValue,
    errors,
    size: 'sm' as const,
    placeholder,
    'aria-label': `${f.label}, perfil ${PROFILE_LABELS[profile]} (em branco: usa o padrão)`,
    styles: { input: { textAlign: 'right' as const, fontVariantNumeric: 'tabular-nums' } },
  };
  return field === 'minInstallmentCents' ? <MoneyField {...common} /> : <NumberField {...common} decimals={f.decimals} />;
}
