import { ApiError } from '../../shared/contract/errors';
import { noonIn } from '../../shared/dates';
import type { Clock } from '../clock';
import { systemClock } from '../clock';

/**
 * `--today D` freezes the clock at 12:00 of D in the store's time zone; `--now YYYY-MM-DDTHH:MM` to the
 * minute (API.md). The zone is read from the store after it opens, hence the getter.
 */
export function clockFromFlags(flags: Record<string, string>, timeZone: () => string): Clock {
  if (flags.now) {
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(flags.now)) throw new ApiError('validation', '--now deve ser AAAA-MM-DDTHH:MM.');
    const [day, time] = flags.now.split('T');
    const [h, m] = time.split(':').map(Number);
    // Noon of that day in the zone, moved to HH:MM (Brazil keeps one offset all day since 2019).
    return { now: () => new Date(noonIn(day, timeZone()).getTime() + ((h - 12) * 60 + m) * 60_000) };
  }
  if (flags.today) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(flags.today)) throw new ApiError('validation', '--today deve ser AAAA-MM-DD.');
    return { now: () => noonIn(flags.today, timeZone()) };
  }
  return systemClock;
}
