import { onlyDigits } from '../cpf';

// Masks applied while people type (CONVENTIONS.md "Masks as people type"); pure, for the renderer.

/** Progressive `dd/mm/aaaa` mask for a date being typed (CONVENTIONS.md "Masks as people type"). */
export function maskDateBR(typed: string): string {
  const d = onlyDigits(typed).slice(0, 8);
  if (d.length <= 2) return d;
  if (d.length <= 4) return `${d.slice(0, 2)}/${d.slice(2)}`;
  return `${d.slice(0, 2)}/${d.slice(2, 4)}/${d.slice(4)}`;
}

/** Only the digits of a PIN, at most 8 (the contract's PIN is 4–8 digits). */
export const pinDigits = (typed: string): string => onlyDigits(typed).slice(0, 8);

/** HH:MM typed as digits: "1430" → "14:30". */
export function maskTime(typed: string): string {
  const d = typed.replace(/\D/g, '').slice(0, 4);
  return d.length <= 2 ? d : `${d.slice(0, 2)}:${d.slice(2)}`;
}
