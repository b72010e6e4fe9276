// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { renderWithTheme } from '../../test-utils';

const { callMock } = vi.hoisted(() => ({ callMock: vi.fn() }));
vi.mock('../../api', async (importOriginal) => ({ ...(await importOriginal<typeof import('../../api')>()), call: callMock }));

import { CustomerPage } from './CustomerPage';
import { openCustomerFile, useCustomers } from '../../store/customers';
import { useNavigation } from '../../store/navigation';
import { useCall } from '../call/call-store';
import { useReceive } from '../receive/receive-store';
import type { CallContext } from '../call/call-types';

// What calls.context answers for a late customer (db/usecases/calls-context.ts), trimmed to what the page shows.
function context(overrides: Partial<CallContext> = {}): CallContext {
  return {
    asOf: '2026-11-23',
    customer: { id: 'c1', name: 'Cícero Furtado Martins', cpf: '53097477888', customerSince: '2024-03-04', keyCustomer: true, doNotCall: false, notes: null },
    profile: { kind: 'negligente', label: 'negligente', reasons: ['10 pagamentos parciais em 12 meses', '2 parcelas em atraso agora'] },
    facts: { firstPurchase: false, firstDelay: false, onTimePaidCount: 5, longGoodHistory: false, purchaseCount: 2, daysLate: 63, overdueCount: 1, overdueCents: 17262, openCents: 90000, bestTime: 'Costuma atender por volta das 12h', whatsappOptIn: false, openDisputes: 1 },
    purchases: [
      { id: 's2', number: 'A-000623', date: '2026-02-21', description: 'Sofá retrátil 3 lugares', totalCents: 255990, installmentCount: 12 },
      { id: 's1', number: 'A-000364', date: '2025-09-01', description: 'Cama box casal', totalCents: 114990, installmentCount: 12 },
    ],
    installments: [
      { id: 'i1', number: 7, count: 12, dueDate: '2026-09-21', daysLate: 63, amountCents: 16000, paidCents: 0, fineCents: 320, interestCents: 942, totalDueCents: 17262, saleNumber: 'A-000623', description: 'Sofá retrátil 3 lugares' },
    ],
    contacts: [{ id: 'k1', day: '2026-11-18', channelLabel: 'Ligação', outcomeLabel: 'Prometeu pagar', by: 'Marcos Silva', notes: 'Está fazendo bicos.' }],
    promises: [
      { id: 'p1', madeOn: '2026-11-18', date: '2026-11-21', amountCents: 15000, statusLabel: 'Não cumprida', kept: false, broken: true },
      { id: 'p2', madeOn: '2026-10-20', date: '2026-10-30', amountCents: 10000, statusLabel: 'Cumprida', kept: true, broken: false },
    ],
    disputes: [{ id: 'd1', kindLabel: 'Pagamento a conferir', open: true, notes: 'Diz que pagou por PIX dia 10.' }],
    phones: [
      { number: '17976738583', label: '(17) 97673-8583', whatsapp: false, wrongNumber: false, use: true },
      { number: '1733334444', label: '(17) 3333-4444', whatsapp: false, wrongNumber: true, use: false },
    ],
    phoneToUse: { number: '17976738583', label: '(17) 97673-8583', whatsapp: false },
    calling: { allowed: false, reasons: ['Já houve contato hoje.'] },
    payment: { pixKey: null },
    stages: [],
    talkingPoints: [],
    avoid: [],
    objections: [],
    ...overrides,
  };
}

beforeEach(() => {
  callMock.mockReset();
  useCall.getState().close();
  useNavigation.getState().go('clientes');
});
afterEach(cleanup);

