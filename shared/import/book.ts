import { formatCpf } from '../cpf';
import { importPhone } from '../csv/import';
import { addMonthsClamped, formatDateBR, minDate, type IsoDate } from '../dates';
import { formatBRL } from '../money';
import { foldText } from '../text';
import { bookShape, fieldLabel, type BookShape, type ImportField, type ImportMapping } from './fields';
import type { BookColumn, Sheet } from './table';
import { cellText, displayText, isBlank, readAmount, readCount, readCpf, readDate, readInstallmentRef, readPaidFlag, readRate, readYesNo, type Cell } from './values';

// The rows of a store's book, read with a confirmed mapping, become customers, carnês, parcelas and the
// payments already made (issue 11 "Shapes real books have"). Every bad row gets a pt-BR reason naming its
// line and column; what needs the database (CPF already in the store) is checked by the backend on top.

export const MAX_BOOK_INSTALLMENTS = 60;
export const MAX_BOOK_RATE_PCT = 15;
const MAX_AMOUNT_CENTS = 100_000_000_000;
const MAX_PHONES = 5;
/** What a sale gets as its description when the book has no such column. */
export const DEFAULT_DESCRIPTION = 'Compra da planilha';

export interface BookMessage {
  line: number;
  message: string;
}

export interface BookCustomer {
  cpf: string;
  name: string;
  email: string | null;
  address: string | null;
  phones: { number: string; whatsapp: boolean }[];
  line: number;
}

export interface BookInstallment {
  number: number;
  dueDate: IsoDate;
  amountCents: number;
  /** already paid of this parcela (history), 0..amountCents */
  paidCents: number;
  /** when it was paid: the payment-date column, else the due date (never after today) */
  paidOn: IsoDate | null;
  line: number;
}

export interface BookSale {
  cpf: string;
  description: string;
  date: IsoDate;
  installmentCount: number;
  monthlyRatePct: number;
  installments: BookInstallment[];
  totalCents: number;
  line: number;
}

export interface ParsedBook {
  shape: BookShape;
  /** data rows under the header (blank rows not counted) */
  rows: number;
  customers: BookCustomer[];
  sales: BookSale[];
  /** sorted by line; the import is refused while there is any */
  errors: BookMessage[];
  /** things we fixed or skipped and the owner should know (zeros put back in a CPF, a totals row) */
  warnings: BookMessage[];
}

export interface BookSummary {
  customers: number;
  sales: number;
  installments: number;
  paidInstallments: number;
  totalCents: number;
  paidCents: number;
  openCents: number;
  overdueCents: number;
}

interface RowDraft {
  line: number;
  cpf: string;
  description: string;
  saleDate: IsoDate | null;
  number: number | null;
  count: number | null;
  dueDate: IsoDate;
  amountCents: number;
  paidCents: number;
  paidOn: IsoDate | null;
  /** paidOn came from the payment-date column (else it is the due date) */
  paidOnGiven: boolean;
  rate: number;
}

const quote = (s: string): string => `“${s.length > 40 ? s.slice(0, 39) + '…' : s}”`;
const EMAIL = /^[^\s@;,]+@[^\s@;,]+\.[^\s@;,]+$/;
const TOTALS = /^(sub ?)?(total|totais)\b|^soma\b|^saldo\b/;

export interface ParseBookOptions {
  today: IsoDate;
  onProgress?: (fraction: number) => void;
}

/**
 * Reads the data rows under `headerIndex` with `mapping` (column key → field). The mapping must already pass
 * `checkMapping`; the columns are those `describeColumns` gave for this sheet.
 */
