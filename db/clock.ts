/** Time comes from here only, so tests and `--today` can freeze it. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };
export const fixedClock = (at: Date): Clock => ({ now: () => new Date(at.getTime()) });
