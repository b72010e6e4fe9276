import { useRef, useState } from 'react';
import { Alert, Badge, Button, Collapse, Group, Radio, Stack, Text } from '@mantine/core';
import { call, ApiCallError } from '../../api';
import { formatDateBR } from '../../../shared/dates';
import { formatBRL } from '../../../shared/money';
import { MoneyInput } from '../../components/MoneyInput';
import { PinInput } from '../../components/PinInput';
import { Shortcut } from '../../components/Shortcut';
import { useShortcuts } from '../../shell/keys';
import type { Offer, OffersResult } from './call-types';
import { OfferAdjuster } from './OfferAdjuster';
import { adjustOffer, draftFrom, type AdjustDraft } from './offer-adjust';

const newKey = (): string =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

export interface AgreementMade {
  id: string;
  number: string;
  offer: Offer;
}

/**
 * "Sem dinheiro agora" (issue 7 §4–5): what the customer can pay per month → offers.compute → the full amount
 * first, then at most two suggested options, each saying whether it is within the owner's margins. Picking one
 * and confirming makes the agreement; beyond the margins the owner types the PIN right here. "Ajustar" lets the
 * clerk change entrada, parcelas, first due date and discount by hand (OfferAdjuster), within the same rule.
 */
export function OffersPanel({ customerId, onMade, onCancel }: { customerId: string; onMade(a: AgreementMade): void; onCancel(): void }) {
  const [capacity, setCapacity] = useState(0);
  const [capacityError, setCapacityError] = useState('');
  const [result, setResult] = useState<OffersResult | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const [more, setMore] = useState(false);
  const [pin, setPin] = useState('');
  const [pinError, setPinError] = useState('');
  const [formError, setFormError] = useState('');
  const [busy, setBusy] = useState(false);
  /** the picked option being adjusted by hand, and what the clerk typed */
  const [adjust, setAdjust] = useState<{ base: Offer; draft: AdjustDraft } | null>(null);
  const key = useRef(newKey());

  const compute = async () => {
    if (capacity <= 0) return setCapacityError('Informe quanto o cliente consegue pagar por mês.');
    setBusy(true);
    setFormError('');
    try {
      const r = await call<OffersResult>('offers.compute', { customerId, capacityCents: capacity });
      setResult(r);
      setAdjust(null);
      const first = r.options.find((o) => o.suggested && o.kind === 'installments') ?? r.options.find((o) => o.suggested);
      setPicked(first ? String(r.options.indexOf(first)) : null);
    } catch (e) {
      const msg = e instanceof ApiCallError ? e.message : 'Não foi possível calcular as propostas.';
      if (e instanceof ApiCallError && e.issues.some((i) => i.path === 'capacityCents')) setCapacityError(msg);
      else setFormError(msg);
    } finally {
      setBusy(false);
    }
  };

  const offer = result && picked !== null ? result.options[Number(picked)] : null;
  const adjusted = result && adjust ? adjustOffer(result, adjust.base, adjust.draft) : null;
  // What "Fazer acordo" sends: the adjusted terms while adjusting, else the option picked.
  const chosen: Offer | null =
    adjust && adjusted
      ? { ...adjust.base, ...adjusted.terms, installmentCents: adjusted.installmentCents, totalCents: adjusted.totalCents, withinLimits: adjusted.withinLimits, suggested: false, label: 'Proposta ajustada', violations: adjusted.limits.map((v) => v.message) }
      : offer;
  const pick = (value: string) => {
    setPicked(value);
    setAdjust(null);
    setPinError('');
    setFormError('');
  };

  const confirm = async () => {
    if (!chosen) return setFormError('Escolha uma das propostas.');
    if (adjusted?.invalid.length) return setFormError(adjusted.invalid[0].message);
    if (!chosen.withinLimits && !pin) return setPinError('Fora da margem: o dono precisa digitar o PIN.');
    setBusy(true);
    setFormError('');
    setPinError('');
    try {
      const r = await call<{ id: string; number: string }>('agreements.create', {
        customerId,
        discountCents: chosen.discountCents,
        downPaymentCents: chosen.downPaymentCents,
        installmentCount: chosen.installmentCount,
        monthlyRatePct: chosen.monthlyRatePct,
        firstDueDate: chosen.firstDueDate,
        ...(!chosen.withinLimits ? { approvalPin: pin } : {}),
        idempotencyKey: key.current,
      });
      onMade({ id: r.id, number: r.number, offer: chosen });
    } catch (e) {
      setBusy(false);
      if (e instanceof ApiCallError && e.issues.some((i) => i.path === 'approvalPin')) setPinError(e.message);
      else setFormError(e instanceof ApiCallError ? e.message : 'Não foi possível fazer o acordo. Tente de novo.');
    }
  };

  useShortcuts({ F10: () => void (result ? confirm() : compute()) });

  const full = result?.options[0];
  const suggested = result?.options.filter((o, i) => i > 0 && o.suggested) ?? [];
  const others = result?.options.filter((o, i) => i > 0 && !o.suggested) ?? [];
  const option = (o: Offer) => {
    const i = result!.options.indexOf(o);
    return (
      <Radio
        key={i}
        value={String(i)}
        label={o.label}
        description={
          <>
            {o.kind === 'installments' && `1ª parcela em ${formatDateBR(o.firstDueDate)} · total ${formatBRL(o.totalCents)}`}
            {o.kind === 'postpone' && `Sem entrada · total ${formatBRL(o.totalCents)}`}
            {o.kind === 'cash' && `Pagamento hoje`}
            <br />
            {o.withinLimits ? (
              <Badge component="span" size="sm" color="teal" variant="light" style={{ textTransform: 'none' }}>
                dentro da margem
              </Badge>
            ) : (
              <Badge component="span" size="sm" color="clay" variant="light" style={{ textTransform: 'none' }}>
                fora da margem: precisa do PIN do dono
              </Badge>
            )}
          </>
        }
      />
    );
  };

  return (
    <Stack gap="sm" aria-label="Propostas de acordo" role="region">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void compute();
        }}
      >
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <MoneyInput
            label="Quanto consegue pagar por mês?"
            value={capacity}
            selectOnFocus
            data-autofocus
            autoFocus
            onChange={(v) => {
              setCapacity(v);
              setCapacityError('');
            }}
            error={capacityError}
            style={{ flex: 1 }}
          />
          <Button type="submit" variant="light" loading={busy && !result}>
            Calcular
          </Button>
        </Group>
      </form>

      {result && full && (
        <>
          <Text size="sm">
            Peça primeiro o valor total: <strong>{formatBRL(full.totalCents)}</strong> ({formatBRL(result.debt.principalCents)} de parcelas +{' '}
            {formatBRL(result.debt.chargesCents)} de multa e juros).
          </Text>
          <Radio.Group value={picked} onChange={pick} label="Propostas sugeridas" name="offer">
            <Stack gap="xs" mt={6}>
              {suggested.map(option)}
            </Stack>
          </Radio.Group>
          {others.length > 0 && (
            <>
              <Button variant="subtle" size="xs" onClick={() => setMore((m) => !m)} aria-expanded={more} style={{ alignSelf: 'flex-start' }}>
                {more ? 'Esconder outras opções' : `Ver outras opções (${others.length})`}
              </Button>
              <Collapse expanded={more}>
                <Radio.Group value={picked} onChange={pick} aria-label="Outras opções" name="offer-more">
                  <Stack gap="xs">{others.map(option)}</Stack>
                </Radio.Group>
              </Collapse>
            </>
          )}
          {offer && !adjust && (
            <Button variant="light" size="xs" onClick={() => setAdjust({ base: offer, draft: draftFrom(offer) })} style={{ alignSelf: 'flex-start' }}>
              Ajustar esta proposta
            </Button>
          )}
          {adjust && adjusted && result && (
            <div>
              <OfferAdjuster basis={result} draft={adjust.draft} adjusted={adjusted} onDraft={(draft) => (setAdjust({ ...adjust, draft }), setFormError(''))} />
              <Button variant="subtle" size="xs" mt={4} onClick={() => setAdjust(null)}>
                Desfazer o ajuste
              </Button>
            </div>
          )}
          {chosen && !chosen.withinLimits && (!adjusted || !adjusted.invalid.length) && (
            <>
              {!adjust && (
                <Text size="sm" c="dimmed">
                  {chosen.violations.join(' ')}
                </Text>
              )}
              <PinInput label="PIN do dono" value={pin} onValue={(v) => (setPin(v), setPinError(''))} error={pinError} />
            </>
          )}
          {formError && (
            <Alert color="clay" role="alert" py="xs">
              {formError}
            </Alert>
          )}
          <Group gap="xs" justify="flex-end">
            <Button variant="default" onClick={onCancel} disabled={busy}>
              Voltar
            </Button>
            <Button onClick={() => void confirm()} loading={busy} disabled={!chosen}>
              Fazer acordo
              <Shortcut keys="F10" />
            </Button>
          </Group>
        </>
      )}
      {!result && formError && (
        <Alert color="clay" role="alert" py="xs">
          {formError}
        </Alert>
      )}
    </Stack>
  );
}

export { newKey };
