import type { ProfileKind } from '../ui-format/profile';
import type { IsoDate } from '../dates';

// The result of `queue.build` (db/usecases/queue.ts), read as is by the Hoje screen and the calling session.

/** One customer on the day's short list, with why they are on it. */
export interface QueueItem {
  customerId: string;
  name: string;
  score: number;
  /** principal + multa + juros overdue today, as the extrato says */
  overdueCents: number;
  daysLate: number;
  profile: ProfileKind;
  profileReasons: string[];
  /** short pt-BR lines: "Promessa de 20/11 não cumprida", "45 dias em atraso" */
  reasons: string[];
  /** the phone the policy lets us call (a wrong number is never proposed); `label` is already masked */
  phone: { number: string; label: string; whatsapp: boolean } | null;
  /** hour of day (0–23) the customer usually answers, learned from past calls */
  bestHour: number | null;
  keyCustomer: boolean;
}

/** A promise dated today (or tomorrow): not a call, a reminder and a check of the payment. */
export interface PromiseDue {
  promiseId: string;
  customerId: string;
  name: string;
  date: IsoDate;
  amountCents: number;
  /** paid since the promise was made */
  paidCents: number;
  /** judgePromise's verdict so far: pending, late, kept, partial, broken */
  status: string;
}

export interface CallingStatus {
  allowed: boolean;
  /** the backend's own pt-BR sentence */
  message: string;
  /** next opening (HH:MM), today or on `opensOn` */
  opensAt: string | null;
  opensOn: IsoDate | null;
  /** the whole day is closed for calls: "feriado (Consciência Negra)", "domingo" */
  closedReason: string | null;
}

export interface QueueResult {
  asOf: IsoDate;
  items: QueueItem[];
  /** a page of the day's promises (largest first) and how many there are */
  promisesDueToday: PromiseDue[];
  promisesDueTodayTotal: number;
  remindersTomorrow: PromiseDue[];
  remindersTomorrowTotal: number;
  calling: CallingStatus;
}
