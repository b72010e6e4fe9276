import { onlyDigits } from './cpf';

/** Brazilian phone with DDD: 10 digits (landline) or 11 digits (mobile, starting with 9 after the DDD). */
export const isValidPhone = (s: string): boolean => {
  const d = onlyDigits(s);
  return /^[1-9]{2}[2-9]\d{7}$/.test(d) || /^[1-9]{2}9\d{8}$/.test(d);
};

/** `(00) 0000-0000` or `(00) 00000-0000`, applied progressively while typing. */
export function formatPhone(s: string): string {
  const d = onlyDigits(s).slice(0, 11);
  if (d.length <= 2) return d.length ? `(${d}` : '';
  const ddd = d.slice(0, 2);
  const rest = d.slice(2);
  if (rest.length <= 4) return `(${ddd}) ${rest}`;
  const split = d.length === 11 ? 5 : 4;
  return `(${ddd}) ${rest.slice(0, split)}-${rest.slice(split)}`;
}

/** `https://wa.me/55DDNNNNNNNNN` wants digits with the country code (CONVENTIONS.md). */
export const whatsappNumber = (s: string): string => `55${onlyDigits(s)}`;