export function parseBook(sheet: Sheet, headerIndex: number, columns: BookColumn[], mapping: ImportMapping, opts: ParseBookOptions): ParsedBook {
  const shape = bookShape(mapping);
  const errors: BookMessage[] = [];
  const warnings: BookMessage[] = [];
  const index = new Map<ImportField, number>();
  const named = new Map<ImportField, string>();
  for (const c of columns) {
    const f = mapping[c.key];
    if (f) {
      index.set(f, c.index);
      named.set(f, c.key);
    }
  }
  const has = (f: ImportField) => index.has(f);
  const col = (f: ImportField) => `coluna “${named.get(f)}”`;
  const today = opts.today;

  const data = sheet.rows.slice(headerIndex + 1);
  const customers = new Map<string, BookCustomer & { zeroWarned: boolean }>();
  const drafts: RowDraft[] = [];
  const folded = new Map<string, string>();
  const fold = (t: string) => {
    let f = folded.get(t);
    if (f === undefined) folded.set(t, (f = foldText(t)));
    return f;
  };
  let rows = 0;
  const step = Math.max(1, Math.floor(data.length / 20));

  data.forEach(({ line, cells }, n) => {
    if (opts.onProgress && n % step === 0) opts.onProgress((0.8 * n) / data.length);
    const get = (f: ImportField): Cell => {
      const i = index.get(f);
      return i === undefined ? null : (cells[i] ?? null);
    };
    const mapped = [...index.values()].map((i) => cells[i] ?? null);
    if (mapped.every(isBlank)) return; // a blank row, or notes in columns nobody mapped
    // The totals row under the book ("TOTAL", a sum in the amount column) has no customer: skip it, say so.
    if (isBlank(get('cpf')) && cells.some((c) => typeof c === 'string' && TOTALS.test(fold(c.trim())))) {
      warnings.push({ line, message: `Linha de totais ignorada (${quote(cells.map(displayText).filter(Boolean).slice(0, 3).join(' '))}).` });
      return;
    }
    rows++;
    const before = errors.length;
    const bad = (message: string) => errors.push({ line, message });
    const required = (f: ImportField): Cell => {
      const v = get(f);
      if (isBlank(v)) {
        bad(`Falta preencher ${fieldLabel(f)} (${col(f)}).`);
        return null;
      }
      return v;
    };

    // --- the customer -------------------------------------------------------------------------------
    const nameCell = required('nome');
    const name = nameCell === null ? null : cellText(nameCell).replace(/\s+/g, ' ');
    if (name !== null && name.length < 2) bad(`Nome curto demais na ${col('nome')}: ${quote(name)}.`);
    if (name !== null && name.length > 120) bad(`Nome longo demais na ${col('nome')} (máximo 120 letras).`);
    const cpfCell = required('cpf');
    const cpfRead = cpfCell === null ? null : readCpf(cpfCell);
    let cpf: string | null = null;
    if (cpfCell !== null) {
      const t = cellText(cpfCell);
      if (cpfRead === 'cnpj') bad(`CNPJ na ${col('cpf')} (${quote(t)}): o crediário do EmDia é por CPF; use o CPF do responsável.`);
      else if (!cpfRead) {
        const digits = t.replace(/\D/g, '').length;
        bad(`CPF inválido na ${col('cpf')}: ${quote(t)}.${digits >= 9 && digits < 11 ? ' Nem repondo os zeros à esquerda que o Excel tira ele confere.' : ' Confira os 11 dígitos.'}`);
      } else cpf = cpfRead.cpf;
    }

    const phoneCell = get('telefone');
    const phoneText = cellText(phoneCell);
    const phone = phoneText ? importPhone(phoneText) : null;
    if (phoneText && !phone) bad(`Telefone inválido na ${col('telefone')}: ${quote(phoneText)}. Use DDD + número, ex.: (11) 98765-4321.`);
    const waCell = get('whatsapp');
    const whatsapp = isBlank(waCell) ? false : readYesNo(waCell);
    if (whatsapp === null) bad(`Na ${col('whatsapp')}, use sim ou não (veio ${quote(cellText(waCell))}).`);
    const emailText = cellText(get('email'));
    if (emailText && (!EMAIL.test(emailText) || emailText.length > 120)) bad(`E-mail inválido na ${col('email')}: ${quote(emailText)}.`);
    const email = emailText && EMAIL.test(emailText) && emailText.length <= 120 ? emailText : null;
    const address = cellText(get('endereco')) || null;
    if (address && address.length > 200) bad(`Endereço longo demais na ${col('endereco')} (máximo 200 letras).`);

    if (cpf && name && name.length >= 2 && name.length <= 120) {
      const c = customers.get(cpf);
      if (!c) {
        const restored = cpfRead && cpfRead !== 'cnpj' && cpfRead.zerosRestored;
        customers.set(cpf, { cpf, name, email, address, phones: phone ? [{ number: phone, whatsapp: !!whatsapp }] : [], line, zeroWarned: !!restored });
        if (restored) warnings.push({ line, message: `CPF ${quote(cellText(cpfCell))} sem os zeros à esquerda (o Excel tira): lido como ${formatCpf(cpf)}. Confira se é este.` });
      } else {
        // Repeated customer rows are one customer (merged by CPF): the first row's spelling stays.
        if (fold(c.name) !== fold(name)) warnings.push({ line, message: `Mesmo CPF ${formatCpf(cpf)} com outro nome (${quote(name)}); fica o nome da linha ${c.line}, ${quote(c.name)}.` });
        if (email && !c.email) c.email = email;
        if (address && !c.address) c.address = address;
        if (phone) {
          const known = c.phones.find((p) => p.number === phone);
          if (known) known.whatsapp ||= !!whatsapp;
          else if (c.phones.length < MAX_PHONES) c.phones.push({ number: phone, whatsapp: !!whatsapp });
        }
      }
    }

    // --- the sale --------------------------------------------------------------------------------------
    const descText = cellText(get('descricao')).replace(/\s+/g, ' ');
    if (descText.length > 200) bad(`Descrição longa demais na ${col('descricao')} (máximo 200 letras).`);
    const description = descText || DEFAULT_DESCRIPTION;
    let saleDate: IsoDate | null = null;
    const saleCell = get('data_venda');
    if (!isBlank(saleCell)) {
      saleDate = readDate(saleCell);
      if (!saleDate) bad(`Data da venda ilegível na ${col('data_venda')}: ${quote(cellText(saleCell))}. Use dd/mm/aaaa.`);
      else if (saleDate > today) {
        bad(`Data da venda no futuro na ${col('data_venda')}: ${formatDateBR(saleDate)} (hoje é ${formatDateBR(today)}).`);
        saleDate = null;
      }
    }
    const rateCell = get('juros_mes');
    const rate = isBlank(rateCell) ? 0 : readRate(rateCell);
    if (rate === null || rate > MAX_BOOK_RATE_PCT) bad(`Juros ao mês inválidos na ${col('juros_mes')}: ${quote(cellText(rateCell))}. Use um número de 0 a ${MAX_BOOK_RATE_PCT}, ex.: 2,5.`);

    const amountOf = (f: ImportField): number | null => {
      const v = required(f);
      if (v === null) return null;
      const a = readAmount(v);
      if (a === null) bad(`Valor ilegível na ${col(f)}: ${quote(cellText(v))}. Use 1.234,56 (com ou sem R$).`);
      else if (a <= 0) bad(`O valor na ${col(f)} deve ser maior que zero (veio ${quote(cellText(v))}).`);
      else if (a > MAX_AMOUNT_CENTS) bad(`Valor alto demais na ${col(f)}.`);
      return a !== null && a > 0 && a <= MAX_AMOUNT_CENTS ? a : null;
    };
    const dateOf = (f: ImportField): IsoDate | null => {
      const v = required(f);
      if (v === null) return null;
      const d = readDate(v);
      if (!d) bad(`${fieldLabel(f)} ilegível na ${col(f)}: ${quote(cellText(v))}. Use dd/mm/aaaa (ou dd/mm/aa).`);
      return d;
    };
    const countOf = (c: Cell): number | null => {
      const k = readCount(c);
      if (k === null || k < 1 || k > MAX_BOOK_INSTALLMENTS) {
        bad(`Total de parcelas inválido na ${col('total_parcelas')}: ${quote(cellText(c))}. Use um número de 1 a ${MAX_BOOK_INSTALLMENTS}.`);
        return null;
      }
      return k;
    };

    if (shape === 'venda') {
      const countCell = required('total_parcelas');
      const count = countCell === null ? null : countOf(countCell);
      const first = dateOf('primeiro_vencimento');
      let each: number[] | null = null;
      if (has('valor')) {
        const a = amountOf('valor');
        if (a !== null && count) each = new Array(count).fill(a);
      } else {
        const total = amountOf('valor_total');
        if (total !== null && count) {
          if (total < count) bad(`Valor total ${formatBRL(total)} menor que um centavo por parcela.`);
          // Without interest: floor(total / n) each, the remainder centavos on the first (DOMAIN.md).
          const base = Math.floor(total / count);
          each = new Array(count).fill(base);
          each[0] += total - base * count;
        }
      }
      const paidCell = get('parcelas_pagas');
      let paidCount = 0;
      if (!isBlank(paidCell)) {
        const k = readCount(paidCell);
        if (k === null || (count !== null && k > count)) bad(`Parcelas já pagas inválidas na ${col('parcelas_pagas')}: ${quote(cellText(paidCell))}. Use um número de 0 a ${count ?? MAX_BOOK_INSTALLMENTS}.`);
        else paidCount = k;
      }
      if (errors.length > before || !cpf || !first || !count || !each) return;
      for (let k = 1; k <= count; k++) {
        const due = addMonthsClamped(first, k - 1);
        const paid = k <= paidCount;
        drafts.push({ line, cpf, description, saleDate, number: k, count, dueDate: due, amountCents: each[k - 1], paidCents: paid ? each[k - 1] : 0, paidOn: paid ? minDate(due, today) : null, paidOnGiven: false, rate: rate ?? 0 });
      }
      return;
    }

    // One row per parcela.
    let number: number | null = null;
    let count: number | null = null;
    const refCell = get('parcela');
    if (!isBlank(refCell)) {
      const ref = readInstallmentRef(refCell);
      if (!ref || ref.number < 1 || ref.number > MAX_BOOK_INSTALLMENTS || (ref.count !== null && (ref.count < 1 || ref.count > MAX_BOOK_INSTALLMENTS))) {
        bad(`Nº da parcela ilegível na ${col('parcela')}: ${quote(cellText(refCell))}. Use 3 ou 3/10.`);
      } else {
        number = ref.number;
        count = ref.count;
      }
    }
    const countCell = get('total_parcelas');
    if (!isBlank(countCell)) {
      const k = countOf(countCell);
      if (k !== null && count !== null && k !== count) bad(`A parcela diz ${number}/${count} e a ${col('total_parcelas')} diz ${k} parcelas.`);
      else if (k !== null) count = k;
    }
    if (number !== null && count !== null && number > count) bad(`Parcela ${number} de ${count}: o número da parcela passa do total.`);
    const due = dateOf('vencimento');
    const amount = amountOf('valor');

    let paid = 0;
    let paidOn: IsoDate | null = null;
    let paidOnGiven = false;
    const payCell = get('data_pagamento');
    const payDate = isBlank(payCell) ? null : readDate(payCell);
    if (!isBlank(payCell) && !payDate) bad(`Data do pagamento ilegível na ${col('data_pagamento')}: ${quote(cellText(payCell))}. Use dd/mm/aaaa.`);
    if (payDate && payDate > today) bad(`Data do pagamento no futuro na ${col('data_pagamento')}: ${formatDateBR(payDate)} (hoje é ${formatDateBR(today)}).`);
    if (has('valor_pago')) {
      const v = get('valor_pago');
      const a = isBlank(v) ? 0 : readAmount(v);
      if (a === null || a < 0) bad(`Valor pago ilegível na ${col('valor_pago')}: ${quote(cellText(v))}.`);
      else if (amount !== null && a > amount) bad(`Valor pago ${formatBRL(a)} maior que o valor da parcela ${formatBRL(amount)}.`);
      else paid = a;
    } else if (has('pago')) {
      const v = get('pago');
      const flag = readPaidFlag(v);
      if (flag === null) bad(`Situação ilegível na ${col('pago')}: ${quote(cellText(v))}. Use pago ou aberto (ou sim/não).`);
      else if (flag && amount !== null) paid = amount;
      else if (!flag && payDate) bad(`A ${col('data_pagamento')} tem data, mas a ${col('pago')} diz que a parcela está aberta.`);
    } else if (payDate && amount !== null) paid = amount;
    if (paid > 0 && due) {
      paidOnGiven = !!payDate;
      paidOn = payDate ?? minDate(due, today);
    }
    if (errors.length > before || !cpf || !due || amount === null) return;
    drafts.push({ line, cpf, description, saleDate, number, count, dueDate: due, amountCents: amount, paidCents: paid, paidOn, paidOnGiven, rate: rate ?? 0 });
  });

  const sales = groupSales(drafts, shape, today, errors);
  errors.sort((a, b) => a.line - b.line);
  warnings.sort((a, b) => a.line - b.line);
  opts.onProgress?.(1);
  return { shape, rows, customers: [...customers.values()].map(({ zeroWarned: _z, ...c }) => c), sales, errors, warnings };
}

