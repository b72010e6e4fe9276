import { eq, sql } from 'drizzle-orm';
import type { Ctx } from '../context';
import { counters } from '../schema';

/**
 * Human numbers (carnê nº, recibo nº): the device code and a local counter, so two counters never collide
 * and the number is never a key (STYLE.md "Built to grow").
 */
export function nextNumber(ctx: Ctx, kind: 'sale' | 'receipt' | 'agreement'): string {
  const device = ctx.settings.store.deviceCode;
  const id = `${kind}:${device}`;
  const s = ctx.stamp();
  ctx.db
    .insert(counters)
    .values({ id, value: 1, ...s })
    .onConflictDoUpdate({ target: counters.id, set: { value: sql`${counters.value} + 1`, updatedAt: s.updatedAt } })
    .run();
  const { value } = ctx.db.select({ value: counters.value }).from(counters).where(eq(counters.id, id)).get()!;
  return `${device}-${String(value).padStart(6, '0')}`;
}
