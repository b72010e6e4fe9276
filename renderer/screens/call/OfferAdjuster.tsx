import { useState } from 'react';
import { Badge, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { formatDateBR, parseDateBR } from '../../../shared/dates';
import { formatBRL } from '../../../shared/money';
import { maskDateBR } from '../../../shared/ui-format/input-masks';
import { MoneyInput } from '../../components/MoneyInput';
import { problemAt, type AdjustBasis, type AdjustDraft, type Adjusted } from './offer-adjust';

const FIELDS = ['downPaymentCents', 'installmentCount', 'firstDueDate', 'discountCents'];

interface Props {
  basis: AdjustBasis;
  draft: AdjustDraft;
  adjusted: Adjusted;
  onDraft(d: AdjustDraft): void;
}

/**
 * "Ajustar a proposta": entrada, parcelas, first due date and discount typed by hand. The parcela and the total
 * follow as the clerk types (offer-adjust.ts); each problem shows next to its field, and the line below says
 * whether the terms are within the margins or need the owner's PIN.
 */
export function OfferAdjuster({ basis, draft, adjusted, onDraft }: Props) {
  const [dateText, setDateText] = useState(draft.firstDueDate ? formatDateBR(draft.firstDueDate) : '');
  const payToday = draft.installmentCount === 0;
  const base = basis.debt.totalCents - draft.discountCents;
  const set = (patch: Partial<AdjustDraft>) => {
    const next = { ...draft, ...patch };
    // Paid today, the entrada is the whole agreed amount: it follows the discount.
    if (next.installmentCount === 0) next.downPaymentCents = Math.max(0, basis.debt.totalCents - next.discountCents);
    onDraft(next);
  };
  const a = adjusted;
  // Impossible terms mark their field; terms beyond the margins are listed under the verdict (the PIN allows them).
  const at = (path: string) => (a.invalid.some((v) => v.path === path) ? problemAt(a, path) : undefined);
  const elsewhere = a.invalid.find((v) => !FIELDS.includes(v.path));
  const m = basis.margins;

  return (
    <Stack gap="xs" role="group" aria-label="Ajustar a proposta">
      <Text size="sm" fw={600}>
        Proposta ajustada: é esta que vai no acordo
      </Text>
      <SimpleGrid cols={2} spacing="xs" verticalSpacing="xs">
        <MoneyInput
          label="Entrada"
          value={payToday ? Math.max(0, base) : draft.downPaymentCents}
          readOnly={payToday}
          selectOnFocus
          onChange={(v) => set({ downPaymentCents: v })}
          error={at('downPaymentCents')}
          description={payToday ? 'À vista: todo o valor' : 'Paga hoje'}
        />
        <NumberInput
          label="Parcelas"
          // the clerk clicked "Ajustar": the cursor goes where the adjusting starts
          autoFocus
          value={draft.installmentCount}
          min={0}
          max={48}
          clampBehavior="strict"
          allowDecimal={false}
          allowNegative={false}
          onChange={(v) => set({ installmentCount: typeof v === 'number' ? v : Number(v) || 0 })}
          error={at('installmentCount')}
          description={`Até ${m.maxInstallments} na margem`}
          styles={{ input: { fontVariantNumeric: 'tabular-nums' } }}
        />
        <TextInput
          label="1º vencimento"
          inputMode="numeric"
          autoComplete="off"
          placeholder="dd/mm/aaaa"
          value={payToday ? '' : dateText}
          disabled={payToday}
          onChange={(e) => {
            const text = maskDateBR(e.currentTarget.value);
            setDateText(text);
            set({ firstDueDate: parseDateBR(text) });
          }}
          error={payToday ? undefined : at('firstDueDate')}
          description={payToday ? 'Sem parcelas' : `Até ${m.maxDaysToFirstDue} dias`}
          styles={{ input: { fontVariantNumeric: 'tabular-nums' } }}
        />
        <MoneyInput label="Desconto" value={draft.discountCents} selectOnFocus onChange={(v) => set({ discountCents: v })} error={at('discountCents')} description={`Encargos: até ${m.maxChargesDiscountPct}%`} />
      </SimpleGrid>

      <div aria-live="polite" data-testid="adjusted-offer">
        {a.invalid.length === 0 ? (
          <>
            <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
              {payToday
                ? `À vista hoje: ${formatBRL(a.totalCents)}`
                : `${draft.downPaymentCents > 0 ? `Entrada de ${formatBRL(draft.downPaymentCents)} + ` : ''}${draft.installmentCount}x de ${formatBRL(a.installmentCents)} · total ${formatBRL(a.totalCents)}`}
            </Text>
            {a.withinLimits ? (
              <Badge size="sm" color="teal" variant="light" style={{ textTransform: 'none' }}>
                dentro da margem
              </Badge>
            ) : (
              <>
                <Badge size="sm" color="clay" variant="light" style={{ textTransform: 'none' }}>
                  fora da margem: precisa do PIN do dono
                </Badge>
                {a.limits.map((v) => (
                  <Text size="xs" c="dimmed" key={v.message} mt={2}>
                    {v.message}
                  </Text>
                ))}
              </>
            )}
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {elsewhere?.message ?? 'Corrija o campo indicado para ver a parcela.'}
          </Text>
        )}
      </div>
    </Stack>
  );
}
