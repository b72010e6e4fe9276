import { isValidCpf as libIsValidCpf } from '@brazilian-utils/brazilian-utils';
import { onlyDigits, formatCpf } from '../cpf';
import { isValidPhone, formatPhone } from '../phone';
import { parseBRL } from '../money';
import { parseDateBR, isIsoDate, formatDateBR, type IsoDate } from '../dates';
import { foldText } from '../text';
import { readCsv, type CsvSeparator } from './read';

// The layout of `import.csv` (docs/importacao.md): one line per OPEN parcela. Lines with the same CPF are one
// customer; lines with the same CPF + descricao + data_venda are one carnê. Everything here is pure, so the
// renderer can preview a file before sending it, and the backend runs the same rules again to decide.

export type ImportColumn =
  | 'nome'
  | 'cpf'
  | 'telefone'
  | 'whatsapp'
  | 'email'
  | 'endereco'
  | 'descricao'
  | 'data_venda'
  | 'parcela'
  | 'total_parcelas'
  | 'vencimento'
  | 'valor'
  | 'juros_mes';

interface ColumnSpec {
  key: ImportColumn;
  required: boolean;
  /** how the value is named in messages */
  label: string;
  /** other header names seen in spreadsheets and other systems, compared without accents, case or punctuation */
  aliases: string[];
}

export const IMPORT_COLUMNS: readonly ColumnSpec[] = [
  { key: 'nome', required: true, label: 'nome', aliases: ['cliente', 'nome do cliente', 'nome cliente'] },
  { key: 'cpf', required: true, label: 'CPF', aliases: ['cpf do cliente', 'cpf cliente'] },
  { key: 'telefone', required: false, label: 'telefone', aliases: ['fone', 'celular', 'telefone 1'] },
  { key: 'whatsapp', required: false, label: 'WhatsApp', aliases: ['zap', 'whats', 'tem whatsapp'] },
  { key: 'email', required: false, label: 'e-mail', aliases: ['e-mail'] },
  { key: 'endereco', required: false, label: 'endereço', aliases: ['endereco completo'] },
  { key: 'descricao', required: true, label: 'descrição', aliases: ['produto', 'produtos', 'mercadoria', 'historico'] },
  { key: 'data_venda', required: true, label: 'data da venda', aliases: ['data da venda', 'data compra', 'data da compra', 'emissao', 'data emissao'] },
  { key: 'parcela', required: true, label: 'número da parcela', aliases: ['n parcela', 'num parcela', 'numero parcela', 'numero da parcela', 'parc'] },
  { key: 'total_parcelas', required: true, label: 'total de parcelas', aliases: ['total de parcelas', 'qtd parcelas', 'quantidade de parcelas', 'n parcelas', 'parcelas'] },
  { key: 'vencimento', required: true, label: 'vencimento', aliases: ['data vencimento', 'data de vencimento', 'venc'] },
  { key: 'valor', required: true, label: 'valor', aliases: ['valor parcela', 'valor da parcela'] },
  { key: 'juros_mes', required: false, label: 'juros ao mês', aliases: ['juros ao mes', 'juros', 'taxa de juros', 'juros mensal'] },
];

/** A carnê imported from another system may be longer than the 24x of a new sale; beyond this it is a typo. */
export const MAX_IMPORT_INSTALLMENTS = 60;
/** Same ceiling as `sales.create` (shared/contract/ledger.ts). */
export const MAX_IMPORT_RATE_PCT = 15;
const MAX_AMOUNT_CENTS = 100_000_000_000;
const MAX_PHONES = 5;

export interface ImportError {
  line: number;
  message: string;
}

export interface ImportCustomer {
  cpf: string;
  name: string;
  email: string | null;
  address: string | null;
  phones: { number: string; whatsapp: boolean }[];
  /** first line of this CPF in the file: customer-level problems are reported there */
  line: number;
}

export interface ImportInstallment {
  number: number;
  dueDate: IsoDate;
  amountCents: number;
  line: number;
}