/**
 * Rows become carnês: same CPF + description + sale date (or, when the book has no sale date, the month the
 * parcela numbers point back to: parcela 3 due in May was sold in February) + parcela count. Parcelas
 * without numbers are numbered in due-date order.
 */
function groupSales(drafts: RowDraft[], shape: BookShape, today: IsoDate, errors: BookMessage[]): BookSale[] {
  const groups = new Map<string, RowDraft[]>();
  for (const d of drafts) {
    let when = d.saleDate ?? '';
    if (!when && d.number !== null) when = addMonthsClamped(d.dueDate, -d.number).slice(0, 7);
    // Per sale, every row is its own sale even when two look alike (two purchases on one day).
    const key = shape === 'venda' ? `${d.line}` : `${d.cpf}|${foldText(d.description)}|${when}|${d.count ?? ''}`;
    const g = groups.get(key);
    if (g) g.push(d);
    else groups.set(key, [d]);
  }
  const sales: BookSale[] = [];
  for (const rows of groups.values()) {
    const first = rows[0];
    let ok = true;
    const bad = (line: number, message: string) => {
      errors.push({ line, message });
      ok = false;
    };
    if (rows.some((r) => r.number === null)) {
      // Numbered by due date; a row that had a number keeps the order anyway.
      rows.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.line - b.line));
      const used = new Set(rows.filter((r) => r.number !== null).map((r) => r.number!));
      let next = 1;
      for (const r of rows) {
        if (r.number !== null) continue;
        while (used.has(next)) next++;
        r.number = next++;
      }
    }
    const count = first.count ?? Math.max(rows.length, ...rows.map((r) => r.number!));
    if (count > MAX_BOOK_INSTALLMENTS) bad(first.line, `Mais de ${MAX_BOOK_INSTALLMENTS} parcelas nesta venda: separe as vendas com uma coluna de data da venda ou de descrição.`);
    const byNumber = new Map<number, number>();
    for (const r of rows) {
      const seen = byNumber.get(r.number!);
      if (seen !== undefined) {
        bad(
          r.line,
          `Parcela ${r.number} repetida nesta venda (já está na linha ${seen}).` +
            (first.saleDate ? '' : ' Se forem duas compras, inclua a coluna de data da venda ou de descrição para separá-las.'),
        );
      } else byNumber.set(r.number!, r.line);
      if (r.number! > count) bad(r.line, `Parcela ${r.number} de ${count}: o número da parcela passa do total.`);
      if (r.rate !== first.rate) bad(r.line, `Juros ao mês diferentes da linha ${first.line} para a mesma venda.`);
    }
    const dues = rows.map((r) => r.dueDate);
    const firstDue = dues.reduce(minDate);
    let date = first.saleDate;
    if (!date) {
      // No sale date: one month before parcela 1 would be due, never after today nor after any payment.
      date = rows.map((r) => addMonthsClamped(r.dueDate, -r.number!)).reduce(minDate);
      date = minDate(date, today);
      for (const r of rows) if (r.paidOn) date = minDate(date, r.paidOn);
      if (date >= firstDue) date = addMonthsClamped(firstDue, -1);
    }
    for (const r of rows) {
      if (r.dueDate <= date) bad(r.line, `Vencimento ${formatDateBR(r.dueDate)} não é depois da data da venda ${formatDateBR(date)}.`);
      if (r.paidOn && r.paidOnGiven && r.paidOn < date) bad(r.line, `Data do pagamento ${formatDateBR(r.paidOn)} antes da data da venda ${formatDateBR(date)}.`);
    }
    if (!ok) continue;
    const installments = rows
      .map((r) => ({ number: r.number!, dueDate: r.dueDate, amountCents: r.amountCents, paidCents: r.paidCents, paidOn: r.paidOn, line: r.line }))
      .sort((a, b) => a.number - b.number);
    sales.push({
      cpf: first.cpf,
      description: first.description,
      date,
      installmentCount: count,
      monthlyRatePct: first.rate,
      installments,
      totalCents: installments.reduce((n, i) => n + i.amountCents, 0),
      line: Math.min(...rows.map((r) => r.line)),
    });
  }
  return sales.sort((a, b) => a.line - b.line);
}

/** What the book holds: counts and amounts; overdue = open parcelas whose effective due date has passed. */
export function summarizeBook(book: Pick<ParsedBook, 'customers' | 'sales'>, today: IsoDate, effectiveDue: (d: IsoDate) => IsoDate = (d) => d): BookSummary {
  const s: BookSummary = { customers: book.customers.length, sales: book.sales.length, installments: 0, paidInstallments: 0, totalCents: 0, paidCents: 0, openCents: 0, overdueCents: 0 };
  for (const sale of book.sales) {
    for (const i of sale.installments) {
      s.installments++;
      s.totalCents += i.amountCents;
      s.paidCents += i.paidCents;
      const open = i.amountCents - i.paidCents;
      s.openCents += open;
      if (open === 0) s.paidInstallments++;
      else if (today > effectiveDue(i.dueDate)) s.overdueCents += open;
    }
  }
  return s;
}
