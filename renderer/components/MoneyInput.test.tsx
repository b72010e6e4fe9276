// @vitest-environment jsdom
import { describe, it, expect, beforeAll, afterEach } from 'vitest';
import { useState } from 'react';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { MoneyInput } from './MoneyInput';
import { installDomShims, renderWithTheme } from '../test-utils';

beforeAll(installDomShims);
afterEach(cleanup);

function Harness({ start = 0, selectOnFocus = false }: { start?: number; selectOnFocus?: boolean }) {
  const [cents, setCents] = useState(start);
  return <MoneyInput label="Valor" value={cents} onChange={setCents} selectOnFocus={selectOnFocus} />;
}

const press = (el: HTMLElement, keys: string) => [...keys].forEach((key) => fireEvent.keyDown(el, { key }));

describe('MoneyInput (fills from the right, CONVENTIONS.md)', () => {
  it('typing 15000 gives R$ 150,00 even with the caret in the middle of the text', () => {
    renderWithTheme(<Harness />);
    const input = screen.getByLabelText('Valor') as HTMLInputElement;
    press(input, '1');
    expect(input.value).toBe('R$ 0,01');
    input.setSelectionRange(2, 2); // a caret that did not make it to the end
    press(input, '5000');
    expect(input.value).toBe('R$ 150,00');
    fireEvent.keyDown(input, { key: 'Backspace' });
    expect(input.value).toBe('R$ 15,00');
  });

  it('a digit typed over a fully selected amount replaces it', () => {
    renderWithTheme(<Harness start={15505} selectOnFocus />);
    const input = screen.getByLabelText('Valor') as HTMLInputElement;
    input.setSelectionRange(0, input.value.length);
    press(input, '2');
    expect(input.value).toBe('R$ 0,02');
  });
});
