// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { renderWithTheme } from '../../test-utils';

const { callMock } = vi.hoisted(() => ({ callMock: vi.fn() }));
vi.mock('../../api', async (importOriginal) => ({ ...(await importOriginal<typeof import('../../api')>()), call: callMock }));
vi.mock('@mantine/notifications', () => ({ notifications: { show: vi.fn() } }));

import { ApiCallError } from '../../api';
import { CustomerForm } from './CustomerForm';

const type = (label: string | RegExp, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const cpfInput = () => screen.getByLabelText(/^CPF/) as HTMLInputElement;
const save = () => fireEvent.click(screen.getByRole('button', { name: /^Salvar/ }));

beforeEach(() => callMock.mockReset());
afterEach(cleanup);

describe('customer form', () => {
  it('masks the CPF and says it is invalid right next to the field', async () => {
    const onDone = vi.fn();
    renderWithTheme(<CustomerForm onDone={onDone} onCancel={() => {}} />);
    type(/^Nome completo/, 'Conceição Araújo');
    type(/^CPF/, '52998224700');
    expect(cpfInput().value).toBe('529.982.247-00');
    const error = await screen.findByText('CPF inválido: confira os 11 dígitos.');
    expect(cpfInput().getAttribute('aria-invalid')).toBe('true');
    expect(cpfInput().getAttribute('aria-describedby')).toContain(error.id);

    save();
    expect(callMock).not.toHaveBeenCalled();

    type(/^CPF/, '529.982.247-25');
    expect(screen.queryByText('CPF inválido: confira os 11 dígitos.')).toBeNull();
    type('Telefone 1', '11987654321');
    type('Data de nascimento', '25031980');
    expect((screen.getByLabelText('Data de nascimento') as HTMLInputElement).value).toBe('25/03/1980');
    callMock.mockResolvedValueOnce({ id: 'x' });
    save();
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(callMock).toHaveBeenCalledWith('customers.create', {
      name: 'Conceição Araújo',
      cpf: '52998224725',
      phones: [{ number: '11987654321', whatsapp: false }],
      birthDate: '1980-03-25',
      keyCustomer: false,
      doNotCall: false,
      remindersPaused: false,
    });
  });

  it('puts the backend errors on their fields by issue path', async () => {
    renderWithTheme(<CustomerForm onDone={() => {}} onCancel={() => {}} />);
    type(/^Nome completo/, 'Maria Souza');
    type(/^CPF/, '52998224725');
    type('Telefone 1', '11987654321');
    callMock.mockRejectedValueOnce(
      new ApiCallError('conflict', 'Já existe um cliente com este CPF: Maria S.', [{ path: 'cpf', message: 'CPF já cadastrado.' }]),
    );
    save();
    expect(await screen.findByText('CPF já cadastrado.')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('Já existe um cliente com este CPF: Maria S.');
  });
});
