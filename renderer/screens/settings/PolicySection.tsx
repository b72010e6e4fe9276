import { Checkbox, Grid, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { NumberField } from './fields';
import { WEEKDAYS, WEEK_ORDER, fieldId, maskTime, windowPath, type FieldErrors, type Num, type PolicyDraft, type WindowDraft } from './settings-draft';

export const POLICY_ORDER = [
  'policy.graceDays',
  'policy.fineRatePct',
  'policy.lateInterestMonthlyPct',
  ...WEEK_ORDER.flatMap((d) => [windowPath(d, 'from'), windowPath(d, 'to')]),
  'policy.maxCallsPerDay',
  'policy.maxCallsPer7Days',
  'policy.quietDaysAfterConversation',
  'policy.queueSize',
];

interface Props {
  value: PolicyDraft;
  onChange(patch: Partial<PolicyDraft>): void;
  errors: FieldErrors;
  setError(path: string, message: string | null): void;
}

type NumberKey = 'graceDays' | 'fineRatePct' | 'lateInterestMonthlyPct' | 'maxCallsPerDay' | 'maxCallsPer7Days' | 'quietDaysAfterConversation' | 'queueSize';

/** Cobrança: tolerance, multa and juros, the days the store is closed, and when and how often to call. */
export function PolicySection({ value, onChange, errors, setError }: Props) {
  const num = (key: NumberKey) => ({
    path: `policy.${key}`,
    value: value[key],
    errors,
    onValue: (v: Num) => {
      onChange({ [key]: v });
      setError(`policy.${key}`, null);
    },
  });

  const toggleClosed = (weekday: number, closed: boolean) =>
    onChange({ closedWeekdays: closed ? [...value.closedWeekdays, weekday].sort() : value.closedWeekdays.filter((d) => d !== weekday) });

  const editWindow = (weekday: number, patch: Partial<WindowDraft>) => {
    onChange({ windows: value.windows.map((w) => (w.weekday === weekday ? { ...w, ...patch } : w)) });
    if ('from' in patch || 'enabled' in patch) setError(windowPath(weekday, 'from'), null);
    setError(windowPath(weekday, 'to'), null);
  };

  return (
    <Stack gap="lg">
      <Grid gap="lg">
        <Grid.Col span={7}>
          <Paper withBorder p="md" radius="md" h="100%">
            <Title order={4} mb="sm">
              Atraso: tolerância, multa e juros
            </Title>
            <SimpleGrid cols={3} spacing="md">
              <NumberField {...num('graceDays')} label="Dias de tolerância" description="Antes da 1ª ligação" unit="dias" />
              <NumberField {...num('fineRatePct')} label="Multa por atraso" description="No máximo 2%" unit="%" decimals />
              <NumberField {...num('lateInterestMonthlyPct')} label="Juros de mora" description="Costume: 1% ao mês" unit="% a.m." decimals />
            </SimpleGrid>
            <Text size="sm" c="dimmed" mt="sm">
              A multa é cobrada uma vez e não pode passar de 2% (Código de Defesa do Consumidor, art. 52 §1). Os juros são simples, contados por dia
              de atraso. Esperar alguns dias antes de ligar evita cobrar quem só esqueceu.
            </Text>
          </Paper>
        </Grid.Col>
        <Grid.Col span={5}>
          <Paper withBorder p="md" radius="md" h="100%">
            <Title order={4} mb="sm">
              Dias em que a loja fecha
            </Title>
            <Group gap="lg">
              {WEEK_ORDER.map((d) => (
                <Checkbox key={d} label={WEEKDAYS[d]} checked={value.closedWeekdays.includes(d)} onChange={(e) => toggleClosed(d, e.currentTarget.checked)} />
              ))}
            </Group>
            <Text size="sm" c="dimmed" mt="sm">
              Feriados nacionais contam sempre como fechados. Um vencimento em dia fechado passa para o próximo dia aberto, sem multa.
            </Text>
          </Paper>
        </Grid.Col>
      </Grid>

      <Grid gap="lg">
        <Grid.Col span={7}>
          <Paper withBorder p="md" radius="md" h="100%">
            <Title order={4}>Horários de ligação</Title>
            <Text size="sm" c="dimmed" mb="xs">
              O padrão segue a lei de São Paulo, a mais rigorosa: segunda a sexta das 8h às 20h, sábado das 8h às 14h, nunca aos domingos e feriados.
            </Text>
            <Table verticalSpacing={4} horizontalSpacing="xs" withRowBorders={false}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={170}>Ligar no dia</Table.Th>
                  <Table.Th>Das</Table.Th>
                  <Table.Th>Até</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {WEEK_ORDER.map((d) => {
                  const w = value.windows[d];
                  return (
                    <Table.Tr key={d}>
                      <Table.Td>
                        <Checkbox label={WEEKDAYS[d]} aria-label={`Ligar ${d === 0 || d === 6 ? 'no' : 'na'} ${WEEKDAYS[d].toLowerCase()}`} checked={w.enabled} onChange={(e) => editWindow(d, { enabled: e.currentTarget.checked })} />
                      </Table.Td>
                      {(['from', 'to'] as const).map((field) => (
                        <Table.Td key={field}>
                          <TextInput
                            id={fieldId(windowPath(d, field))}
                            aria-label={`${field === 'from' ? 'Início' : 'Fim'} das ligações, ${WEEKDAYS[d].toLowerCase()}`}
                            size="sm"
                            w={110}
                            inputMode="numeric"
                            autoComplete="off"
                            placeholder="HH:MM"
                            disabled={!w.enabled}
                            value={w.enabled ? w[field] : ''}
                            onChange={(e) => editWindow(d, { [field]: maskTime(e.currentTarget.value) })}
                            error={errors[windowPath(d, field)]}
                            styles={{ input: { fontVariantNumeric: 'tabular-nums' } }}
                          />
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Paper>
        </Grid.Col>
        <Grid.Col span={5}>
          <Paper withBorder p="md" radius="md" h="100%">
            <Title order={4} mb="sm">
              Limites de ligação
            </Title>
            <Stack gap="sm">
              <Group grow align="flex-start">
                <NumberField {...num('maxCallsPerDay')} label="Por cliente, por dia" unit="ligações" />
                <NumberField {...num('maxCallsPer7Days')} label="Por cliente, em 7 dias" unit="ligações" />
              </Group>
              <NumberField
                {...num('quietDaysAfterConversation')}
                label="Pausa depois de uma conversa"
                description="Sem novas ligações, a não ser que o cliente peça retorno ou uma promessa não seja cumprida."
                unit="dias"
              />
              <NumberField {...num('queueSize')} label="Tamanho da lista do dia" description="Poucos clientes, bem escolhidos, rendem mais conversas boas." unit="clientes" />
            </Stack>
          </Paper>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