export interface ImportSale {
  cpf: string;
  description: string;
  date: IsoDate;
  installmentCount: number;
  monthlyRatePct: number;
  /** the given open parcelas, by number */
  installments: ImportInstallment[];
  totalCents: number;
  /** first line of this carnê in the file */
  line: number;
}

export interface ParsedImport {
  separator: CsvSeparator;
  /** data lines (non-empty lines after the header) */
  rows: number;
  /** header names that are not part of the layout; they are ignored */
  ignoredColumns: string[];
  customers: ImportCustomer[];
  sales: ImportSale[];
  /** sorted by line; empty when the file can be imported (the database may still refuse some, see the backend) */
  errors: ImportError[];
}

const headerKey = (s: string): string => foldText(s).replace(/[^a-z0-9]/g, '');
const HEADER_INDEX = new Map<string, ImportColumn>();
for (const c of IMPORT_COLUMNS) for (const name of [c.key, ...c.aliases]) HEADER_INDEX.set(headerKey(name), c.key);

const quote = (s: string): string => `“${s.length > 40 ? s.slice(0, 39) + '…' : s}”`;
const EMAIL = /^[^\s@;,]+@[^\s@;,]+\.[^\s@;,]+$/;
const YES = new Set(['sim', 's', 'x', 'yes', 'y', '1', 'true', 'verdadeiro']);
const NO = new Set(['nao', 'n', 'no', '0', 'false', 'falso', '-']);

/** CPF digits, restoring the leading zeros Excel drops when the column was formatted as a number. */
export function importCpf(text: string): string | null {
  if (!/^[\d.\-\s/]+$/.test(text)) return null;
  let d = onlyDigits(text);
  if (d.length >= 9 && d.length < 11) d = d.padStart(11, '0');
  return d.length === 11 && libIsValidCpf(d) ? d : null;
}

/** Phone digits with DDD, accepting `+55`/`55` and the old trunk `0` before the DDD. */
export function importPhone(text: string): string | null {
  let d = onlyDigits(text);
  if ((d.length === 12 || d.length === 13) && d.startsWith('55')) d = d.slice(2);
  else if ((d.length === 11 || d.length === 12) && d.startsWith('0')) d = d.slice(1);
  return isValidPhone(d) ? d : null;
}

/** `dd/mm/aaaa` (also `d/m/aaaa`, an Excel time `00:00` after it, or `aaaa-mm-dd`); null otherwise. */
export function importDate(text: string): IsoDate | null {
  const t = text.trim().replace(/\s+\d{1,2}:\d{2}(:\d{2})?$/, '');
  // isIsoDate throws internally on other shapes, which is slow over 100 000 lines: test the shape first.
  const date = /^\d{4}-/.test(t) ? (isIsoDate(t) ? t : null) : parseDateBR(t);
  if (!date) return null;
  const year = Number(date.slice(0, 4));
  return year >= 1900 && year <= 2200 ? date : null;
}

/** `2`, `2,5`, `2.5`, `2,5%` → 2.5; null otherwise. */
export function importRate(text: string): number | null {
  const m = /^(\d{1,3})(?:[.,](\d{1,4}))?\s*%?$/.exec(text.trim());
  return m ? Number(`${m[1]}.${m[2] ?? '0'}`) : null;
}

/** `sim`/`não` (also s/n, x, 1/0); null for anything else. */
export function importYesNo(text: string): boolean | null {
  const f = foldText(text);
  if (YES.has(f)) return true;
  if (NO.has(f)) return false;
  return null;
}

/** Maps header cells to columns; reports missing required columns and columns given twice. */
export function mapHeader(cells: string[]): { index: Partial<Record<ImportColumn, number>>; ignored: string[]; problems: string[] } {
  const index: Partial<Record<ImportColumn, number>> = {};
  const ignored: string[] = [];
  const problems: string[] = [];
  cells.forEach((cell, i) => {
    const key = HEADER_INDEX.get(headerKey(cell));
    if (!key) {
      if (cell.trim()) ignored.push(cell.trim());
      return;
    }
    if (index[key] !== undefined) problems.push(`A coluna ${key} aparece duas vezes no cabeçalho (colunas ${index[key]! + 1} e ${i + 1}).`);
    else index[key] = i;
  });
  const missing = IMPORT_COLUMNS.filter((c) => c.required && index[c.key] === undefined).map((c) => c.key);
  if (missing.length) {
    problems.unshift(
      `Falta${missing.length > 1 ? 'm' : ''} no cabeçalho a${missing.length > 1 ? 's' : ''} coluna${missing.length > 1 ? 's' : ''} ${missing.join(', ')}. ` +
        `A primeira linha deve ter os nomes das colunas: ${IMPORT_COLUMNS.map((c) => c.key).join(';')}.`,
    );
  }
  return { index, ignored, problems };
}

