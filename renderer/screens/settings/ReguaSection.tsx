import { useEffect, useRef, useState } from 'react';
import { Alert, Box, Button, Chip, Grid, Group, List, NavLink, Paper, Select, Stack, Switch, Text, Textarea, TextInput, Title } from '@mantine/core';
import { call, ApiCallError } from '../../api';
import type { ReguaPreviewResult } from '../../../shared/contract/settings';
import type { CustomerSearchItem } from '../../../shared/contract/people';
import { DEFAULT_STEP_TEMPLATES, MESSAGE_MAX_CHARS, TEMPLATE_VARIABLES, TEMPLATE_VARIABLE_NAMES, templateProblems } from '../../../shared/collection/templates';
import { PROFILE_KINDS, PROFILE_LABELS } from '../../../shared/ui-format/profile';
import { NumberField } from './fields';
import { fieldId, type FieldErrors, type Num } from './settings-draft';
import { CHANNELS, CHANNEL_LABELS, describeOffset, newStep, offsetOf, stepOfPath, stepPath, type ReguaDraft, type StepDraft, type When } from './regua-draft';

interface Props {
  value: ReguaDraft;
  onChange(next: ReguaDraft): void;
  errors: FieldErrors;
  setError(path: string, message: string | null): void;
  readOnly: boolean;
}

const WHEN_OPTIONS: { value: When; label: string }[] = [
  { value: 'before', label: 'dias antes' },
  { value: 'on', label: 'no dia' },
  { value: 'after', label: 'dias depois' },
];
const TRIGGER_OPTIONS = [
  { value: 'due', label: 'do vencimento' },
  { value: 'promise', label: 'da promessa' },
];
const CHANNEL_HINTS: Record<StepDraft['channel'], string> = {
  whatsapp: 'WhatsApp: aparece em Hoje com um botão para abrir a conversa, só para quem autorizou.',
  sms: 'SMS: aparece em Hoje com o texto pronto para copiar.',
  email: 'E-mail: sai sozinho pela conta da loja (aba E-mail), para quem tem e-mail cadastrado.',
  phone: 'Ligação: o texto vira uma tarefa na lista de Hoje, para o atendente ligar.',
};
const VARIABLE_OPTIONS = TEMPLATE_VARIABLE_NAMES.map((v) => ({ value: v, label: `{${v}} — ${TEMPLATE_VARIABLES[v]}` }));

// The step being edited, kept while the owner visits other tabs.
let lastSelected = 0;

