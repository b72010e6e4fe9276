import { fromDayNumber, todayIn } from '../../shared/dates';

/**
 * Store-time date and hour of stored UTC timestamps, fast enough for millions of contacts in a rebuild:
 * the zone's offset is looked up once per UTC hour (Intl is the slow part) and reused for every instant in it.
 */
export function localTimeReader(timeZone: string) {
  const offsets = new Map<number, number>();
  // Made once: building an Intl.DateTimeFormat costs far more than formatting with it (a customer's contacts
  // over years fall in as many different hours, so every one of them may miss the offset cache).
  const hourFormat = new Intl.DateTimeFormat('en-US', { timeZone, hour: '2-digit', hourCycle: 'h23' });
  const offsetAt = (ms: number): number => {
    const bucket = Math.floor(ms / 3_600_000);
    let off = offsets.get(bucket);
    if (off === undefined) {
      const probe = new Date(bucket * 3_600_000);
      const day = todayIn(timeZone, probe);
      const hour = Number(hourFormat.format(probe)) % 24;
      const wall = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)), hour);
      off = wall - bucket * 3_600_000;
      offsets.set(bucket, off);
    }
    return off;
  };
  return (iso: string): { day: string; hour: number } => {
    const wall = Date.parse(iso);
    const local = wall + offsetAt(wall);
    const dayN = Math.floor(local / 86_400_000);
    return { day: fromDayNumber(dayN), hour: Math.floor((local - dayN * 86_400_000) / 3_600_000) };
  };
}

const readers = new Map<string, ReturnType<typeof localTimeReader>>();
/** One reader per time zone for the process: its offset cache is what makes it fast. */
export function localTimeFor(timeZone: string): ReturnType<typeof localTimeReader> {
  let r = readers.get(timeZone);
  if (!r) readers.set(timeZone, (r = localTimeReader(timeZone)));
  return r;
}
