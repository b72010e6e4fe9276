import { SECRET_MASK, type Settings, type SettingsPatch } from '../../../shared/contract/settings';
import { checkPatch, toNumber, FILL_IN, type FieldErrors, type Num, type SectionResult } from './settings-draft';

/**
 * The store's e-mail account for the régua's e-mails (Configurações → E-mail). The saved password never comes
 * back from the backend: the draft holds the mask, and sending the mask back keeps the saved password.
 */
export interface EmailDraft {
  enabled: boolean;
  host: string;
  port: Num;
  secure: boolean;
  user: string;
  password: string;
  from: string;
}

export function emailDraft(s: Settings): EmailDraft {
  const smtp = s.smtp;
  if (!smtp) return { enabled: false, host: '', port: 587, secure: false, user: '', password: '', from: '' };
  return { enabled: true, host: smtp.host, port: smtp.port, secure: smtp.secure, user: smtp.user, password: smtp.password, from: smtp.from };
}

export const hasSavedPassword = (d: EmailDraft): boolean => d.password === SECRET_MASK;

export function emailPatch(d: EmailDraft): SectionResult {
  if (!d.enabled) return checkPatch({ smtp: null }, {});
  const errors: FieldErrors = {};
  const port = toNumber(d.port);
  if (port === undefined) errors['smtp.port'] = FILL_IN;
  const patch: SettingsPatch = {
    smtp: { host: d.host.trim(), port: port ?? 587, secure: d.secure, user: d.user.trim(), password: d.password, from: d.from.trim() },
  };
  return checkPatch(patch, errors);
}
