import { text, integer } from 'drizzle-orm/sqlite-core';

/**
 * Columns every table carries so that a future hub or sync engine can merge rows from several counters
 * (STYLE.md "Built to grow"): a text UUIDv7 key made by the app, UTC creation/change times and the device.
 */
export const rowMeta = {
  id: text('id').primaryKey(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  device: text('device').notNull(),
};

export const bool = (name: string) => integer(name, { mode: 'boolean' }).notNull().default(false);
