import { onlyDigits } from './cpf';

// WhatsApp and SMS the way CONVENTIONS.md describes: `https://wa.me/55DDNNNNNNNNN?text=` + encodeURIComponent,
// digits only, messages under ~600 characters (Windows refuses very long URLs), and a "tentar sem o 9"
// variant for the numbers that only answer without the extra 9 after the DDD. Used only for customers who
// opted in (WhatsApp's business policy; the backend checks customers.whatsapp_opt_in_at).

export const WHATSAPP_MAX_TEXT = 600;
/** Windows' ShellExecute and several browsers choke on longer addresses. */
export const WHATSAPP_MAX_URL = 2000;

/** A Brazilian number with DDD (10 or 11 digits, with or without +55) → `55DDNNNNNNNNN`; null if not a phone. */
export function whatsappDigits(phone: string): string | null {
  let d = onlyDigits(phone);
  if ((d.length === 12 || d.length === 13) && d.startsWith('55')) d = d.slice(2);
  if (!/^[1-9]{2}\d{8,9}$/.test(d)) return null;
  if (d.length === 11 && d[2] !== '9') return null;
  return `55${d}`;
}

/** The same mobile number without the 9 after the DDD (`5511987654321` → `551187654321`); null when not a mobile. */
export function withoutNinthDigit(digits55: string): string | null {
  return /^55[1-9]{2}9\d{8}$/.test(digits55) ? digits55.slice(0, 4) + digits55.slice(5) : null;
}

export const whatsappUrl = (digits55: string, text: string): string => `https://wa.me/${digits55}?text=${encodeURIComponent(text)}`;

export interface WhatsappLink {
  url: string;
  /** "tentar sem o 9": only for mobiles */
  urlWithout9: string | null;
  chars: number;
  /** true when the text or the address is too long to open reliably */
  tooLong: boolean;
}

export function whatsappLink(phone: string, text: string): WhatsappLink | null {
  const digits = whatsappDigits(phone);
  if (!digits) return null;
  const url = whatsappUrl(digits, text);
  const short = withoutNinthDigit(digits);
  const chars = [...text].length;
  return { url, urlWithout9: short ? whatsappUrl(short, text) : null, chars, tooLong: chars > WHATSAPP_MAX_TEXT || url.length > WHATSAPP_MAX_URL };
}

/** A mobile can receive SMS; a landline cannot. */
export const isMobile = (phone: string): boolean => /^[1-9]{2}9\d{8}$/.test(onlyDigits(phone).replace(/^55(?=\d{11}$)/, ''));

/**
 * SMS text ready to copy: one paragraph per line (SMS apps show blank lines poorly), spaces tidied.
 * Accented text is sent as UCS-2, 70 characters a part (67 when split): `parts` tells how many it takes.
 */
export function smsText(text: string): { text: string; chars: number; parts: number } {
  const clean = text
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
  const chars = [...clean].length;
  const gsm = /^[\n\r -~£¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉÄÖÑÜ§¿äöñüà]*$/.test(clean);
  const single = gsm ? 160 : 70;
  const multi = gsm ? 153 : 67;
  return { text: clean, chars, parts: chars <= single ? 1 : Math.ceil(chars / multi) };
}
