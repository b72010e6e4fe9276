import { foldText } from '../text';
import type { ValueShape } from './values';

// The fields a column of the store's book can be mapped to (issue 11, docs/importacao.md). The mapping says
// which column holds which field; the shape of the book follows from it: a "1º vencimento" column means one
// row per sale (EmDia expands the parcelas), a "vencimento" column one row per parcela.

export const IMPORT_FIELDS = [
  'nome',
  'cpf',
  'telefone',
  'whatsapp',
  'email',
  'endereco',
  'descricao',
  'data_venda',
  'parcela',
  'total_parcelas',
  'vencimento',
  'primeiro_vencimento',
  'valor',
  'valor_total',
  'juros_mes',
  'pago',
  'data_pagamento',
  'valor_pago',
  'parcelas_pagas',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Column key (see `columnKeys`) → field. Columns left out are ignored. */
export type ImportMapping = Record<string, ImportField>;

export type BookShape = 'parcela' | 'venda';

export interface FieldSpec {
  key: ImportField;
  /** pt-BR, for the Select and for messages */
  label: string;
  /** what the screen says under the Select */
  hint: string;
  /** header patterns, tested on the folded header (lower case, no accents, single spaces) */
  headers: RegExp[];
  /** value shapes that fit this field */
  shapes: ValueShape[];
  /** which book shapes use it ('both' when any) */
  shape: BookShape | 'both';
}

export const FIELD_SPECS: readonly FieldSpec[] = [
  { key: 'nome', label: 'Nome do cliente', hint: 'obrigatório', headers: [/^nome\b/, /^cliente$/, /\bnome do cliente\b/, /^(razao social|comprador|devedor|sacado)$/, /^cliente\b(?!.*(cpf|cod|fone|tel))/], shapes: ['name', 'text'], shape: 'both' },
  { key: 'cpf', label: 'CPF', hint: 'obrigatório; com ou sem pontuação', headers: [/\bcpf\b/, /^(documento|doc|cpf\/cnpj|cnpj\/cpf)$/], shapes: ['cpf'], shape: 'both' },
  { key: 'telefone', label: 'Telefone', hint: 'com DDD', headers: [/\b(telefone|fone|celular|cel|tel|contato)\b/], shapes: ['phone'], shape: 'both' },
  { key: 'whatsapp', label: 'Aceita WhatsApp', hint: 'sim ou não', headers: [/\b(whats?app|zap|whats)\b/], shapes: ['yesno'], shape: 'both' },
  { key: 'email', label: 'E-mail', hint: '', headers: [/\be ?mail\b/], shapes: ['email'], shape: 'both' },
  { key: 'endereco', label: 'Endereço', hint: '', headers: [/\b(endereco|logradouro|rua)\b/], shapes: ['text'], shape: 'both' },
  { key: 'descricao', label: 'Descrição / produto', hint: 'o que foi vendido', headers: [/\b(descricao|produto|produtos|mercadoria|historico|item|itens|carne|pedido|referencia)\b/], shapes: ['text', 'name'], shape: 'both' },
  { key: 'data_venda', label: 'Data da venda', hint: 'se faltar, 1 mês antes da 1ª parcela', headers: [/\b(data (da )?(venda|compra)|dt ?(venda|compra)|emissao|data)$/, /^(venda|compra)$/], shapes: ['date'], shape: 'both' },
  { key: 'parcela', label: 'Nº da parcela', hint: '3 ou 3/10', headers: [/^(parc|parcela|prest|prestacao)\.?$/, /\b(n|no|num|numero|nro)\.? ?(da )?(parc|parcela|prest)/, /^parc(ela)?\.? ?(n|no|num)?\.?$/], shapes: ['ref', 'count'], shape: 'parcela' },
  { key: 'total_parcelas', label: 'Total de parcelas', hint: 'quantas parcelas tem a venda', headers: [/\b(total|qtd|qtde|quant|quantidade|n|no|num|numero|nro)\.? (de )?(parc|parcelas|prest)/, /^(parcelas|plano|vezes|prazo)$/], shapes: ['count'], shape: 'both' },
  { key: 'vencimento', label: 'Vencimento', hint: 'da parcela', headers: [/^(?!.*\b(1|1a|1o|primeir\w*|prim)\b).*\b(venc|vencto|vencimento|vcto|vct)\b/, /^data (de |do )?venc/], shapes: ['date'], shape: 'parcela' },
  { key: 'primeiro_vencimento', label: '1º vencimento', hint: 'uma linha por venda', headers: [/\b(1|1a|1o|primeiro|primeira|prim)\.? ?(vencimento|venc|vencto|parcela)/, /\b(vencimento|venc|vencto) (da )?(1|1a|primeira)/], shapes: ['date'], shape: 'venda' },
  { key: 'valor', label: 'Valor da parcela', hint: 'R$', headers: [/\b(valor|vlr|vl|val)\.? ?(da )?(parcela|parc|prest|prestacao)\b/, /^(valor|vlr|vl|val|prestacao|parcela r\$)\.?$/, /^valor \(?r\$\)?$/], shapes: ['money'], shape: 'both' },
  { key: 'valor_total', label: 'Valor total da venda', hint: 'dividido pelas parcelas', headers: [/\b(valor|vlr|vl)\.? ?(total|da venda|financiado|compra)\b/, /^total( da venda)?$/], shapes: ['money'], shape: 'venda' },
  { key: 'juros_mes', label: 'Juros ao mês (%)', hint: 'da venda', headers: [/\b(juros|taxa)\b/], shapes: ['count', 'money'], shape: 'both' },
  { key: 'pago', label: 'Situação (paga ou aberta)', hint: 'pago, quitado, aberto, sim/não', headers: [/^(situacao|status|pago|paga|quitado|quitada|baixado|baixa|sit|estado)\.?\??$/], shapes: ['status', 'yesno'], shape: 'parcela' },
  { key: 'data_pagamento', label: 'Data do pagamento', hint: 'se preenchida, a parcela foi paga', headers: [/\b(pagamento|pagto|pgto|pago em|recebido em|data (da )?baixa|quitacao|dt ?pag|data pag)\b/], shapes: ['date'], shape: 'parcela' },
  { key: 'valor_pago', label: 'Valor pago', hint: 'o que já foi pago da parcela', headers: [/\b(valor|vlr|vl)\.? ?(pago|recebido|quitado)\b/, /^(pago|recebido) r\$$/], shapes: ['money'], shape: 'parcela' },
  { key: 'parcelas_pagas', label: 'Parcelas já pagas', hint: 'quantas, das primeiras', headers: [/\b(parcelas |parc\.? )?(pagas|quitadas)\b/, /\bqtd\.? pagas\b/], shapes: ['count'], shape: 'venda' },
];

export const FIELD_BY_KEY = new Map(FIELD_SPECS.map((f) => [f.key, f]));
export const fieldLabel = (f: ImportField): string => FIELD_BY_KEY.get(f)!.label;

/** Headers compared without case, accents or punctuation (`Nº Parc.` → `no parc`, `Vlr. Parcela` → `vlr parcela`). */
export const foldHeader = (h: string): string =>
  foldText(h)
    .replace(/[º°]/g, 'o')
    .replace(/ª/g, 'a')
    .replace(/[^a-z0-9/$ ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** The book's shape: per sale when a "1º vencimento" is mapped. */
export const bookShape = (mapping: ImportMapping): BookShape => (Object.values(mapping).includes('primeiro_vencimento') ? 'venda' : 'parcela');

/** Fields a mapping must have for its shape. */
export function requiredFields(shape: BookShape): ImportField[] {
  return shape === 'venda' ? ['nome', 'cpf', 'primeiro_vencimento', 'total_parcelas'] : ['nome', 'cpf', 'vencimento', 'valor'];
}

export interface MappingProblem {
  /** the column key, or '' for the mapping as a whole */
  column: string;
  message: string;
}

/**
 * What is wrong with a mapping before any row is read: a field given to two columns, a required field left
 * unmapped, fields of the two shapes mixed. Messages name the columns as the person sees them.
 */
export function checkMapping(mapping: ImportMapping, columnName: (key: string) => string = (k) => `“${k}”`): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const byField = new Map<ImportField, string[]>();
  for (const [column, field] of Object.entries(mapping)) {
    const list = byField.get(field) ?? [];
    list.push(column);
    byField.set(field, list);
  }
  for (const [field, columns] of byField) {
    if (columns.length > 1) {
      problems.push({ column: columns[1], message: `${fieldLabel(field)} está em duas colunas (${columns.map(columnName).join(' e ')}): escolha só uma.` });
    }
  }
  if (byField.has('vencimento') && byField.has('primeiro_vencimento')) {
    problems.push({
      column: byField.get('primeiro_vencimento')![0],
      message: 'Escolha “Vencimento” (uma linha por parcela) ou “1º vencimento” (uma linha por venda), não os dois.',
    });
  }
  const shape = bookShape(mapping);
  const missing = requiredFields(shape).filter((f) => !byField.has(f));
  if (shape === 'venda' && !byField.has('valor') && !byField.has('valor_total')) missing.push('valor');
  if (missing.length) {
    const names = missing.map((f) => (f === 'valor' && shape === 'venda' ? 'Valor da parcela (ou Valor total da venda)' : fieldLabel(f)));
    problems.push({ column: '', message: `Falta escolher a coluna de: ${names.join(', ')}.` });
  }
  for (const [field, columns] of byField) {
    const spec = FIELD_BY_KEY.get(field)!;
    if (spec.shape !== 'both' && spec.shape !== shape) {
      const why = shape === 'venda' ? 'numa planilha com uma linha por venda (há “1º vencimento”)' : 'numa planilha com uma linha por parcela (há “Vencimento”)';
      problems.push({ column: columns[0], message: `${spec.label} (coluna ${columnName(columns[0])}) não se usa ${why}.` });
    }
  }
  return problems;
}
