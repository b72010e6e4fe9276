import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Box, Button, Group, Paper, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { call, ApiCallError } from '../../api';
import { formatCpf, onlyDigits } from '../../../shared/cpf';
import { formatDateBR } from '../../../shared/dates';
import type { CustomerSearchItem } from '../../../shared/contract/people';
import { maskDateBR } from '../../../shared/ui-format/input-masks';
import { Money } from '../../components/Money';
import { ProfileBadge } from '../../components/ProfileBadge';
import { Shortcut } from '../../components/Shortcut';
import { useShortcuts } from '../../shell/keys';
import { useSession } from '../../store/session';
import { CarnePreview, type PreviewResult } from './CarnePreview';
import { CustomerPicker } from './CustomerPicker';
import { MoneyInput } from '../../components/MoneyInput';
import { draftErrors, draftToPreview, emptySaleDraft, firstErrorPath, maskRate, MAX_INSTALLMENTS, type FieldErrors, type SaleDraft } from './sale-draft';
import { useSales } from './sales-store';
import classes from './SaleForm.module.css';

const PREVIEW_DELAY_MS = 250;
const fieldId = (path: string) => `sale-field-${path}`;

interface Created {
  id: string;
  number: string;
  installments: { id: string; number: number; dueDate: string; amountCents: number; effectiveDueDate: string }[];
}

