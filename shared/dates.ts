// Calendar dates are `YYYY-MM-DD` strings in the store's time zone (DOMAIN.md). All arithmetic below runs on
// UTC midnights, where every day has 24 hours, so neither daylight saving nor the machine's own time zone can
// shift a date. Only todayIn / noonIn / isoTimestamp look at a zone, and always an explicit one.

/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

export const DEFAULT_TIME_ZONE = 'America/Sao_Paulo';

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate(); // day 0 of the next month
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function fromParts(year: number, month: number, day: number): IsoDate {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function parts(date: IsoDate): [number, number, number] {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`"${date}" is not a YYYY-MM-DD date`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) throw new RangeError(`"${date}" is not a real date`);
  return [y, mo, d];
}

// Date arithmetic runs millions of times when the standings are rebuilt (three years of parcelas for 100,000
// customers) over a few thousand distinct dates: both conversions are memoised. Bounded: a cache past its cap
// starts over.
const CACHE_CAP = 50_000;
const msByDate = new Map<string, number>();
const dateByMs = new Map<number, IsoDate>();

function utcMs(date: IsoDate): number {
  let ms = msByDate.get(date);
  if (ms === undefined) {
    const [y, m, d] = parts(date);
    ms = Date.UTC(y, m - 1, d);
    if (msByDate.size >= CACHE_CAP) msByDate.clear();
    msByDate.set(date, ms);
  }
  return ms;
}

function fromUtcMs(ms: number): IsoDate {
  let date = dateByMs.get(ms);
  if (date === undefined) {
    const dt = new Date(ms);
    date = fromParts(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
    if (dateByMs.size >= CACHE_CAP) dateByMs.clear();
    dateByMs.set(ms, date);
  }
  return date;
}

/** Days since 1970-01-01 (UTC calendar), for integer date arithmetic in hot loops. */
export const dayNumber = (date: IsoDate): number => Math.round(utcMs(date) / DAY_MS);
export const fromDayNumber = (n: number): IsoDate => fromUtcMs(n * DAY_MS);

/** True for a real calendar date written `YYYY-MM-DD` (2026-02-30 is false). */
export function isIsoDate(text: string): boolean {
  try {
    parts(text);
    return true;
  } catch {
    return false;
  }
}

/** `2026-11-23` → `23/11/2026`. */
export function formatDateBR(date: IsoDate): string {
  const [y, m, d] = parts(date);
  return `${pad(d)}/${pad(m)}/${pad(y, 4)}`;
}

/** `23/11/2026` → `2026-11-23`; null for anything else, including impossible dates like 31/04/2026. */
export function parseDateBR(text: string): IsoDate | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!m) return null;
  const date = fromParts(Number(m[3]), Number(m[2]), Number(m[1]));
  return isIsoDate(date) ? date : null;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`addDays: ${days} is not an integer`);
  return fromUtcMs(utcMs(date) + days * DAY_MS);
}

/** Adds months keeping the day, clamped to the month's last day: Jan 31 + 1 → Feb 28 (Feb 29 in leap years). */
export function addMonthsClamped(date: IsoDate, months: number): IsoDate {
  if (!Number.isInteger(months)) throw new RangeError(`addMonthsClamped: ${months} is not an integer`);
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return fromParts(year, month, Math.min(d, daysInMonth(year, month)));
}

/** `b − a` in calendar days (negative when b is earlier). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((utcMs(b) - utcMs(a)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  return new Date(utcMs(date)).getUTCDay();
}

export const maxDate = (a: IsoDate, b: IsoDate): IsoDate => (a >= b ? a : b);
export const minDate = (a: IsoDate, b: IsoDate): IsoDate => (a <= b ? a : b);

// --- Time zones -------------------------------------------------------------------------------------------

const formatters = new Map<string, Intl.DateTimeFormat>();

function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(instant: Date, timeZone: string): WallClock {
  const out: Record<string, number> = {};
  for (const p of zoneFormatter(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return { year: out.year, month: out.month, day: out.day, hour: out.hour % 24, minute: out.minute, second: out.second };
}

/** Minutes the zone is ahead of UTC at that instant (São Paulo: −180). */
function offsetMinutes(instant: Date, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const whole = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((asUtc - whole) / 60_000);
}

/** The store's calendar date at that instant. */
export function todayIn(timeZone: string, now: Date): IsoDate {
  const w = wallClock(now, timeZone);
  return fromParts(w.year, w.month, w.day);
}

/** The instant of 12:00 on that date in that zone (the CLI's `--today D`, API.md). Noon is never skipped by DST. */
export function noonIn(date: IsoDate, timeZone: string): Date {
  const [y, m, d] = parts(date);
  const guess = Date.UTC(y, m - 1, d, 12);
  let instant = guess - offsetMinutes(new Date(guess), timeZone) * 60_000;
  // A second pass settles the rare case where the offset differs between the guess and the answer.
  instant = guess - offsetMinutes(new Date(instant), timeZone) * 60_000;
  return new Date(instant);
}

/** ISO 8601 with the zone's offset, to the second: `2026-11-23T12:00:00-03:00`. */
export function isoTimestamp(now: Date, timeZone: string): string {
  const w = wallClock(now, timeZone);
  const offset = offsetMinutes(now, timeZone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return (
    `${fromParts(w.year, w.month, w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** A wall-clock moment of the store (a date and HH:MM in its zone) as ISO 8601 with the offset. */
export function storeMoment(date: IsoDate, hhmm: string, timeZone: string): string {
  const [h, m] = hhmm.split(':').map(Number);
  return isoTimestamp(new Date(noonIn(date, timeZone).getTime() + ((h - 12) * 60 + m) * 60_000), timeZone);
}
