import { addDays, daysBetween, type IsoDate } from '../../shared/dates';

// The demo does date arithmetic millions of times on about 1 500 distinct days; shared/dates parses and
// validates the text every time. Same results, memoized: day numbers and their texts are cached.

const number = new Map<IsoDate, number>();
const text = new Map<number, IsoDate>();
const EPOCH = '1970-01-01';

function dayNumber(date: IsoDate): number {
  let n = number.get(date);
  if (n === undefined) {
    n = daysBetween(EPOCH, date);
    number.set(date, n);
    text.set(n, date);
  }
  return n;
}

function dayText(n: number): IsoDate {
  let s = text.get(n);
  if (s === undefined) {
    s = addDays(EPOCH, n);
    text.set(n, s);
    number.set(s, n);
  }
  return s;
}

/** addDays, memoized. */
export const plusDays = (date: IsoDate, days: number): IsoDate => dayText(dayNumber(date) + days);

/** daysBetween (b − a), memoized. */
export const daysFrom = (a: IsoDate, b: IsoDate): number => dayNumber(b) - dayNumber(a);

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export const weekdayOf = (date: IsoDate): number => (((dayNumber(date) + 4) % 7) + 7) % 7;