// One key per version of the form: a double click (or a retry after a lost answer) sends the same key and the
// backend returns the first sale instead of writing a second one (API.md idempotencyKey); any change to the
// form starts a new attempt with a new key.
const newKey = (): string =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/** Nova venda no crediário: who, what, how much, in how many parcelas — with the carnê computed as they type. */
export function SaleForm() {
  const today = useSession((s) => s.today)!;
  const { draft: stored, setDraft, preselect, formRun, showDone } = useSales();
  const draft = useMemo(() => stored ?? emptySaleDraft(today, preselect), [stored, today, preselect]);
  const [picked, setPicked] = useState<CustomerSearchItem | null>(null);
  const [submitErrors, setSubmitErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const savingRef = useRef(false);
  const keyRef = useRef<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const rateRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!stored) setDraft(emptySaleDraft(today, preselect));
  }, [stored, today, preselect, setDraft]);

  // A new form (after a sale, or "Nova venda") starts at the customer.
  useEffect(() => {
    setSubmitErrors({});
    setFormError(null);
    setPicked(null);
    requestAnimationFrame(() => document.getElementById(fieldId(preselect ? 'description' : 'customerId'))?.focus());
  }, [formRun, preselect]);

  useEffect(() => {
    keyRef.current = null;
  }, [draft]);

  // --- live preview -------------------------------------------------------------------------------------
  const live = draftToPreview(draft, today, { finished: false });
  const previewKey = live.input ? JSON.stringify(live.input) : '';
  const [debouncedKey] = useDebouncedValue(previewKey, PREVIEW_DELAY_MS);
  const [preview, setPreview] = useState<{ key: string; result: PreviewResult } | null>(null);
  const [previewIssue, setPreviewIssue] = useState<{ key: string; errors: FieldErrors; message: string } | null>(null);
  const [previewLoading, setPreviewLoading] = useState(false);
  const previewSeq = useRef(0);

  useEffect(() => {
    const mine = ++previewSeq.current;
    if (!debouncedKey) {
      setPreviewLoading(false);
      return;
    }
    setPreviewLoading(true);
    call<PreviewResult>('sales.preview', JSON.parse(debouncedKey))
      .then((result) => {
        if (mine !== previewSeq.current) return;
        setPreview({ key: debouncedKey, result });
        setPreviewIssue(null);
      })
      .catch((e: unknown) => {
        if (mine !== previewSeq.current) return;
        const errors: FieldErrors = {};
        if (e instanceof ApiCallError) for (const i of e.issues) errors[i.path] ??= i.message;
        setPreviewIssue({ key: debouncedKey, errors, message: e instanceof ApiCallError ? e.message : 'Não foi possível calcular o carnê.' });
        setPreview(null);
      })
      .finally(() => mine === previewSeq.current && setPreviewLoading(false));
  }, [debouncedKey]);

  // While the clerk types, the last carnê stays with a loader (no flicker); with incomplete fields it goes away.
  const shownPreview = previewKey && preview ? preview.result : null;
  const issue = previewIssue && previewIssue.key === previewKey ? previewIssue : null;
  const errors: FieldErrors = { ...(issue?.errors ?? {}), ...live.errors, ...submitErrors };

  // --- editing ------------------------------------------------------------------------------------------
  const update = <K extends keyof SaleDraft>(key: K, value: SaleDraft[K], path: string = key) => {
    setDraft({ ...draft, [key]: value });
    setFormError(null);
    if (submitErrors[path]) setSubmitErrors(({ [path]: _gone, ...rest }) => rest);
  };

  const focusField = (path: string | undefined) => path && requestAnimationFrame(() => document.getElementById(fieldId(path))?.focus());

  const submit = async (e?: React.FormEvent) => {
    e?.preventDefault();
    if (savingRef.current) return;
    setFormError(null);
    const { input, errors: found } = draftErrors(draft, today);
    if (Object.keys(found).length || !input || !draft.customer) {
      setSubmitErrors(found);
      return focusField(firstErrorPath(found));
    }
    savingRef.current = true;
    setSaving(true);
    keyRef.current ??= newKey();
    try {
      const created = await call<Created>('sales.create', { customerId: draft.customer.id, description: draft.description.trim(), ...input, idempotencyKey: keyRef.current });
      notifications.show({ message: `Venda registrada. Carnê nº ${created.number}.`, color: 'teal', autoClose: 3000 });
      showDone({
        id: created.id,
        number: created.number,
        customerName: draft.customer.name,
        description: draft.description.trim(),
        totalCents: draft.totalCents,
        downPaymentCents: draft.downPaymentCents,
        installments: created.installments.map(({ number, dueDate, amountCents }) => ({ number, dueDate, amountCents })),
      });
    } catch (err) {
      if (!(err instanceof ApiCallError)) {
        setFormError('Não foi possível registrar a venda. Tente de novo.');
      } else {
        const fromServer: FieldErrors = {};
        for (const i of err.issues) fromServer[i.path] ??= i.message;
        if (err.kind !== 'validation' || !Object.keys(fromServer).length) setFormError(err.message);
        setSubmitErrors(fromServer);
        focusField(firstErrorPath(fromServer));
      }
    } finally {
      savingRef.current = false;
      setSaving(false);
    }
  };

  useShortcuts({ F10: () => formRef.current?.requestSubmit() });

  // Enter moves to the next field (LOOK.md); on the last one it goes to "Confirmar venda".
  const onKeyDown = (e: React.KeyboardEvent<HTMLFormElement>) => {
    const target = e.target as HTMLElement;
    if (e.key !== 'Enter' || target.tagName !== 'INPUT' || target.getAttribute('aria-expanded') === 'true') return;
    e.preventDefault();
    const fields = Array.from(formRef.current?.querySelectorAll<HTMLElement>('input:not([type=hidden]):not([disabled]), button[type=submit]') ?? []).filter(
      (el) => el.offsetParent !== null,
    );
    const next = fields[fields.indexOf(target) + 1];
    next?.focus();
  };

  const clear = () => {
    setDraft(emptySaleDraft(today));
    setSubmitErrors({});
    setFormError(null);
    setPicked(null);
    focusField('customerId');
  };

  const figures = { input: { fontVariantNumeric: 'tabular-nums' as const } };
  return (
    <Box component="form" ref={formRef} onSubmit={submit} onKeyDown={onKeyDown} noValidate aria-label="Nova venda no crediário" className={classes.screen}>
      <Group justify="space-between" mb="md" wrap="nowrap" align="flex-end">
        <Box>
          <Title order={2}>Nova venda no crediário</Title>
          <Text c="dimmed" size="sm">
            Data da venda: {formatDateBR(today)}. O carnê ao lado muda enquanto você digita.
          </Text>
        </Box>
      </Group>

      <div className={classes.columns}>
        <div className={classes.formColumn}>
          <Paper withBorder p="md" radius="md">
            <Stack gap="sm">
              <Box>
                <CustomerPicker
                  id={fieldId('customerId')}
                  value={draft.customer}
                  onChange={(customer, item) => {
                    update('customer', customer, 'customerId');
                    setPicked(item);
                    if (customer) focusField('description');
                  }}
                  error={errors.customerId}
                />
                {draft.customer && !errors.customerId && (
                  <Group gap="xs" mt={6} wrap="nowrap" data-testid="picked-customer">
                    <Text size="sm" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
                      CPF {formatCpf(draft.customer.cpf)}
                    </Text>
                    {picked && <ProfileBadge profile={picked.profile} reasons={picked.profileReasons} />}
                    {picked && picked.overdueCents > 0 && (
                      <Text size="sm" c="dimmed">
                        em atraso <Money cents={picked.overdueCents} late size="sm" />
                      </Text>
                    )}
                  </Group>
                )}
              </Box>
              <TextInput
                id={fieldId('description')}
                label="Descrição"
                required
                placeholder="O que foi vendido, ex.: Geladeira Frost Free 375L"
                autoComplete="off"
                maxLength={200}
                value={draft.description}
                onChange={(e) => update('description', e.currentTarget.value)}
                error={errors.description}
              />
              <Group grow align="flex-start" gap="sm">
                <MoneyInput id={fieldId('totalCents')} label="Valor total" required value={draft.totalCents} onChange={(c) => update('totalCents', c)} error={errors.totalCents} />
                <MoneyInput
                  id={fieldId('downPaymentCents')}
                  label="Entrada (se houver)"
                  value={draft.downPaymentCents}
                  onChange={(c) => update('downPaymentCents', c)}
                  error={errors.downPaymentCents}
                />
              </Group>
              <Group grow align="flex-start" gap="sm">
                <TextInput
                  id={fieldId('installmentCount')}
                  label="Número de parcelas"
                  required
                  inputMode="numeric"
                  autoComplete="off"
                  placeholder={`1 a ${MAX_INSTALLMENTS}`}
                  value={draft.installmentCount}
                  onChange={(e) => update('installmentCount', onlyDigits(e.currentTarget.value).slice(0, 2))}
                  error={errors.installmentCount}
                  styles={figures}
                />
                <TextInput
                  id={fieldId('firstDueDate')}
                  label="Primeiro vencimento"
                  required
                  inputMode="numeric"
                  autoComplete="off"
                  placeholder="dd/mm/aaaa"
                  value={draft.firstDueDate}
                  onChange={(e) => update('firstDueDate', maskDateBR(e.currentTarget.value))}
                  error={errors.firstDueDate}
                  styles={figures}
                />
              </Group>
              <Group grow align="flex-start" gap="sm">
                <Box pt={30}>
                  <Switch
                    id={fieldId('withInterest')}
                    size="md"
                    label="Com juros"
                    checked={draft.withInterest}
                    onChange={(e) => {
                      const on = e.currentTarget.checked;
                      update('withInterest', on);
                      if (on) requestAnimationFrame(() => rateRef.current?.focus());
                    }}
                  />
                </Box>
                <TextInput
                  ref={rateRef}
                  id={fieldId('monthlyRatePct')}
                  label="Taxa ao mês (%)"
                  inputMode="decimal"
                  autoComplete="off"
                  placeholder={draft.withInterest ? 'ex.: 3 ou 2,5' : 'sem juros'}
                  disabled={!draft.withInterest}
                  value={draft.withInterest ? draft.ratePct : ''}
                  onChange={(e) => update('ratePct', maskRate(e.currentTarget.value), 'monthlyRatePct')}
                  rightSection={
                    <Text size="sm" c="dimmed" pr={6}>
                      % a.m.
                    </Text>
                  }
                  rightSectionWidth={64}
                  error={errors.monthlyRatePct}
                  styles={{ input: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } }}
                />
              </Group>
            </Stack>
          </Paper>
        </div>

        <section className={classes.previewPanel} aria-label="Carnê">
          <Group className={classes.previewHeader} justify="space-between" wrap="nowrap">
            <Text fw={600}>Prévia do carnê</Text>
            {draft.withInterest && live.input?.monthlyRatePct ? (
              <Text size="sm" c="dimmed">
                Tabela Price, {String(live.input.monthlyRatePct).replace('.', ',')}% ao mês
              </Text>
            ) : (
              <Text size="sm" c="dimmed">
                Sem juros
              </Text>
            )}
          </Group>
          <CarnePreview
            preview={shownPreview}
            loading={previewLoading || (!!previewKey && previewKey !== debouncedKey)}
            problem={issue && !Object.keys(issue.errors).length ? issue.message : null}
            totalCents={draft.totalCents}
            downPaymentCents={draft.downPaymentCents}
          />
        </section>
      </div>

      <div className={classes.actions}>
        {formError && (
          <Alert color="clay" role="alert" py={8} style={{ flex: 1 }}>
            {formError}
          </Alert>
        )}
        <Button variant="subtle" color="gray" onClick={clear} disabled={saving}>
          Limpar
        </Button>
        <Button type="submit" loading={saving} size="md">
          Confirmar venda
          <Shortcut keys="F10" />
        </Button>
      </div>
    </Box>
  );
}
