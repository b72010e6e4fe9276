import type { z } from 'zod';
import type { profileKind } from '../../shared/contract/common';
import { Dice, mixSeed } from './random';

/** The payer profile a demo customer is written to follow (DOMAIN.md "Debtor profiles"). */
export type DemoProfile = z.infer<typeof profileKind>;

// Every block of 20 customers holds this mix, shuffled: a 300-customer store has all six profiles by
// construction (120 em dia, 60 ocasionais, 45 crônicos, 30 negligentes, 15 maus pagadores, 30 novos),
// close to a small store where about 1 in 4 customers is late now and then and 1 in 20 stops paying.
const BLOCK: readonly DemoProfile[] = [
  ...Array<DemoProfile>(8).fill('em_dia'),
  ...Array<DemoProfile>(4).fill('ocasional'),
  ...Array<DemoProfile>(3).fill('cronico'),
  ...Array<DemoProfile>(2).fill('negligente'),
  'mau_pagador',
  'novo',
  'novo',
];

/** Intended profile of the customer created in position `index` (0-based) for this seed. */
export function demoProfileOf(seed: number, index: number): DemoProfile {
  const block = Math.floor(index / BLOCK.length);
  const order = new Dice(mixSeed(seed, 0x70000000 + block)).shuffle([...BLOCK]);
  return order[index % BLOCK.length];
}
