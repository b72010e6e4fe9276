/** dd/mm/aaaa hh:mm in the computer's clock, as the owner reads it. */
export function formatBackupDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** Size in MB with a comma, never "0,0 MB" for a small store. */
export function formatMB(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb < 0.1 ? '0,1' : mb.toLocaleString('pt-BR', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} MB`;
}
