import { forwardRef } from 'react';
import { TextInput, type TextInputProps } from '@mantine/core';
import { formatBRL, moneyInputDigits, type Cents } from '../../../shared/money';

interface Props extends Omit<TextInputProps, 'value' | 'onChange' | 'defaultValue'> {
  value: Cents;
  onChange(cents: Cents): void;
}

const toEnd = (el: HTMLInputElement) => requestAnimationFrame(() => el.setSelectionRange(el.value.length, el.value.length));

/**
 * Money fills from the right, centavos first (CONVENTIONS.md): typing `1` shows `R$ 0,01`, `120000` shows
 * `R$ 1.200,00`; Backspace takes the last digit away. The caret stays at the end, where the digits go.
 */
export const MoneyInput = forwardRef<HTMLInputElement, Props>(function MoneyInput({ value, onChange, styles, ...rest }, ref) {
  return (
    <TextInput
      ref={ref}
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      value={formatBRL(value)}
      onChange={(e) => {
        onChange(moneyInputDigits(e.currentTarget.value));
        toEnd(e.currentTarget);
      }}
      onFocus={(e) => toEnd(e.currentTarget)}
      onClick={(e) => toEnd(e.currentTarget)}
      styles={{ input: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' }, ...(styles as object) }}
      {...rest}
    />
  );
});
