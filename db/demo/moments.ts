import { noonIn, type IsoDate } from '../../shared/dates';
import { weekdayOf } from './days';
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

