import { Text } from '@mantine/core';
import type { CustomerSearchItem } from '../../shared/contract/people';
import { formatCpf } from '../../shared/cpf';
import { formatPhone } from '../../shared/phone';
import { Money } from './Money';
import { ProfileBadge } from './ProfileBadge';
import classes from './CustomerCells.module.css';

/**
 * One customer found by `customers.search`, as the cells of a grid row: nome, CPF, telefone, em atraso, perfil.
 * Shared by Clientes and Receber so a customer looks the same wherever the clerk finds them.
 */
export function CustomerCells({ customer: c }: { customer: CustomerSearchItem }) {
  return (
    <>
      <Text component="span" fw={500} truncate="end">
        {c.name}
      </Text>
      <span className={classes.figures}>{formatCpf(c.cpf)}</span>
      <span className={classes.figures}>{c.phone ? formatPhone(c.phone) : <Text component="span" c="dimmed">sem telefone</Text>}</span>
      <Money cents={c.overdueCents} late dimZero className={classes.right} />
      <span>
        <ProfileBadge profile={c.profile} reasons={c.profileReasons} focusable={false} />
      </span>
    </>
  );
}
