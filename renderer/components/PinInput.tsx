import { forwardRef } from 'react';
import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { pinDigits } from '../../shared/ui-format/input-masks';

interface Props extends Omit<PasswordInputProps, 'value' | 'onChange'> {
  value: string;
  /** called with digits only, at most 8: a PIN is 4 to 8 numbers */
  onValue(pin: string): void;
}

/** A hidden PIN field with the number keypad, used wherever someone types a PIN (login, setup, estorno). */
export const PinInput = forwardRef<HTMLInputElement, Props>(function PinInput({ value, onValue, visibilityToggleButtonProps, ...rest }, ref) {
  return (
    <PasswordInput
      ref={ref}
      inputMode="numeric"
      autoComplete="off"
      value={value}
      onChange={(e) => onValue(pinDigits(e.currentTarget.value))}
      visibilityToggleButtonProps={{ 'aria-label': 'Mostrar ou esconder o PIN', ...visibilityToggleButtonProps }}
      {...rest}
    />
  );
});
