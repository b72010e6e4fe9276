import { Badge, Tooltip } from '@mantine/core';
import { PROFILE_LABELS, PROFILE_MEANINGS, type ProfileKind } from '../../shared/ui-format/profile';
import { PROFILE_COLORS } from '../theme';

/**
 * The debtor profile at a glance: fixed colour, short label; hovering or focusing shows why
 * (the given reasons, or what the profile means when the reasons are not at hand).
 */
export function ProfileBadge({ profile, reasons, focusable = true }: { profile: ProfileKind; reasons?: string[]; focusable?: boolean }) {
  const label = PROFILE_LABELS[profile] ?? profile;
  const why = reasons?.length ? reasons.join(' ') : PROFILE_MEANINGS[profile];
  return (
    <Tooltip label={why} events={{ hover: true, focus: true, touch: false }}>
      <Badge color={PROFILE_COLORS[profile]} tabIndex={focusable ? 0 : -1} style={{ textTransform: 'none', fontWeight: 600 }}>
        {label}
      </Badge>
    </Tooltip>
  );
}
