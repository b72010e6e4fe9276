import { noonIn, type IsoDate } from '../../shared/dates';
import { plusDays, weekdayOf } from './days';
import type { Calendar } from '../../shared/calendar';
import type { Dice } from './random';

/**
 * Dates and times of the invented history: counter work happens when the store is open, calls inside the
 * calling hours of São Paulo's law (DOMAIN.md: Mon–Fri 08–20, Sat 08–14, never Sundays or holidays).
 * Row timestamps are the simulated moment in UTC, like every `created_at` the app writes.
 */
export class DemoClock {
  private readonly noon = new Map<IsoDate, number>();
  private readonly openDay = new Map<IsoDate, IsoDate>();
  private readonly openBefore = new Map<IsoDate, IsoDate>();

  constructor(
    private readonly timeZone: string,
    private readonly calendar: Calendar,
  ) {}

  /** The UTC instant (ms) of `minute` minutes after local midnight of `date`. */
  ms(date: IsoDate, minute: number): number {
    let noon = this.noon.get(date);
    if (noon === undefined) this.noon.set(date, (noon = noonIn(date, this.timeZone).getTime()));
    return noon + (minute - 720) * 60_000;
  }

  /** The same instant as ISO text, as rows store it. */
  at(date: IsoDate, minute: number): string {
    return new Date(this.ms(date, minute)).toISOString();
  }

  nextOpenDay(date: IsoDate): IsoDate {
    let d = this.openDay.get(date);
    if (d === undefined) this.openDay.set(date, (d = this.calendar.nextOpenDay(date)));
    return d;
  }

  /** The date itself when open, else the last open day before it. */
  prevOpenDay(date: IsoDate): IsoDate {
    let d = this.openBefore.get(date);
    if (d === undefined) {
      d = date;
      while (this.calendar.isClosed(d)) d = plusDays(d, -1);
      this.openBefore.set(date, d);
    }
    return d;
  }

  /** The store's calendar day of a stored timestamp (the inverse of `at`). */
  dayOf(iso: string): IsoDate {
    const t = Date.parse(iso);
    const utcDay = iso.slice(0, 10);
    if (t < this.ms(utcDay, 0)) return plusDays(utcDay, -1);
    const next = plusDays(utcDay, 1);
    return t >= this.ms(next, 0) ? next : utcDay;
  }

  /** Calls are allowed on the days the store opens (Sundays and feriados are closed by default). */
  nextCallDay(date: IsoDate): IsoDate {
    return this.nextOpenDay(date);
  }

  /** A minute of the counter's working hours: 08:30–18:30, Saturdays until 13:00. */
  counterMinute(dice: Dice, date: IsoDate): number {
    return weekdayOf(date) === 6 ? dice.int(510, 780) : dice.int(510, 1110);
  }

  /** A minute inside the calling window, with margin: 09:00–19:30, Saturdays until 13:30. */
  callMinute(dice: Dice, date: IsoDate): number {
    return weekdayOf(date) === 6 ? dice.int(540, 810) : dice.int(540, 1170);
  }
}