interface CustomerDraft extends ImportCustomer {
  emailLine: number;
  addressLine: number;
}
interface SaleDraft extends ImportSale {
  byNumber: Map<number, number>;
}

/**
 * Reads and checks an import file: every bad line gets a pt-BR reason with its line number (header = line 1),
 * and the good lines are grouped into customers and carnês. What needs the database (CPF already in the
 * store, carnê already imported) is checked by the backend on top of this.
 * `today` (YYYY-MM-DD) refuses sales dated in the future.
 */
export function parseImport(content: string, opts: { today?: IsoDate; onProgress?: (fraction: number) => void } = {}): ParsedImport {
  const csv = readCsv(content, { onProgress: opts.onProgress && ((f) => opts.onProgress!(f * 0.8)) });
  const errors: ImportError[] = [...csv.problems];
  const result: ParsedImport = { separator: csv.separator, rows: csv.records.length, ignoredColumns: [], customers: [], sales: [], errors };
  if (!csv.header) {
    errors.push({ line: 1, message: 'O arquivo está vazio: a primeira linha deve ter os nomes das colunas e, abaixo, uma linha por parcela em aberto.' });
    return finish(result, opts.onProgress);
  }
  const header = mapHeader(csv.header.cells);
  result.ignoredColumns = header.ignored;
  if (header.problems.length) {
    // Without the columns no line can be read: one clear message on the header beats thousands of echoes.
    errors.push({ line: csv.header.line, message: header.problems.join(' ') });
    return finish(result, opts.onProgress);
  }
  if (!csv.records.length) {
    errors.push({ line: csv.header.line, message: 'Nenhuma parcela no arquivo: só há o cabeçalho.' });
    return finish(result, opts.onProgress);
  }

  // The same names and descriptions repeat on every line of a customer: fold each distinct text once.
  const folded = new Map<string, string>();
  const fold = (text: string): string => {
    let f = folded.get(text);
    if (f === undefined) folded.set(text, (f = foldText(text)));
    return f;
  };
  const col = header.index;
  const width = csv.header.cells.length;
  const customers = new Map<string, CustomerDraft>();
  const sales = new Map<string, SaleDraft>();
  const step = Math.max(1, Math.floor(csv.records.length / 20));

  csv.records.forEach(({ line, cells }, n) => {
    if (opts.onProgress && n % step === 0) opts.onProgress(0.8 + (0.2 * n) / csv.records.length);
    const bad = (message: string) => errors.push({ line, message });
    const get = (k: ImportColumn): string => {
      const i = col[k];
      return i === undefined ? '' : (cells[i] ?? '').trim();
    };
    const required = (k: ImportColumn): string | null => {
      const v = get(k);
      if (v) return v;
      bad(`Falta o valor de ${IMPORT_COLUMNS.find((c) => c.key === k)!.label} (coluna ${k}).`);
      return null;
    };

    if (cells.length > width && cells.slice(width).some((c) => c.trim())) {
      const sep = csv.separator === '\t' ? 'tabulação' : `"${csv.separator}"`;
      bad(`A linha tem ${cells.length} colunas e o cabeçalho ${width}: um valor com ${sep} precisa estar entre aspas (ex.: "1.234,56").`);
    }
    if (cells.some((c) => c.includes('\uFFFD'))) {
      bad('Caracteres ilegíveis: o arquivo não está em UTF-8. No Excel, use "Salvar como" → "CSV UTF-8 (delimitado por vírgulas)".');
    }

    // --- the customer -------------------------------------------------------------------------------
    const name = required('nome');
    if (name !== null && name.length < 2) bad(`Nome curto demais: ${quote(name)}.`);
    if (name !== null && name.length > 120) bad('Nome longo demais (máximo 120 letras).');
    const cpfText = required('cpf');
    const cpf = cpfText === null ? null : importCpf(cpfText);
    if (cpfText !== null && cpf === null) bad(`CPF inválido: ${quote(cpfText)}. Confira os 11 dígitos.`);

    const phoneText = get('telefone');
    const phone = phoneText ? importPhone(phoneText) : null;
    if (phoneText && !phone) bad(`Telefone inválido: ${quote(phoneText)}. Use DDD + número, ex.: (11) 98765-4321.`);
    const waText = get('whatsapp');
    const whatsapp = waText ? importYesNo(waText) : false;
    if (whatsapp === null) bad(`WhatsApp: use sim ou não (veio ${quote(waText)}).`);
    if (whatsapp && !phoneText) bad('WhatsApp marcado como sim, mas falta o telefone.');
    const emailText = get('email');
    if (emailText && (!EMAIL.test(emailText) || emailText.length > 120)) bad(`E-mail inválido: ${quote(emailText)}.`);
    const email = emailText && EMAIL.test(emailText) ? emailText : null;
    const address = get('endereco') || null;
    if (address && address.length > 200) bad('Endereço longo demais (máximo 200 letras).');

    // --- the carnê and the parcela -----------------------------------------------------------------
    const description = required('descricao');
    if (description !== null && description.length < 2) bad(`Descrição curta demais: ${quote(description)}. Diga o que foi vendido.`);
    if (description !== null && description.length > 200) bad('Descrição longa demais (máximo 200 letras).');
    const saleText = required('data_venda');
    let saleDate = saleText === null ? null : importDate(saleText);
    if (saleText !== null && !saleDate) bad(`Data da venda inválida: ${quote(saleText)}. Use dd/mm/aaaa.`);
    if (saleDate && opts.today && saleDate > opts.today) {
      bad(`Data da venda no futuro: ${formatDateBR(saleDate)} (hoje é ${formatDateBR(opts.today)}).`);
      saleDate = null;
    }
    const countText = required('total_parcelas');
    const count = countText === null ? null : /^\d{1,3}$/.test(countText) ? Number(countText) : NaN;
    const countOk = count !== null && count >= 1 && count <= MAX_IMPORT_INSTALLMENTS;
    if (countText !== null && !countOk) bad(`Total de parcelas inválido: ${quote(countText)}. Use um número de 1 a ${MAX_IMPORT_INSTALLMENTS}.`);
    const numberText = required('parcela');
    const number = numberText === null ? null : /^\d{1,3}$/.test(numberText) ? Number(numberText) : NaN;
    let numberOk = number !== null && number >= 1 && number <= MAX_IMPORT_INSTALLMENTS;
    if (numberText !== null && !numberOk) bad(`Número da parcela inválido: ${quote(numberText)}. Use um número inteiro (1, 2, 3…).`);
    if (numberOk && countOk && number! > count!) {
      bad(`Parcela ${number} de ${count}: o número da parcela passa do total de parcelas.`);
      numberOk = false;
    }
    const dueText = required('vencimento');
    let dueDate = dueText === null ? null : importDate(dueText);
    if (dueText !== null && !dueDate) bad(`Vencimento inválido: ${quote(dueText)}. Use dd/mm/aaaa.`);
    if (dueDate && saleDate && dueDate <= saleDate) {
      bad(`Vencimento ${formatDateBR(dueDate)} não é depois da data da venda ${formatDateBR(saleDate)}.`);
      dueDate = null;
    }
    const amountText = required('valor');
    let amount = amountText === null ? null : parseBRL(amountText);
    if (amountText !== null) {
      if (amount === null) bad(`Valor inválido: ${quote(amountText)}. Use o formato 1.234,56.`);
      else if (amount <= 0) bad(`O valor da parcela deve ser maior que zero (veio ${quote(amountText)}).`);
      else if (amount > MAX_AMOUNT_CENTS) bad('Valor alto demais.');
      if (amount !== null && (amount <= 0 || amount > MAX_AMOUNT_CENTS)) amount = null;
    }
    const rateText = get('juros_mes');
    const rate = rateText ? importRate(rateText) : 0;
    const rateOk = rate !== null && rate <= MAX_IMPORT_RATE_PCT;
    if (!rateOk) bad(`Juros ao mês inválidos: ${quote(rateText)}. Use um número de 0 a ${MAX_IMPORT_RATE_PCT}, ex.: 2,5.`);

    // --- consistency between lines of the same customer --------------------------------------------
    if (cpf && name && name.length >= 2) {
      const c = customers.get(cpf);
      if (!c) {
        customers.set(cpf, {
          cpf,
          name,
          email,
          address,
          phones: phone ? [{ number: phone, whatsapp: !!whatsapp }] : [],
          line,
          emailLine: line,
          addressLine: line,
        });
      } else {
        if (fold(c.name) !== fold(name)) bad(`Nome diferente do informado na linha ${c.line} para o mesmo CPF ${formatCpf(cpf)}: ${quote(name)} × ${quote(c.name)}.`);
        if (email) {
          if (!c.email) Object.assign(c, { email, emailLine: line });
          else if (c.email.toLowerCase() !== email.toLowerCase()) bad(`E-mail diferente do informado na linha ${c.emailLine} para o mesmo CPF: ${quote(email)} × ${quote(c.email)}.`);
        }
        if (address) {
          if (!c.address) Object.assign(c, { address, addressLine: line });
          else if (fold(c.address) !== fold(address)) bad(`Endereço diferente do informado na linha ${c.addressLine} para o mesmo CPF.`);
        }
        if (phone) {
          // Several lines may bring several numbers: the customer keeps each distinct one.
          const known = c.phones.find((p) => p.number === phone);
          if (known) known.whatsapp ||= !!whatsapp;
          else if (c.phones.length >= MAX_PHONES) bad(`Mais de ${MAX_PHONES} telefones diferentes para o CPF ${formatCpf(cpf)}: ${formatPhone(phone)} ficaria de fora.`);
          else c.phones.push({ number: phone, whatsapp: !!whatsapp });
        }
      }
    }

    // --- consistency between lines of the same carnê -----------------------------------------------
    if (cpf && description && description.length >= 2 && saleDate && countOk && rateOk) {
      const key = `${cpf}|${saleDate}|${fold(description)}`;
      let s = sales.get(key);
      if (!s) {
        s = { cpf, description, date: saleDate, installmentCount: count!, monthlyRatePct: rate!, installments: [], totalCents: 0, line, byNumber: new Map() };
        sales.set(key, s);
      } else {
        if (s.installmentCount !== count) bad(`Total de parcelas ${count} diferente da linha ${s.line} (${s.installmentCount}) para a mesma venda.`);
        if (s.monthlyRatePct !== rate) bad(`Juros ao mês diferentes da linha ${s.line} para a mesma venda.`);
      }
      if (numberOk) {
        const first = s.byNumber.get(number!);
        if (first !== undefined) bad(`Parcela ${number} repetida nesta venda (já está na linha ${first}).`);
        else {
          s.byNumber.set(number!, line);
          if (dueDate && amount !== null) {
            s.installments.push({ number: number!, dueDate, amountCents: amount, line });
            s.totalCents += amount;
          }
        }
      }
    }
  });

  result.customers = [...customers.values()].map(({ emailLine: _e, addressLine: _a, ...c }) => c);
  result.sales = [...sales.values()].map(({ byNumber: _b, ...s }) => ({ ...s, installments: s.installments.sort((a, b) => a.number - b.number) }));
  return finish(result, opts.onProgress);
}

function finish(result: ParsedImport, onProgress?: (fraction: number) => void): ParsedImport {
  // Stable sort: problems of one line keep the order of the columns.
  result.errors.sort((a, b) => a.line - b.line);
  onProgress?.(1);
  return result;
}
