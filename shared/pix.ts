import type { Cents } from './money';

// Static PIX BR Code ("copia e cola"), EMV TLV layout as in CONVENTIONS.md. A static code carries the face
// value only: it cannot add multa or juros, so the carnê says "após o vencimento, pague na loja".

export interface PixInput {
  /** Phone `+55DDNNNNNNNNN`, CPF/CNPJ digits, e-mail or a 36-character random key. */
  key: string;
  merchantName: string;
  merchantCity: string;
  /** Optional: without it the payer types the amount. */
  amountCents?: Cents;
  /** 1–25 of [A-Za-z0-9]; default `***` (no txid). */
  txid?: string;
  /** Optional free text shown to the payer (field 26.02). */
  description?: string;
  /**
   * Keep name and city exactly as given. Only for reproducing reference payloads (the central bank's example
   * has "Fulano de Tal" in mixed case); real codes are upper case without accents, which every bank reads.
   */
  rawText?: boolean;
}

const GUI = 'br.gov.bcb.pix';
const NAME_MAX = 25;
const CITY_MAX = 15;
const ACCOUNT_INFO_MAX = 99;

function tlv(id: string, value: string): string {
  if (value.length > 99) throw new RangeError(`Campo PIX ${id} longo demais (${value.length} caracteres).`);
  return `${id}${String(value.length).padStart(2, '0')}${value}`;
}

/** Upper case, accents removed, printable ASCII only, cut at `max` (accents break several banks' readers). */
export function pixText(text: string, max: number): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max)
    .trim();
}

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF) over the UTF-8 bytes, as 4 upper-case hex digits. */
export function crc16(text: string): string {
  let crc = 0xffff;
  for (const byte of new TextEncoder().encode(text)) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

/** Builds the static BR Code; throws RangeError (pt-BR message) on data a bank would refuse. */
export function pixPayload(input: PixInput): string {
  const key = input.key.trim();
  if (!key) throw new RangeError('Informe a chave PIX da loja.');
  const name = input.rawText ? input.merchantName : pixText(input.merchantName, NAME_MAX);
  const city = input.rawText ? input.merchantCity : pixText(input.merchantCity, CITY_MAX);
  if (!name || name.length > NAME_MAX) throw new RangeError('Nome da loja para o PIX: de 1 a 25 caracteres.');
  if (!city || city.length > CITY_MAX) throw new RangeError('Cidade da loja para o PIX: de 1 a 15 caracteres.');
  const txid = input.txid ?? '***';
  if (txid !== '***' && !/^[A-Za-z0-9]{1,25}$/.test(txid)) throw new RangeError('Identificador do PIX: até 25 letras ou números.');

  const description = input.description ? pixText(input.description, ACCOUNT_INFO_MAX) : '';
  const accountInfo = tlv('00', GUI) + tlv('01', key) + (description ? tlv('02', description) : '');
  if (accountInfo.length > ACCOUNT_INFO_MAX) throw new RangeError('Chave PIX e descrição longas demais para o QR code.');

  let amount = '';
  if (input.amountCents !== undefined) {
    if (!Number.isSafeInteger(input.amountCents) || input.amountCents <= 0) throw new RangeError('Valor do PIX deve ser positivo.');
    amount = tlv('54', `${Math.floor(input.amountCents / 100)}.${String(input.amountCents % 100).padStart(2, '0')}`);
  }

  const body =
    tlv('00', '01') +
    tlv('26', accountInfo) +
    tlv('52', '0000') +
    tlv('53', '986') +
    amount +
    tlv('58', 'BR') +
    tlv('59', name) +
    tlv('60', city) +
    tlv('62', tlv('05', txid)) +
    '6304';
  return body + crc16(body);
}

/** True when the payload ends in `6304` + the right CRC (a typo in a pasted code fails it). */
export function isValidPixPayload(payload: string): boolean {
  const m = /^(.*6304)([0-9A-F]{4})$/.exec(payload);
  return m !== null && crc16(m[1]) === m[2];
}
