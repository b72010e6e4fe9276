import { NumberInput, Text, TextInput, type NumberInputProps, type TextInputProps } from '@mantine/core';
import { formatBRL, moneyInputDigits } from '../../../shared/money';
import { fieldId, type FieldErrors, type Num } from './settings-draft';

const FIGURES = { fontVariantNumeric: 'tabular-nums' } as const;

/** The unit after a number ("%", "dias"), quiet, inside the field's right edge. */
function Unit({ children }: { children: string }) {
  return (
    <Text component="span" size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
      {children}
    </Text>
  );
}

interface NumberFieldProps extends Omit<NumberInputProps, 'value' | 'onChange' | 'error' | 'id'> {
  path: string;
  value: Num;
  onValue(value: Num): void;
  errors: FieldErrors;
  unit?: string;
  decimals?: boolean;
}

/**
 * A number typed the Brazilian way (1,5), with its unit at the right. Never clamps: a value out of range
 * stays as typed and the error next to it says the limit and why (LOOK.md "errors next to the field").
 */
export function NumberField({ path, value, onValue, errors, unit, decimals = false, ...rest }: NumberFieldProps) {
  return (
    <NumberInput
      id={fieldId(path)}
      value={value}
      onChange={onValue}
      error={errors[path]}
      decimalSeparator=","
      thousandSeparator="."
      allowDecimal={decimals}
      decimalScale={decimals ? 2 : 0}
      allowNegative={false}
      clampBehavior="none"
      hideControls
      inputMode={decimals ? 'decimal' : 'numeric'}
      autoComplete="off"
      rightSection={unit ? <Unit>{unit}</Unit> : undefined}
      rightSectionWidth={unit ? Math.max(36, unit.length * 8 + 18) : undefined}
      rightSectionPointerEvents="none"
      styles={{ input: FIGURES }}
      size="md"
      {...rest}
    />
  );
}

interface MoneyFieldProps extends Omit<TextInputProps, 'value' | 'onChange' | 'error' | 'id'> {
  path: string;
  /** centavos, or '' while empty */
  value: Num;
  onValue(value: Num): void;
  errors: FieldErrors;
}

/**
 * Money that fills from the right, centavos first: typing 1 shows R$ 0,01 (CONVENTIONS.md). Deleting every
 * digit empties the field, which in the per-profile table means "uses the default".
 */
export function MoneyField({ path, value, onValue, errors, ...rest }: MoneyFieldProps) {
  return (
    <TextInput
      id={fieldId(path)}
      value={typeof value === 'number' ? formatBRL(value) : ''}
      onChange={(e) => {
        const typed = e.currentTarget.value;
        onValue(/[1-9]/.test(typed) ? moneyInputDigits(typed) : '');
      }}
      error={errors[path]}
      inputMode="numeric"
      autoComplete="off"
      styles={{ input: { ...FIGURES, textAlign: 'right' } }}
      {...rest}
    />
  );
}