/** Régua de cobrança: the planned reminders and call tasks, each with its text, a live check and a preview. */
export function ReguaSection({ value, onChange, errors, setError, readOnly }: Props) {
  const [selected, setSelected] = useState(() => Math.min(lastSelected, Math.max(0, value.steps.length - 1)));
  const select = (i: number) => {
    lastSelected = i;
    setSelected(i);
  };
  const step = value.steps[selected];

  // A refused save: open the first step with an error and put the cursor on the field.
  const errorPaths = Object.keys(errors);
  useEffect(() => {
    const first = errorPaths.map(stepOfPath).find((i): i is number => i !== null);
    if (first === undefined) return;
    if (first !== selected) select(first);
    const path = errorPaths.find((p) => stepOfPath(p) === first)!;
    requestAnimationFrame(() => document.getElementById(fieldId(path))?.focus());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [errorPaths.join('|')]);

  const editStep = (patch: Partial<StepDraft>, fields: string[]) => {
    onChange({ steps: value.steps.map((s, i) => (i === selected ? { ...s, ...patch } : s)) });
    for (const f of fields) setError(stepPath(selected, f), null);
  };

  const add = () => {
    const next = [...value.steps, newStep(value.steps, DEFAULT_STEP_TEMPLATES['depois-3'])];
    onChange({ steps: next });
    select(next.length - 1);
    requestAnimationFrame(() => document.getElementById(fieldId(stepPath(next.length - 1, 'label')))?.focus());
  };

  const remove = () => {
    const next = value.steps.filter((_, i) => i !== selected);
    // Errors are keyed by position: after a removal they no longer point at the right step.
    for (const p of errorPaths) setError(p, null);
    onChange({ steps: next });
    select(Math.max(0, Math.min(selected, next.length - 1)));
  };

  const stepHasError = (i: number) => errorPaths.some((p) => stepOfPath(p) === i);

  if (readOnly) return <ReguaSummary steps={value.steps} />;

  return (
    <Grid gap="lg">
      <Grid.Col span={4}>
        <Paper withBorder p="md" radius="md">
          <Title order={4}>Passos da régua</Title>
          <Text size="sm" c="dimmed" mb="sm">
            Lembretes e ligações planejados, contados a partir do vencimento ou da promessa.
          </Text>
          {/* The steps are choices for the editor beside them, not form fields: keep them usable when read-only. */}
          <Stack gap={4} role="list" aria-label="Passos da régua">
            {value.steps.map((s, i) => {
              const offset = offsetOf(s);
              return (
                <Box role="listitem" key={`${s.id}-${i}`}>
                  <NavLink
                    component="button"
                    type="button"
                    active={i === selected}
                    onClick={() => select(i)}
                    label={s.label.trim() || 'Passo sem nome'}
                    description={`${offset === undefined || Number.isNaN(offset) ? 'Dias a preencher' : describeOffset(s.trigger, offset)} · ${CHANNEL_LABELS[s.channel]}${s.active ? '' : ' · desligado'}`}
                    aria-current={i === selected ? 'true' : undefined}
                    color={stepHasError(i) ? 'clay' : undefined}
                    rightSection={stepHasError(i) ? <Text size="xs" c="clay.8" fw={600}>corrigir</Text> : undefined}
                    styles={{ root: { borderRadius: 'var(--mantine-radius-sm)', minHeight: 48, opacity: s.active ? 1 : 0.75 } }}
                  />
                </Box>
              );
            })}
          </Stack>
          {!value.steps.length && (
            <Text size="sm" c="dimmed" mt="sm">
              Nenhum passo: nenhum lembrete automático sai. Crie o primeiro passo.
            </Text>
          )}
          {!readOnly && (
            <Button variant="default" fullWidth mt="md" onClick={add} disabled={value.steps.length >= 30}>
              Novo passo
            </Button>
          )}
        </Paper>
      </Grid.Col>

      <Grid.Col span={8}>
        {step ? (
          <StepEditor key={`${step.id}-${selected}`} index={selected} step={step} errors={errors} onEdit={editStep} onRemove={remove} readOnly={readOnly} />
        ) : (
          <Paper withBorder p="md" radius="md">
            <Text c="dimmed">Escolha um passo à esquerda para ver o texto.</Text>
          </Paper>
        )}
      </Grid.Col>
    </Grid>
  );
}

interface EditorProps {
  index: number;
  step: StepDraft;
  errors: FieldErrors;
  onEdit(patch: Partial<StepDraft>, fields: string[]): void;
  onRemove(): void;
  readOnly: boolean;
}

function StepEditor({ index, step, errors, onEdit, onRemove, readOnly }: EditorProps) {
  const path = (f: string) => stepPath(index, f);
  const templateRef = useRef<HTMLTextAreaElement>(null);
  // Checked as the owner types, with the very rules settings.update applies (forbidden words, variables, CDC art. 42-A).
  const problems = templateProblems(step.template, step.channel);

  const insertVariable = (name: string | null) => {
    if (!name) return;
    const el = templateRef.current;
    const at = el ? el.selectionStart : step.template.length;
    const end = el ? el.selectionEnd : at;
    const text = `${step.template.slice(0, at)}{${name}}${step.template.slice(end)}`;
    onEdit({ template: text }, ['template']);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(at + name.length + 2, at + name.length + 2);
    });
  };

  const toggleProfile = (p: (typeof PROFILE_KINDS)[number], on: boolean) =>
    onEdit({ profiles: on ? PROFILE_KINDS.filter((k) => k === p || step.profiles.includes(k)) : step.profiles.filter((k) => k !== p) }, ['profiles']);

  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Group align="flex-start" gap="md" wrap="nowrap">
            <TextInput
              id={fieldId(path('label'))}
              label="Nome do passo"
              required
              maxLength={60}
              autoComplete="off"
              value={step.label}
              onChange={(e) => onEdit({ label: e.currentTarget.value }, ['label'])}
              error={errors[path('label')]}
              style={{ flex: 1 }}
            />
            <Switch
              mt={30}
              size="md"
              label="Passo ligado"
              checked={step.active}
              onChange={(e) => onEdit({ active: e.currentTarget.checked }, ['active'])}
            />
          </Group>

          <Group align="flex-start" gap="sm" wrap="nowrap">
            {step.when !== 'on' && (
              <NumberField
                path={path('offsetDays')}
                value={step.days}
                onValue={(v: Num) => onEdit({ days: v }, ['offsetDays'])}
                errors={errors}
                label="Quando"
                w={96}
                unit="dias"
              />
            )}
            <Select
              label={step.when === 'on' ? 'Quando' : 'Antes ou depois'}
              aria-label="Antes, no dia ou depois"
              data={WHEN_OPTIONS}
              value={step.when}
              onChange={(v) => v && onEdit({ when: v as When }, ['offsetDays'])}
              allowDeselect={false}
              error={step.when === 'on' ? errors[path('offsetDays')] : undefined}
              w={150}
              size="md"
            />
            <Select
              id={fieldId(path('trigger'))}
              label="Contando a partir"
              data={TRIGGER_OPTIONS}
              value={step.trigger}
              onChange={(v) => v && onEdit({ trigger: v as StepDraft['trigger'] }, ['trigger'])}
              allowDeselect={false}
              style={{ flex: 1 }}
              size="md"
            />
            <Select
              id={fieldId(path('channel'))}
              label="Canal"
              data={CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))}
              value={step.channel}
              onChange={(v) => v && onEdit({ channel: v as StepDraft['channel'] }, ['channel', 'template'])}
              allowDeselect={false}
              w={150}
              size="md"
            />
          </Group>
          <Text size="sm" c="dimmed" mt={-4}>
            {CHANNEL_HINTS[step.channel]}
          </Text>

          <Box>
            <Text size="sm" fw={500} id={`regua-profiles-${index}`}>
              Para quais perfis{' '}
              <Text component="span" size="sm" c="dimmed" fw={400}>
                (nenhum marcado: vale para todos os clientes)
              </Text>
            </Text>
            <Group gap={8} mt={6} role="group" aria-labelledby={`regua-profiles-${index}`} id={fieldId(path('profiles'))}>
              {PROFILE_KINDS.map((p) => (
                <Chip key={p} size="sm" variant="outline" checked={step.profiles.includes(p)} onChange={(on) => toggleProfile(p, on)}>
                  {PROFILE_LABELS[p]}
                </Chip>
              ))}
            </Group>
            {errors[path('profiles')] && (
              <Text size="sm" c="clay.8" mt={4}>
                {errors[path('profiles')]}
              </Text>
            )}
          </Box>
        </Stack>
      </Paper>

      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Group justify="space-between" align="flex-end" wrap="nowrap">
            <Title order={4}>{step.channel === 'phone' ? 'Tarefa para o atendente' : 'Texto da mensagem'}</Title>
            {!readOnly && (
              <Select
                aria-label="Inserir variável no texto"
                placeholder="Inserir variável…"
                data={VARIABLE_OPTIONS}
                value={null}
                onChange={insertVariable}
                searchable
                nothingFoundMessage="Nenhuma variável com esse nome"
                w={260}
                comboboxProps={{ width: 420, position: 'bottom-end' }}
              />
            )}
          </Group>
          <Textarea
            ref={templateRef}
            id={fieldId(path('template'))}
            label="Modelo"
            description="Entre chaves, o que muda para cada cliente: {primeiroNome}, {valor}, {vencimento}…"
            autosize
            minRows={4}
            maxRows={9}
            maxLength={2000}
            value={step.template}
            onChange={(e) => onEdit({ template: e.currentTarget.value }, ['template'])}
            error={errors[path('template')]}
            spellCheck
          />
          {problems.length ? (
            <Alert color="clay" variant="light" title="Antes de salvar, ajuste o texto" aria-live="polite">
              <List size="sm" spacing={4}>
                {problems.map((p) => (
                  <List.Item key={p}>{p.charAt(0).toUpperCase() + p.slice(1)}</List.Item>
                ))}
              </List>
            </Alert>
          ) : (
            <Text size="sm" c="teal.8" aria-live="polite">
              O texto segue as regras: sem palavras proibidas e com o nome, o CNPJ e o endereço da loja (CDC art. 42 e 42-A).
            </Text>
          )}
        </Stack>
      </Paper>

      {!readOnly && <Preview template={step.template} channel={step.channel} trigger={step.trigger} />}

      {!readOnly && (
        <Group justify="flex-end">
          <Button variant="subtle" color="clay" onClick={onRemove}>
            Remover este passo
          </Button>
        </Group>
      )}
    </Stack>
  );
}

