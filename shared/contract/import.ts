import { z } from 'zod';
import { IMPORT_FIELDS } from '../import/fields';

// `import.preview`, `import.run` and `import.mappings` (issue 11): any spreadsheet, .xlsx / .xls or CSV, with
// the columns mapped by the owner. `import.csv` (ledger.ts) stays as API.md says.

/** 50 MB of file; in base64 that is 4/3 as many characters. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
const MAX_BASE64 = Math.ceil(MAX_IMPORT_BYTES / 3) * 4;
const TOO_BIG = 'Arquivo grande demais (limite de 50 MB). Divida a planilha por clientes e importe em partes.';

const field = z.enum(IMPORT_FIELDS, { error: (i) => `campo desconhecido ${JSON.stringify(i.input)}; use um de: ${IMPORT_FIELDS.join(', ')}.` });

/** Column key (the header as `import.preview` lists it, or `Coluna C` for a blank one) → field. */
export const importMapping = z.record(z.string().min(1).max(200), field).refine((m) => Object.keys(m).length <= 200, 'Colunas demais no mapeamento.');

const fileFields = {
  /** the file as text (CSV) */
  content: z.string().max(50_000_000, TOO_BIG).optional(),
  /** the file's bytes in base64 (.xlsx, .xls, or a CSV in any encoding) */
  contentBase64: z
    .string()
    .max(MAX_BASE64, TOO_BIG)
    .regex(/^[A-Za-z0-9+/=\s]*$/, 'O arquivo em base64 tem caracteres inválidos.')
    .optional(),
  fileName: z.string({ error: 'Informe o nome do arquivo (ex.: carnes.xlsx).' }).trim().min(1, 'Informe o nome do arquivo (ex.: carnes.xlsx).').max(260),
  /** the sheet to read; default the first one with data */
  sheet: z.string().max(100).optional(),
};

const oneContent = (v: { content?: string; contentBase64?: string }) => (v.content === undefined) !== (v.contentBase64 === undefined);
const oneContentError = { message: 'Envie o arquivo em content (texto) ou em contentBase64, um dos dois.', path: ['content'] };

export const importPreview = z
  .object({
    ...fileFields,
    mapping: importMapping.optional(),
    /** apply this saved mapping instead of guessing */
    mappingName: z.string().trim().max(80).optional(),
  })
  .strict()
  .refine(oneContent, oneContentError);

export const importRun = z
  .object({
    ...fileFields,
    mapping: importMapping,
    dryRun: z.boolean({ error: 'Informe dryRun: true para simular, false para importar.' }),
    /** on a real run, keep this mapping under this name, offered next time ("Planilha da loja") */
    saveMappingAs: z.string().trim().min(2, 'Dê um nome ao mapeamento (ex.: Planilha da loja).').max(80).optional(),
  })
  .strict()
  .refine(oneContent, oneContentError);

export type ImportPreviewInput = z.infer<typeof importPreview>;
export type ImportRunInput = z.infer<typeof importRun>;

export interface ImportColumnInfo {
  key: string;
  letter: string;
  header: string;
  samples: string[];
  guess: (typeof IMPORT_FIELDS)[number] | null;
}

export interface ImportPreviewResult {
  fileName: string;
  format: 'xlsx' | 'xls' | 'ods' | 'csv';
  encoding: 'utf-8' | 'windows-1252' | null;
  separator: string | null;
  sheets: { name: string; rows: number }[];
  sheet: string;
  /** the line (Excel row) of the header */
  headerLine: number;
  /** data rows under the header */
  rows: number;
  columns: ImportColumnInfo[];
  guessedMapping: Record<string, (typeof IMPORT_FIELDS)[number]>;
  /** the mapping to show: the one sent, else a saved one that fits this file, else the guess */
  mapping: Record<string, (typeof IMPORT_FIELDS)[number]>;
  /** the saved mapping used, if any */
  mappingName: string | null;
  shape: 'parcela' | 'venda';
  /** what is wrong with `mapping` (a field twice, a required one missing) */
  problems: { column: string; message: string }[];
  /** the first rows, one text per column of `columns` */
  sampleRows: { line: number; cells: string[] }[];
}

export interface ImportRunResult {
  rows: number;
  /** parcelas written (0 on a dry run or when any row is bad) */
  imported: number;
  errors: { line: number; message: string }[];
  warnings: { line: number; message: string }[];
  shape: 'parcela' | 'venda';
  sheet: string;
  summary: {
    customersNew: number;
    customersExisting: number;
    sales: number;
    installments: number;
    paidInstallments: number;
    totalCents: number;
    paidCents: number;
    openCents: number;
    overdueCents: number;
  };
}

export interface ImportMappingItem {
  id: string;
  name: string;
  mapping: Record<string, (typeof IMPORT_FIELDS)[number]>;
  updatedAt: string;
}
