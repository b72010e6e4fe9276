import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { rowMeta } from './columns';

/** Who did what: one row per successful write, whatever the transport. Never updated or deleted. */
export const audit = sqliteTable(
  'audit',
  {
    ...rowMeta,
    at: text('at').notNull(),
    userId: text('user_id'),
    userName: text('user_name').notNull(),
    transport: text('transport').notNull(),
    method: text('method').notNull(),
    summary: text('summary').notNull(),
  },
  // the audit screen filters by person and by action over years of rows (audit.list)
  (t) => [index('audit_at_ix').on(t.at), index('audit_method_at_ix').on(t.method, t.at), index('audit_user_at_ix').on(t.userId, t.at)],
);

/** Local counters for human numbers (receipt nº, carnê nº), one row per device and kind. */
export const counters = sqliteTable('counters', {
  ...rowMeta,
  value: integer('value').notNull(),
});

/** A repeated command with the same key returns the first result and writes nothing (API.md). */
export const idempotency = sqliteTable(
  'idempotency',
  {
    ...rowMeta,
    method: text('method').notNull(),
    result: text('result').notNull(),
  },
  (t) => [index('idempotency_method_ix').on(t.method)],
);

/** A spreadsheet's column mapping the owner confirmed, saved under a name and offered again next time. */
export const importMappings = sqliteTable(
  'import_mappings',
  {
    ...rowMeta,
    name: text('name').notNull(),
    json: text('json').notNull(),
  },
  (t) => [uniqueIndex('import_mappings_name_uq').on(t.name)],
);