interface PreviewProps {
  template: string;
  channel: StepDraft['channel'];
  trigger: StepDraft['trigger'];
}

// The customer chosen for the preview, kept while the owner moves between steps.
let lastCustomer: { id: string; name: string } | null = null;

/** The message as a real customer would get it today (reminders.preview), refreshed as the owner types. */
function Preview({ template, channel, trigger }: PreviewProps) {
  const [result, setResult] = useState<ReguaPreviewResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [customer, setCustomer] = useState(lastCustomer);
  const [found, setFound] = useState<CustomerSearchItem[]>([]);
  const [search, setSearch] = useState('');
  const seq = useRef(0);

  useEffect(() => {
    const mine = ++seq.current;
    const timer = setTimeout(() => {
      call<ReguaPreviewResult>('reminders.preview', { template, channel, trigger, ...(customer ? { customerId: customer.id } : {}) })
        .then((r) => {
          if (mine !== seq.current) return;
          setResult(r);
          setError(null);
        })
        .catch((e: unknown) => {
          if (mine !== seq.current) return;
          // The chosen customer may have been removed meanwhile: go back to the store's pick.
          if (e instanceof ApiCallError && e.kind === 'not_found' && customer) {
            lastCustomer = null;
            setCustomer(null);
          } else setError(e instanceof ApiCallError ? e.message : 'Não foi possível montar a prévia.');
        });
    }, 300);
    return () => clearTimeout(timer);
  }, [template, channel, trigger, customer]);

  useEffect(() => {
    const q = search.trim();
    if (q.length < 2 || q === result?.customer?.name) return;
    const timer = setTimeout(() => {
      call<{ items: CustomerSearchItem[] }>('customers.search', { query: q, limit: 8 })
        .then((r) => setFound(r.items))
        .catch(() => setFound([]));
    }, 250);
    return () => clearTimeout(timer);
  }, [search, result?.customer?.name]);

  const shown = result?.customer ?? null;
  const options = [...(shown ? [{ value: shown.id, label: shown.name }] : []), ...found.filter((c) => c.id !== shown?.id).map((c) => ({ value: c.id, label: c.name }))];
  const long = channel !== 'phone' && (result?.chars ?? 0) > MESSAGE_MAX_CHARS;

  return (
    <Paper withBorder p="md" radius="md" bg="gray.0" aria-label="Prévia da mensagem" component="section">
      <Group justify="space-between" align="flex-end" wrap="nowrap" mb="sm">
        <Box>
          <Title order={4}>Prévia com um cliente de verdade</Title>
          <Text size="sm" c="dimmed">
            Como a mensagem sairia hoje, com os valores de hoje.
          </Text>
        </Box>
        <Select
          label="Cliente da prévia"
          placeholder="Buscar cliente pelo nome"
          searchable
          data={options}
          value={shown?.id ?? null}
          searchValue={search}
          onSearchChange={setSearch}
          onChange={(id) => {
            const name = options.find((o) => o.value === id)?.label;
            if (!id || !name) return;
            lastCustomer = { id, name };
            setCustomer(lastCustomer);
          }}
          nothingFoundMessage={search.trim().length < 2 ? 'Digite ao menos 2 letras' : 'Nenhum cliente com esse nome'}
          filter={({ options: all }) => all}
          allowDeselect={false}
          w={280}
          disabled={!shown}
        />
      </Group>
      {error && (
        <Alert color="clay" mb="sm">
          {error}
        </Alert>
      )}
      {result?.note && (
        <Text size="sm" c="dimmed" mb="xs">
          {result.note}
        </Text>
      )}
      {result?.subject && (
        <Text size="sm" mb={4}>
          <Text component="span" fw={600}>
            Assunto:{' '}
          </Text>
          {result.subject}
        </Text>
      )}
      <Box
        p="sm"
        bg="white"
        style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 'var(--mantine-radius-md)', whiteSpace: 'pre-wrap', minHeight: 80 }}
        aria-live="polite"
        aria-label="Texto da prévia"
        role="status"
      >
        {result ? result.text || <Text c="dimmed">O modelo está vazio.</Text> : <Text c="dimmed">Montando a prévia…</Text>}
      </Box>
      {result && channel !== 'phone' && (
        <Text size="xs" mt={6} c={long ? 'clay.8' : 'dimmed'} ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
          {result.chars} de {MESSAGE_MAX_CHARS} caracteres
        </Text>
      )}
    </Paper>
  );
}

