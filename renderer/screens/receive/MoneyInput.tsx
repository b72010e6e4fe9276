import { forwardRef } from 'react';
import { TextInput, type TextInputProps } from '@mantine/core';
import { formatBRL, moneyInputDigits, type Cents } from '../../../shared/money';

interface Props extends Omit<TextInputProps, 'value' | 'onChange' | 'defaultValue'> {
  value: Cents;
  onChange(cents: Cents): void;
}

const selectAll = (el: HTMLInputElement) => el.select();
const toEnd = (el: HTMLInputElement) => requestAnimationFrame(() => el.setSelectionRange(el.value.length, el.value.length));

/**
 * Money fills from the right, centavos first (CONVENTIONS.md): typing `1` shows `R$ 0,01`. On focus or click the
 * whole amount is selected, so the clerk types over the suggested value; after that the caret stays at the end.
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
      // Selected on focus and on click (a mouse-up would otherwise drop the selection): typing replaces the amount.
      onFocus={(e) => selectAll(e.currentTarget)}
      onClick={(e) => selectAll(e.currentTarget)}
      styles={{ input: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' }, ...(styles as object) }}
      {...rest}
    />
  );
});
