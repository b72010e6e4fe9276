import { Badge, Button, Group, Text, Tooltip } from '@mantine/core';
import { Money } from '../../components/Money';
import { ProfileBadge } from '../../components/ProfileBadge';
import { daysLateText, reasonLines, telHref } from './today-text';
import type { QueueItem } from './today-types';
import { useToday } from './today-store';
import { DONE_COLOR } from '../../theme';
import classes from './Today.module.css';

/**
 * The day's short list, best first: who, why (the reasons as short lines), how much and how late, the phone
 * to call and when they usually answer. "Ligar" hands the number to the phone app (a `tel:` link; the desktop
 * app only lets tel:, mailto: and wa.me out); "Registrar resultado" records what happened.
 */
export function CallList({ items, callingAllowed, callingNote }: { items: QueueItem[]; callingAllowed: boolean; callingNote: string }) {
  const recorded = useToday((s) => s.recorded);
  const openRecord = useToday((s) => s.openRecord);
  return (
    <ol className={classes.callList} aria-label="Clientes para ligar hoje">
      {items.map((item) => {
        const done = recorded[item.customerId];
        const { lines, bestTime: best } = reasonLines(item.reasons, item.bestHour);
        return (
          <li key={item.customerId} className={classes.callItem} data-done={done ? true : undefined}>
            <div className={classes.callHead}>
              <Group gap="xs" wrap="nowrap" miw={0}>
                <Text component="h3" fw={600} size="lg" truncate="end" m={0} title={item.name}>
                  {item.name}
                </Text>
                <ProfileBadge profile={item.profile} reasons={item.profileReasons} />
                {item.keyCustomer && (
                  <Badge color="brand" variant="outline" style={{ textTransform: 'none' }}>
                    cliente estratégico
                  </Badge>
                )}
              </Group>
              <div className={classes.amount}>
                <Money cents={item.overdueCents} late size="lg" />
                <Text size="sm" c="dimmed" ta="right">
                  {daysLateText(item.daysLate)}
                </Text>
              </div>
            </div>

            {lines.length > 0 && (
              <ul className={classes.reasons} aria-label="Por que ligar">
                {lines.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            )}

            {done && (
              <Text size="sm" fw={500} c={DONE_COLOR} role="status" mt={4}>
                Registrado: {done}
              </Text>
            )}

            <div className={classes.callFoot}>
              <Text size="sm" className={`${classes.figures} ${classes.footText}`}>
                {item.phone ? item.phone.label : 'Sem telefone para ligar'}
                {best && (
                  <Text component="span" inherit c="dimmed">
                    {' · '}
                    {best}
                  </Text>
                )}
              </Text>
              <Group gap="sm" wrap="nowrap" className={classes.footActions}>
                {/* Once a result is recorded the day's attempt is spent (one call a day by default). */}
                {item.phone &&
                  !done &&
                  (callingAllowed ? (
                    <Button component="a" href={telHref(item.phone.number)} target="_blank" rel="noopener noreferrer" variant="light" size="sm" aria-label={`Ligar para ${item.name}, ${item.phone.label}`}>
                      Ligar
                    </Button>
                  ) : (
                    <Tooltip label={callingNote}>
                      <Button variant="light" size="sm" data-disabled aria-disabled="true" onClick={(e) => e.preventDefault()} aria-label={`Ligar para ${item.name}: ${callingNote}`}>
                        Ligar
                      </Button>
                    </Tooltip>
                  ))}
                <Button variant={done ? 'subtle' : 'default'} size="sm" onClick={() => openRecord(item)} aria-label={`${done ? 'Registrar outro resultado' : 'Registrar resultado'} para ${item.name}`}>
                  {done ? 'Registrar outro' : 'Registrar resultado'}
                </Button>
              </Group>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
