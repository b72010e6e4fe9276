import { csvBytes } from '../../../shared/csv/dashboard-tables';

/**
 * Saves a CSV text as a file through a Blob link: works in the desktop window and in browser mode, and needs no
 * permission. The bytes are the writer's own (BOM included), so Excel opens the accents right.
 */
export function downloadCsv(fileName: string, text: string): void {
  const blob = new Blob([csvBytes(text) as BlobPart], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The browser has read the Blob once the click is handled; freeing it later keeps slow disks safe.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "painel-recebido-2026-09-01-a-2026-11-23.csv": what it is and when, sortable in a folder. */
export const csvFileName = (what: string, from: string, to: string): string => `painel-${what}-${from}-a-${to}.csv`;