/** What a clerk sees: every step with its text, nothing to click or change. */
function ReguaSummary({ steps }: { steps: StepDraft[] }) {
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        Os lembretes e ligações que a loja planeja, contados a partir do vencimento ou da promessa. Os de hoje aparecem em Hoje.
      </Text>
      {!steps.length && <Text c="dimmed">Nenhum passo na régua: nenhum lembrete automático sai.</Text>}
      {steps.map((s, i) => {
        const offset = offsetOf(s) ?? 0;
        return (
          <Paper key={`${s.id}-${i}`} withBorder p="md" radius="md" component="article" aria-label={s.label}>
            <Group justify="space-between" wrap="nowrap" mb={4}>
              <Title order={4}>{s.label}</Title>
              <Text size="sm" c={s.active ? 'teal.8' : 'dimmed'} fw={500}>
                {s.active ? 'Ligado' : 'Desligado'}
              </Text>
            </Group>
            <Text size="sm" c="dimmed" mb="xs">
              {describeOffset(s.trigger, offset)} · {CHANNEL_LABELS[s.channel]} · {s.profiles.length ? s.profiles.map((p) => PROFILE_LABELS[p]).join(', ') : 'todos os perfis'}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {s.template}
            </Text>
          </Paper>
        );
      })}
    </Stack>
  );
}
