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

/** The shuffled mix of one block of 20 customers. */
const blockOrder = (seed: number, block: number): DemoProfile[] => new Dice(mixSeed(seed, 0x70000000 + block)).shuffle([...BLOCK]);

/** Intended profile of the customer created in position `index` (0-based) for this seed. */
export function demoProfileOf(seed: number, index: number): DemoProfile {
  return blockOrder(seed, Math.floor(index / BLOCK.length))[index % BLOCK.length];
}

/**
 * A few customers every small store has, placed so that even a 40-customer demo has them: in every third
 * block of 20 the first em dia customer is a key customer, in every fourth (from the second) the first
 * crônico asked not to be called. The rest come from the draws in person.ts.
 */
export function standsOut(seed: number, index: number): { keyCustomer: boolean; doNotCall: boolean } {
  const block = Math.floor(index / BLOCK.length);
  const key = block % 3 === 0;
  const dnc = block % 4 === 1;
  if (!key && !dnc) return { keyCustomer: false, doNotCall: false };
  const order = blockOrder(seed, block);
  const pos = index % BLOCK.length;
  return { keyCustomer: key && order.indexOf('em_dia') === pos, doNotCall: dnc && order.indexOf('cronico') === pos };
}
