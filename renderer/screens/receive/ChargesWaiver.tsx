import { Box, Button, Group, Text } from '@mantine/core';
import { formatBRL } from '../../../shared/money';
import { MoneyInput } from '../../components/MoneyInput';
import { PinInput } from '../../components/PinInput';
import { chargesWaiverLimitCents } from '../../../shared/collection/offers';


interface Props {
  /** multa + juros of the ticked parcelas */
  chargesCents: number;
  maxPct: number;
  open: boolean;
  onOpen(open: boolean): void;
  value: number;
  onChange(cents: number): void;
  pin: string;
  onPin(pin: string): void;
  error?: string;
  pinError?: string;
}

/**
 * Desconto na multa e nos juros, at the counter (issue 7): up to the owner's margin for this customer's profile
 * the clerk decides; beyond it, the owner types the PIN right here and the approval is recorded on the payment.
 */
export function ChargesWaiver({ chargesCents, maxPct, open, onOpen, value, onChange, pin, onPin, error, pinError }: Props) {
  if (chargesCents <= 0) return null;
  const limit = chargesWaiverLimitCents(chargesCents, maxPct);
  if (!open) {
    return (
      <Button variant="subtle" size="sm" onClick={() => onOpen(true)} style={{ alignSelf: 'flex-start' }}>
        Dar desconto na multa e nos juros
      </Button>
    );
  }
  const beyond = value > limit;
  return (
    <Box>
      <Group grow align="flex-start" wrap="nowrap">
        <MoneyInput
          selectOnFocus
          label="Desconto na multa e nos juros"
          description={limit > 0 ? `Sem autorização: até ${formatBRL(limit)} (${maxPct}% de ${formatBRL(chargesCents)})` : 'Qualquer desconto precisa do PIN do dono.'}
          size="md"
          value={value}
          onChange={onChange}
          error={error || (value > chargesCents ? `Passa da multa e dos juros (${formatBRL(chargesCents)}).` : undefined)}
        />
        {beyond ? (
          <PinInput
            label="PIN do dono"
            description="Passa da margem da loja: o dono autoriza aqui."
            size="md"
            value={pin}
            onValue={onPin}
            error={pinError}
          />
        ) : (
          <Box />
        )}
      </Group>
      <Button
        variant="subtle"
        size="sm"
        mt={4}
        onClick={() => {
          onChange(0);
          onPin('');
          onOpen(false);
        }}
      >
        Tirar o desconto
      </Button>
      {value > 0 && !beyond && (
        <Text size="sm" c="dimmed">
          Desconto dentro da margem da loja.
        </Text>
      )}
    </Box>
  );
}
