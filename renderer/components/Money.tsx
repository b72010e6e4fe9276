import { Text, type TextProps } from '@mantine/core';
import { formatBRL, type Cents } from '../../shared/money';
import { LATE_COLOR } from '../theme';

/**
 * An amount of money, always through the shared formatter: `R$ 1.234,56`, right-aligned with tabular
 * figures so columns line up. `late` paints it in the calm warm colour of late amounts (LOOK.md).
 */
export function Money({ cents, late = false, dimZero = false, ...rest }: { cents: Cents; late?: boolean; dimZero?: boolean } & TextProps) {
  const color = late && cents > 0 ? LATE_COLOR : dimZero && cents === 0 ? 'dimmed' : undefined;
  return (
    <Text component="span" ta="right" c={color} fw={late && cents > 0 ? 600 : undefined} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }} {...rest}>
      {formatBRL(cents)}
    </Text>
  );
}