describe("the customer's page", () => {
  it('shows the file: profile and its reasons, purchases, overdue with charges, disputes, promises, contacts, calling now', async () => {
    callMock.mockResolvedValueOnce(context());
    renderWithTheme(<CustomerPage customerId="c1" onEdit={() => {}} onBack={() => {}} />);
    await screen.findByRole('heading', { name: 'Cícero Furtado Martins' });
    expect(callMock).toHaveBeenCalledWith('calls.context', { customerId: 'c1' });
    expect(screen.getByText('CPF 530.974.778-88')).toBeTruthy();

    const who = screen.getByRole('region', { name: 'Quem é' });
    expect(within(who).getByRole('list', { name: 'Por que o perfil é negligente' }).textContent).toContain('10 pagamentos parciais em 12 meses');
    expect(who.textContent).toContain('04/03/2024');
    expect(within(who).getByRole('list', { name: 'Compras' }).textContent).toContain('Cama box casal');
    expect(screen.getByText('cliente estratégico')).toBeTruthy();

    const late = screen.getByRole('region', { name: 'Em atraso e promessas' });
    expect(late.textContent).toContain('Em atraso hoje: R$ 172,62');
    expect(late.textContent).toContain('com multa e juros de hoje');
    expect(late.textContent).toContain('Pagamento a conferir: Diz que pagou por PIX dia 10.');
    const promises = within(late).getByRole('list', { name: 'Promessas' });
    expect(promises.textContent).toContain('21/11/2026 · Não cumprida');
    expect(promises.textContent).toContain('Cumprida');

    const calls = screen.getByRole('region', { name: 'Ligar e contatos' });
    expect(calls.textContent).toContain('Não ligue agora');
    expect(calls.textContent).toContain('Já houve contato hoje.');
    expect(calls.textContent).toContain('Ligar para (17) 97673-8583 · Costuma atender por volta das 12h');
    expect(calls.textContent).toContain('Número errado, não ligar: (17) 3333-4444');
    expect(calls.textContent).toContain('18/11/2026 · Ligação: Prometeu pagar (Marcos)');
    expect(calls.textContent).toContain('Está fazendo bicos.');
  });

  it('"Ligar agora" opens the guided call for this one customer in Hoje; "Receber" and "Extrato" open Receber for them', async () => {
    callMock.mockResolvedValueOnce(context());
    renderWithTheme(<CustomerPage customerId="c1" onEdit={() => {}} onBack={() => {}} />);
    fireEvent.click(await screen.findByRole('button', { name: /^Ligar agora/ }));
    expect(useNavigation.getState().area).toBe('hoje');
    expect(useCall.getState().mode).toBe('call');
    expect(useCall.getState().items).toEqual([expect.objectContaining({ customerId: 'c1', name: 'Cícero Furtado Martins', overdueCents: 17262, phone: context().phoneToUse })]);

    fireEvent.click(screen.getByRole('button', { name: /^Receber/ }));
    expect(useNavigation.getState().area).toBe('receber');
    expect(useReceive.getState().view).toEqual({ kind: 'pay', customer: expect.objectContaining({ id: 'c1', name: 'Cícero Furtado Martins', profile: 'negligente' }) });

    fireEvent.click(screen.getByRole('button', { name: /^Extrato/ }));
    expect(useReceive.getState().view).toMatchObject({ kind: 'account', back: 'clientes', customer: { id: 'c1' } });
  });

  it('nothing overdue: "Ligar agora" does nothing; Esc goes back, Alt+E edits', async () => {
    callMock.mockResolvedValueOnce(context({ installments: [], facts: { ...context().facts, overdueCents: 0, overdueCount: 0 } }));
    const onBack = vi.fn();
    const onEdit = vi.fn();
    renderWithTheme(<CustomerPage customerId="c1" onEdit={onEdit} onBack={onBack} />);
    const button = await screen.findByRole('button', { name: /^Ligar agora/ });
    expect(button.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(button);
    expect(useCall.getState().mode).toBe('list');
    expect(screen.getByText('Nenhuma parcela em atraso.')).toBeTruthy();
    fireEvent.keyDown(window, { key: 'e', altKey: true });
    expect(onEdit).toHaveBeenCalledTimes(1);
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(onBack).toHaveBeenCalledTimes(1);
  });

  it('says so, with a way back, when the file cannot be opened', async () => {
    const { ApiCallError } = await import('../../api');
    callMock.mockRejectedValueOnce(new ApiCallError('not_found', 'Cliente não encontrado.', []));
    const onBack = vi.fn();
    renderWithTheme(<CustomerPage customerId="gone" onEdit={() => {}} onBack={onBack} />);
    expect((await screen.findByRole('alert')).textContent).toContain('Cliente não encontrado.');
    fireEvent.click(screen.getByRole('button', { name: /^Voltar/ }));
    expect(onBack).toHaveBeenCalled();
  });
});

describe('openCustomerFile (for Painel and others)', () => {
  it("switches to Clientes and opens that customer's page", () => {
    useNavigation.getState().go('painel');
    openCustomerFile('c9');
    expect(useNavigation.getState().area).toBe('clientes');
    expect(useCustomers.getState().view).toEqual({ kind: 'file', id: 'c9' });
  });
});
