import { isValidCpf as libIsValidCpf, formatCpf as libFormatCpf, isValidCnpj as libIsValidCnpj, formatCnpj as libFormatCnpj } from '@brazilian-utils/brazilian-utils';

/** Keeps only the digits of a document or phone typed with or without punctuation. */
export const onlyDigits = (s: string): string => s.replace(/\D+/g, '');

export const isValidCpf = (s: string): boolean => /^[\d.\-\s]*$/.test(s) && libIsValidCpf(onlyDigits(s));

/** `000.000.000-00`; partial input is masked as far as it goes (for typing). */
export const formatCpf = (s: string): string => libFormatCpf(onlyDigits(s).slice(0, 11));

export const isValidCnpj = (s: string): boolean => libIsValidCnpj(onlyDigits(s));

export const formatCnpj = (s: string): string => libFormatCnpj(onlyDigits(s).slice(0, 14));

/** Computes the two CPF check digits for nine base digits (Receita Federal's mod-11 rule); used by the demo. */
export function cpfFromBase(base9: string): string {
  const d = base9.split('').map(Number);
  const check = (len: number) => {
    let sum = 0;
    for (let i = 0; i < len; i++) sum += d[i] * (len + 1 - i);
    const r = (sum * 10) % 11;
    return r === 10 ? 0 : r;
  };
  d.push(check(9));
  d.push(check(10));
  return d.join('');
}
