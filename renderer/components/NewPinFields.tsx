import { SimpleGrid } from '@mantine/core';
import { PinInput } from './PinInput';

interface Props {
  /** the PIN field: its id (for errors by path), label and value */
  pin: { id: string; label: string; value: string; error?: string };
  confirm: { id: string; value: string; error?: string };
  onPin(pin: string): void;
  onConfirm(pin: string): void;
}

/** Choosing a new PIN: the PIN and its confirmation side by side (first start, new user). */
export function NewPinFields({ pin, confirm, onPin, onConfirm }: Props) {
  return (
    <SimpleGrid cols={2}>
      <PinInput id={pin.id} label={pin.label} description="De 4 a 8 números" required autoComplete="new-password" value={pin.value} onValue={onPin} error={pin.error} />
      <PinInput
        id={confirm.id}
        label="Confirme o PIN"
        description="Digite o mesmo PIN de novo"
        required
        autoComplete="new-password"
        value={confirm.value}
        onValue={onConfirm}
        error={confirm.error}
        visibilityToggleButtonProps={{ 'aria-label': 'Mostrar ou esconder a confirmação do PIN' }}
      />
    </SimpleGrid>
  );
}
