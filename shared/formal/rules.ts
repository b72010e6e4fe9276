import { makeCalendar } from '../calendar';
import { addDays, type IsoDate } from '../dates';

// The formal path (negativação), DOMAIN.md "Law and practice": the rules in one place, pure, so the backend
// decides with them and the screens can say them.

/**
 * A parcela this many days past its effective due date makes the customer a candidate even when the profile is
 * not "mau pagador" (a customer who simply stopped paying, with no broken promises on record). 90 days is the
 * line the Banco Central uses for default in its credit statistics ("inadimplência": atraso acima de 90 dias).
 */
export const LONG_OVERDUE_DAYS = 90;

/**
 * CDC art. 43 §2: the consumer must be told in writing before a record is opened. The law names no term; the
 * bureaus give 10 days in their own notices, so a notice from the store gives at least as much.
 */
export const NOTICE_MIN_DAYS = 10;

/** STJ Súmula 548: the creditor asks for the removal within 5 business days of the full payment. */
export const REMOVAL_BUSINESS_DAYS = 5;

/** Bureau records last at most 5 years (CDC art. 43 §1); said on the notice so nobody hears "para sempre". */
export const RECORD_MAX_YEARS = 5;

/** The earliest deadline a notice sent on `sentOn` may give. */
export const earliestDeadline = (sentOn: IsoDate): IsoDate => addDays(sentOn, NOTICE_MIN_DAYS);

/** The day the parcela must be overdue since (inclusive) to count as long overdue on `today`. */
export const longOverdueCutoff = (today: IsoDate): IsoDate => addDays(today, -LONG_OVERDUE_DAYS);

const businessCalendars = new Map<string, ReturnType<typeof makeCalendar>>();
/**
 * Business days (dias úteis): Monday to Friday that are not a national or (with `state`) state feriado —
 * whatever days the store itself opens. A Saturday the store works is not a business day for a deadline.
 */
export function addBusinessDays(from: IsoDate, days: number, state?: string): IsoDate {
  const key = state ?? '';
  let cal = businessCalendars.get(key);
  if (!cal) businessCalendars.set(key, (cal = makeCalendar({ closedWeekdays: [0, 6], state: state || undefined })));
  let d = from;
  // Counting starts the day after: paid on Tuesday, day 1 is Wednesday.
  for (let n = 0; n < days; ) {
    d = addDays(d, 1);
    if (!cal.isClosed(d)) n++;
  }
  return d;
}

/** The removal deadline for a debt fully paid on `paidOffOn` (STJ Súmula 548). */
export const removalDueFor = (paidOffOn: IsoDate, state?: string): IsoDate => addBusinessDays(paidOffOn, REMOVAL_BUSINESS_DAYS, state);
