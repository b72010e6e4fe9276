import { customerCreate, type Customer, type CustomerCreate } from '../../../shared/contract/people';
import { formatCpf, isValidCpf, onlyDigits } from '../../../shared/cpf';
import { formatPhone } from '../../../shared/phone';
import { formatDateBR, parseDateBR } from '../../../shared/dates';

/** What the customer form holds while the clerk types: masked texts, as on screen. */
export interface PhoneDraft {
  key: number;
  number: string;
  whatsapp: boolean;
}

export interface CustomerDraft {
  name: string;
  cpf: string;
  phones: PhoneDraft[];
  email: string;
  address: string;
  birthDate: string;
  keyCustomer: boolean;
  doNotCall: boolean;
  remindersPaused: boolean;
  notes: string;
}

/** Field errors keyed by the API's issue path (`cpf`, `phones.0.number`), with the draft's own phone indexes. */
export type FieldErrors = Record<string, string>;

export const MAX_PHONES = 5;
export const CPF_INVALID = 'CPF inválido: confira os 11 dígitos.';
export const DATE_INVALID = 'Data inválida: use dd/mm/aaaa, por exemplo 25/03/1980.';

let phoneKeys = 0;
export const newPhone = (number = '', whatsapp = false): PhoneDraft => ({ key: ++phoneKeys, number, whatsapp });

export const emptyDraft = (): CustomerDraft => ({
  name: '',
  cpf: '',
  phones: [newPhone()],
  email: '',
  address: '',
  birthDate: '',
  keyCustomer: false,
  doNotCall: false,
  remindersPaused: false,
  notes: '',
});

export function draftFromCustomer(c: Customer): CustomerDraft {
  return {
    name: c.name,
    cpf: formatCpf(c.cpf),
    phones: c.phones.length ? c.phones.map((p) => newPhone(formatPhone(p.number), p.whatsapp)) : [newPhone()],
    email: c.email ?? '',
    address: c.address ?? '',
    birthDate: c.birthDate ? formatDateBR(c.birthDate) : '',
    keyCustomer: c.keyCustomer,
    doNotCall: c.doNotCall,
    remindersPaused: c.remindersPaused,
    notes: c.notes ?? '',
  };
}

/** Instant CPF feedback while typing: silent until the 11 digits are there (or the field is left). */
export function cpfError(masked: string, finished: boolean): string | null {
  const digits = onlyDigits(masked);
  if (!digits) return finished ? 'Informe o CPF.' : null;
  if (digits.length < 11 && !finished) return null;
  return isValidCpf(digits) ? null : CPF_INVALID;
}

/**
 * Turns the draft into the API input and runs the same shared schema the backend runs (STYLE.md: the
 * renderer may check for instant feedback; the backend decides). Empty phone lines are dropped;
 * `phoneIndex[i]` is the draft line of the i-th phone sent, to put server errors on the right line.
 */
export function draftToInput(draft: CustomerDraft, today?: string | null): { input: CustomerCreate | null; errors: FieldErrors; phoneIndex: number[] } {
  const errors: FieldErrors = {};
  const phoneIndex: number[] = [];
  const phones = draft.phones.flatMap((p, i) => {
    if (!onlyDigits(p.number)) return [];
    phoneIndex.push(i);
    return [{ number: onlyDigits(p.number), whatsapp: p.whatsapp }];
  });

  let birthDate: string | undefined;
  if (draft.birthDate.trim()) {
    const iso = parseDateBR(draft.birthDate);
    if (!iso) errors.birthDate = DATE_INVALID;
    else if (today && iso > today) errors.birthDate = 'A data de nascimento está no futuro: confira o ano.';
    else birthDate = iso;
  }

  const candidate = {
    name: draft.name.trim(),
    cpf: onlyDigits(draft.cpf),
    phones,
    email: draft.email.trim() || undefined,
    address: draft.address.trim() || undefined,
    birthDate,
    keyCustomer: draft.keyCustomer,
    doNotCall: draft.doNotCall,
    remindersPaused: draft.remindersPaused,
    notes: draft.notes.trim() || undefined,
  };
  const parsed = customerCreate.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = mapPhonePath(issue.path.map(String).join('.'), phoneIndex);
      if (!errors[path]) errors[path] = path === 'cpf' ? cpfError(draft.cpf, true) ?? issue.message : issue.message;
    }
  }
  return { input: Object.keys(errors).length ? null : (parsed.data as CustomerCreate), errors, phoneIndex };
}

/** `phones.1.number` of the sent list → the same phone's line in the draft. */
export function mapPhonePath(path: string, phoneIndex: number[]): string {
  const m = /^phones\.(\d+)(\..*)?$/.exec(path);
  if (!m) return path;
  const line = phoneIndex[Number(m[1])];
  return line === undefined ? 'phones' : `phones.${line}${m[2] ?? '.number'}`;
}

/** The fields the form shows, in screen order, to focus the first one with an error. */
export const FIELD_ORDER = ['name', 'cpf', 'birthDate', 'email', 'address', 'phones', 'notes'];

export function firstErrorPath(errors: FieldErrors): string | undefined {
  const paths = Object.keys(errors);
  for (const f of FIELD_ORDER) {
    const hit = paths.filter((p) => p === f || p.startsWith(`${f}.`)).sort()[0];
    if (hit) return hit;
  }
  return paths[0];
}
