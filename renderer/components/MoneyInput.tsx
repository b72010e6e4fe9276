import { forwardRef } from 'react';
import { TextInput, type TextInputProps } from '@mantine/core';
import { formatBRL, moneyInputDigits, type Cents } from '../../shared/money';

interface Props extends Omit<TextInputProps, 'value' | 'onChange' | 'defaultValue'> {
  value: Cents;
  onChange(cents: Cents): void;
  /** select the whole amount on focus, so typing replaces a suggested value (Receber) */
  selectOnFocus?: boolean;
}

const selectAll = (el: HTMLInputElement) => el.select();
const toEnd = (el: HTMLInputElement) => requestAnimationFrame(() => el.setSelectionRange(el.value.length, el.value.length));

/**
 * Money fills from the right, centavos first (CONVENTIONS.md): typing `1` shows `R$ 0,01`, `120000` shows
 * `R$ 1.200,00`; Backspace takes the last digit away. The caret stays at the end, where the digits go; with
 * `selectOnFocus` a focus or click selects the whole amount so the clerk types over a suggested value.
 */
export const MoneyInput = forwardRef<HTMLInputElement, Props>(function MoneyInput({ value, onChange, selectOnFocus = false, styles, onKeyDown, ...rest }, ref) {
  const onEnter = selectOnFocus ? selectAll : toEnd;
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
      // Digits and Backspace act on the amount itself, wherever the caret happens to be: a fast typist (or a
      // busy PC) can beat the caret move, and a digit landing mid-text would turn R$ 150,00 into R$ 100.050,00.
      onKeyDown={(e) => {
        const el = e.currentTarget;
        const whole = el.value.length > 0 && el.selectionStart === 0 && el.selectionEnd === el.value.length;
        const plain = !e.ctrlKey && !e.metaKey && !e.altKey;
        if (plain && /^\d$/.test(e.key)) {
          e.preventDefault();
          onChange(moneyInputDigits(`${whole ? 0 : value}${e.key}`));
          toEnd(el);
        } else if (plain && e.key === 'Backspace') {
          e.preventDefault();
          onChange(whole ? 0 : Math.floor(value / 10));
          toEnd(el);
        }
        onKeyDown?.(e);
      }}
      onFocus={(e) => onEnter(e.currentTarget)}
      // On click too: a mouse-up would otherwise drop the selection or move the caret.
      onClick={(e) => onEnter(e.currentTarget)}
      styles={{ input: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' }, ...(styles as object) }}
      {...rest}
    />
  );
});
