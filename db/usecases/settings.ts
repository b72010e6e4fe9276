import { eq } from 'drizzle-orm';
import type { Db } from '../open';
import type { Ctx } from '../context';
import { settings as settingsTable } from '../schema';
import { settings as settingsSchema, normalizeStore, SECRET_MASK, type Settings, type SettingsPatch } from '../../shared/contract/settings';
import { defaultSettings, mergeSettings } from '../../shared/settings-defaults';
import { ApiError } from '../../shared/contract/errors';

const ROW_ID = 'store';

export function loadSettings(db: Db): Settings {
  const row = db.select().from(settingsTable).where(eq(settingsTable.id, ROW_ID)).get();
  return row ? mergeSettings(defaultSettings, JSON.parse(row.json)) : defaultSettings;
}

export function isStoreConfigured(db: Db): boolean {
  return !!db.select({ id: settingsTable.id }).from(settingsTable).where(eq(settingsTable.id, ROW_ID)).get();
}

export function saveSettings(ctx: Ctx, next: Settings): Settings {
  const checked = settingsSchema.safeParse(next);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new ApiError('validation', `Configuração inválida: ${issue.message}`, checked.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  }
  const json = JSON.stringify(checked.data);
  const s = ctx.stamp();
  ctx.db
    .insert(settingsTable)
    .values({ id: ROW_ID, json, ...s })
    .onConflictDoUpdate({ target: settingsTable.id, set: { json, updatedAt: s.updatedAt, device: s.device } })
    .run();
  ctx.settings = checked.data;
  return checked.data;
}

export function updateSettings(ctx: Ctx, patch: SettingsPatch): Settings {
  const normal = patch.store ? { ...patch, store: normalizeStore(patch.store) } : patch;
  return saveSettings(ctx, mergeSettings(ctx.settings, keepMaskedSecret(normal)));
}

/** The settings screen sends back the mask it was shown: that means "keep the saved password". */
function keepMaskedSecret(patch: SettingsPatch): SettingsPatch {
  if (patch.smtp?.password !== SECRET_MASK) return patch;
  const { password: _kept, ...smtp } = patch.smtp;
  return { ...patch, smtp };
}

/**
 * Settings as settings.get shows them: the e-mail account's password never leaves the backend in clear (any
 * clerk may read settings). The outbox reads the real one with loadSettings; sending the mask back keeps it.
 */
export function settingsForReading(s: Settings): Settings {
  // A saved `smtp: null` comes back from loadSettings as absent ("null removes" in mergeSettings): show null.
  if (!s.smtp) return { ...s, smtp: null };
  return { ...s, smtp: { ...s.smtp, password: s.smtp.password ? SECRET_MASK : '' } };
}
