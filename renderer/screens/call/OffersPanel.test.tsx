// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWithTheme } from '../../test-utils';

const { callMock } = vi.hoisted(() => ({ callMock: vi.fn() }));
vi.mock('../../api', async (importOriginal) => ({ ...(await importOriginal<typeof import('../../api')>()), call: callMock }));

import { OffersPanel } from './OffersPanel';
import { computeOffers, debtOf } from '../../../shared/collection/offers';
import { pricePayment } from '../../../shared/ledger/plan';
import type { Margins } from '../../../shared/contract/settings';

const M: Margins = { maxChargesDiscountPct: 50, maxPrincipalDiscountPct: 10, maxInstallments: 6, minInstallmentCents: 3000, renegotiationMonthlyPct: 2, maxDaysToFirstDue: 30, maxPostponeDays: 15 };
const asOf = '2026-11-23';
const { installmentIds, ...debt } = debtOf([
  { installmentId: 'a', principalCents: 15000, fineCents: 300, interestCents: 205 },
  { installmentId: 'b', principalCents: 15000, fineCents: 300, interestCents: 205 },
]);
// offers.compute's answer, made by the same pure module the use case calls (db/usecases/offers.ts).
const answer = { asOf, profile: 'ocasional', margins: M, debt: { ...debt, installmentCount: installmentIds.length }, options: computeOffers({ asOf, debt: { ...debt, installmentIds }, margins: M, capacityCents: 8000 }) };

const press = (el: HTMLElement, keys: string) => [...keys].forEach((key) => fireEvent.keyDown(el, { key }));

async function openAdjuster() {
  callMock.mockResolvedValueOnce(answer);
  renderWithTheme(<OffersPanel customerId="c1" onMade={onMade} onCancel={() => {}} />);
  press(screen.getByLabelText('Quanto consegue pagar por mês?'), '8000');
  fireEvent.click(screen.getByRole('button', { name: /^Calcular/ }));
  fireEvent.click(await screen.findByRole('button', { name: 'Ajustar esta proposta' }));
  return screen.getByRole('group', { name: 'Ajustar a proposta' });
}

const onMade = vi.fn();
beforeEach(() => {
  callMock.mockReset();
  onMade.mockReset();
});
afterEach(cleanup);

describe('adjusting an offer on the call screen', () => {
  it('recomputes the parcela as the clerk types, and "Fazer acordo" sends the adjusted terms', async () => {
    const adjuster = await openAdjuster();
    fireEvent.change(within(adjuster).getByLabelText('Parcelas'), { target: { value: '4' } });
    const entrada = within(adjuster).getByLabelText('Entrada') as HTMLInputElement;
    entrada.setSelectionRange(entrada.value.length, entrada.value.length);
    for (let i = 0; i < 10; i++) fireEvent.keyDown(entrada, { key: 'Backspace' });
    expect(entrada.value).toBe('R$ 0,00');
    press(entrada, '5000');
    expect(entrada.value).toBe('R$ 50,00');
    fireEvent.change(within(adjuster).getByLabelText('1º vencimento'), { target: { value: '20122026' } });
    // 31010 − 5000 = 26010 financed in 4 at 2%
    const pmt = pricePayment(26010, 4, 2);
    const line = screen.getByTestId('adjusted-offer');
    await waitFor(() => expect(line.textContent).toContain(`Entrada de R$ 50,00 + 4x de R$ ${(pmt / 100).toFixed(2).replace('.', ',')}`));
    expect(line.textContent).toContain('dentro da margem');
    expect(screen.queryByLabelText('PIN do dono')).toBeNull();

    callMock.mockResolvedValueOnce({ id: 'ag1', number: 'AC-0001' });
    fireEvent.click(screen.getByRole('button', { name: /^Fazer acordo/ }));
    await waitFor(() => expect(onMade).toHaveBeenCalled());
    expect(callMock).toHaveBeenLastCalledWith('agreements.create', expect.objectContaining({ customerId: 'c1', discountCents: 0, downPaymentCents: 5000, installmentCount: 4, monthlyRatePct: 2, firstDueDate: '2026-12-20' }));
    expect(callMock.mock.lastCall![1]).not.toHaveProperty('approvalPin');
  });

  it('beyond the margins asks for the owner PIN before sending, then sends it', async () => {
    const adjuster = await openAdjuster();
    fireEvent.change(within(adjuster).getByLabelText('Parcelas'), { target: { value: '8' } });
    await waitFor(() => expect(screen.getByTestId('adjusted-offer').textContent).toContain('fora da margem: precisa do PIN do dono'));
    expect(screen.getByTestId('adjusted-offer').textContent).toContain('8 parcelas passam do limite de 6 parcelas.');
    const calls = callMock.mock.calls.length;
    fireEvent.click(screen.getByRole('button', { name: /^Fazer acordo/ }));
    expect(await screen.findByText('Fora da margem: o dono precisa digitar o PIN.')).toBeTruthy();
    expect(callMock.mock.calls.length).toBe(calls);
    fireEvent.change(screen.getByLabelText('PIN do dono'), { target: { value: '1111' } });
    callMock.mockResolvedValueOnce({ id: 'ag2', number: 'AC-0002' });
    fireEvent.click(screen.getByRole('button', { name: /^Fazer acordo/ }));
    await waitFor(() => expect(onMade).toHaveBeenCalled());
    expect(callMock).toHaveBeenLastCalledWith('agreements.create', expect.objectContaining({ installmentCount: 8, approvalPin: '1111' }));
  });

  it('impossible terms are marked on their field and never sent', async () => {
    const adjuster = await openAdjuster();
    const discount = within(adjuster).getByLabelText('Desconto');
    press(discount, '4000000'); // R$ 40.000,00: more than the debt
    expect(await within(adjuster).findByText(/não pode ser igual ou maior que a dívida/)).toBeTruthy();
    expect(discount.getAttribute('aria-invalid')).toBe('true');
    const calls = callMock.mock.calls.length;
    fireEvent.click(screen.getByRole('button', { name: /^Fazer acordo/ }));
    expect(callMock.mock.calls.length).toBe(calls);
    expect(screen.getByRole('alert').textContent).toMatch(/não pode ser igual ou maior que a dívida/);
  });
});
