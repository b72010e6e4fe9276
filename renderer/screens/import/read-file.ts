import { decodeCsvBytes } from '../../../shared/csv/read';
import { parseImport } from '../../../shared/csv/import';

export interface ReadResult {
  /** the file as text (UTF-8 or Excel's Windows-1252) */
  content: string;
  rows: number;
  /** problems the file alone shows; the backend's dry run gives the full list */
  errors: number;
}

/**
 * Decodes and checks the file before sending it, reporting progress from 0 to 1. Runs in a worker when the
 * page may start one (browser mode); where it may not (the desktop window loads from file://), it runs here,
 * after giving the screen a moment to show the bar.
 */
export async function readImportFile(file: File, today: string, onProgress: (fraction: number) => void): Promise<ReadResult> {
  const bytes = await file.arrayBuffer();
  onProgress(0.05);
  try {
    const worker = new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module' });
    return await new Promise<ReadResult>((resolve, reject) => {
      worker.onmessage = (e: MessageEvent<{ progress?: number; done?: ReadResult }>) => {
        if (e.data.progress !== undefined) onProgress(0.05 + 0.95 * e.data.progress);
        if (e.data.done) {
          worker.terminate();
          resolve(e.data.done);
        }
      };
      worker.onerror = (e) => {
        e.preventDefault();
        worker.terminate();
        reject(new Error('worker'));
      };
      worker.postMessage({ bytes, today }, [bytes]);
    });
  } catch {
    await new Promise((r) => setTimeout(r, 30));
    const content = decodeCsvBytes(new Uint8Array(bytes.byteLength ? bytes : await file.arrayBuffer()));
    const parsed = parseImport(content, { today, onProgress: (f) => onProgress(0.05 + 0.95 * f) });
    return { content, rows: parsed.rows, errors: parsed.errors.length };
  }
}
