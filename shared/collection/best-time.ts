/**
 * The hour a customer answers most, learned from the hours (0–23, store time) of past answered calls.
 * Needs at least two answered calls to say anything; ties go to the most recent of the tied hours, since
 * people's routines change. Shown on the list and used to break ties (issue "Who to call today" §4).
 */
export function bestHour(answeredHours: readonly number[]): number | null {
  if (answeredHours.length < 2) return null;
  const count = new Map<number, number>();
  const lastSeen = new Map<number, number>();
  answeredHours.forEach((h, i) => {
    count.set(h, (count.get(h) ?? 0) + 1);
    lastSeen.set(h, i);
  });
  let best: number | null = null;
  for (const [h, n] of count) {
    if (best === null || n > count.get(best)! || (n === count.get(best)! && lastSeen.get(h)! > lastSeen.get(best)!)) best = h;
  }
  return count.get(best!)! >= 2 ? best : null;
}

/** "entre 18h e 19h" */
export const bestHourLabel = (h: number): string => `entre ${h}h e ${h + 1}h`;
