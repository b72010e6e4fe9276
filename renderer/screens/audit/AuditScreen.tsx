import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Badge, Button, Group, Loader, SegmentedControl, Select, Text, TextInput, Title } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { call, ApiCallError } from '../../api';
import type { AuditKind, AuditListResult, AuditRow } from '../../../shared/contract/audit';
import { parseDateBR } from '../../../shared/dates';
import { maskDateBR } from '../../../shared/ui-format/input-masks';
import { useSession } from '../../store/session';
import { downloadCsv } from '../dashboard/download';
import { auditCsv, auditFileName, flagLabel } from './audit-csv';
import classes from './Audit.module.css';

// Painel → "Auditoria" (issue 8 §4), owner only: who did what and when. The rows come a page at a time and
// the table draws only what is on screen (@tanstack/react-virtual): years of writes stay smooth.

const PAGE = 500;
const EXPORT_PAGE = 5000;
const ROW_HEIGHT = 60;

type KindChoice = 'all' | AuditKind;
const KIND_OPTIONS: { value: KindChoice; label: string }[] = [
  { value: 'all', label: 'Tudo' },
  { value: 'reversals', label: 'Estornos' },
  { value: 'approvals', label: 'Aprovações fora da margem' },
  { value: 'settings', label: 'Configurações e usuários' },
];
const FLAG_COLORS: Record<NonNullable<AuditRow['flag']>, string> = { reversal: 'clay', approval: 'yellow', settings: 'blue' };

interface Filters {
  kind: KindChoice;
  userId: string | null;
  method: string | null;
  from: string;
  to: string;
}
const EMPTY: Filters = { kind: 'all', userId: null, method: null, from: '', to: '' };

/** The filters as the method's input, or the field whose date is not a date yet. */
function toInput(f: Filters): { input: Record<string, unknown> } | { bad: 'from' | 'to' } {
  const input: Record<string, unknown> = {};
  if (f.kind !== 'all') input.kind = f.kind;
  if (f.userId) input.userId = f.userId;
  if (f.method) input.method = f.method;
  for (const k of ['from', 'to'] as const) {
    if (!f[k]) continue;
    const iso = parseDateBR(f[k]);
    if (!iso) return { bad: k };
    input[k] = iso;
  }
  return { input };
}

export function AuditScreen() {
  const today = useSession((s) => s.today) ?? '';
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [data, setData] = useState<AuditListResult | null>(null);
  const [rows, setRows] = useState<AuditRow[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [dateError, setDateError] = useState<{ from?: string; to?: string }>({});
  const [exporting, setExporting] = useState(false);
  const asked = useRef(0);

  const load = useCallback(async (f: Filters) => {
    const parsed = toInput(f);
    if ('bad' in parsed) {
      // A date still being typed waits; a complete wrong one says so next to its field.
      const typed = f[parsed.bad];
      if (typed.length === 10) setDateError({ [parsed.bad]: 'Data inválida: use dd/mm/aaaa.' });
      return;
    }
    setDateError({});
    const ticket = ++asked.current;
    setLoading(true);
    try {
      const r = await call<AuditListResult>('audit.list', { ...parsed.input, limit: PAGE });
      if (ticket !== asked.current) return;
      setData(r);
      setRows(r.items);
      setError(null);
    } catch (e) {
      if (ticket !== asked.current) return;
      if (e instanceof ApiCallError && e.issues.some((i) => i.path === 'to')) setDateError({ to: e.issues.find((i) => i.path === 'to')!.message });
      else setError(e instanceof ApiCallError ? e.message : 'Não foi possível abrir a auditoria.');
    } finally {
      if (ticket === asked.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load(filters);
  }, [filters, load]);

  const more = useCallback(async () => {
    const parsed = toInput(filters);
    if ('bad' in parsed || !data || loading || rows.length >= data.total) return;
    const ticket = asked.current;
    setLoading(true);
    try {
      const r = await call<AuditListResult>('audit.list', { ...parsed.input, limit: PAGE, offset: rows.length });
      if (ticket === asked.current) setRows((prev) => [...prev, ...r.items]);
    } catch {
      // the next scroll asks again
    } finally {
      if (ticket === asked.current) setLoading(false);
    }
  }, [filters, data, loading, rows.length]);

  const exportCsv = async () => {
    const parsed = toInput(filters);
    if ('bad' in parsed || !data) return;
    setExporting(true);
    try {
      const all: AuditRow[] = [];
      for (let offset = 0; offset < data.total; offset += EXPORT_PAGE) {
        const r = await call<AuditListResult>('audit.list', { ...parsed.input, limit: EXPORT_PAGE, offset });
        all.push(...r.items);
        if (r.items.length < EXPORT_PAGE) break;
      }
      downloadCsv(auditFileName(today), auditCsv(all));
    } catch (e) {
      setError(e instanceof ApiCallError ? e.message : 'Não foi possível exportar a auditoria.');
    } finally {
      setExporting(false);
    }
  };

  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));
  const filtered = JSON.stringify(filters) !== JSON.stringify(EMPTY);

  return (
    <div className={classes.screen}>
      <header className={classes.header}>
        <div>
          <Title order={2}>Auditoria</Title>
          <Text c="dimmed">Quem fez o quê e quando. Cada gravação fica registrada aqui e não pode ser apagada.</Text>
        </div>
        <Button onClick={() => void exportCsv()} loading={exporting} disabled={!data || data.total === 0}>
          Exportar CSV
        </Button>
      </header>

      <SegmentedControl className={classes.kinds} value={filters.kind} onChange={(v) => set({ kind: v as KindChoice })} data={KIND_OPTIONS} aria-label="Mostrar" />

      <div className={classes.filters}>
        <Select
          label="Pessoa"
          placeholder="Todas"
          data={data?.people.map((p) => ({ value: p.id, label: p.name })) ?? []}
          value={filters.userId}
          onChange={(v) => set({ userId: v })}
          clearable
          className={classes.person}
        />
        <Select
          label="Ação"
          placeholder="Todas"
          data={data?.actions.map((a) => ({ value: a.method, label: a.label })) ?? []}
          value={filters.method}
          onChange={(v) => set({ method: v })}
          searchable
          clearable
          nothingFoundMessage="Nenhuma ação com esse nome"
          className={classes.action}
        />
        <TextInput label="De" placeholder="dd/mm/aaaa" inputMode="numeric" value={filters.from} onChange={(e) => set({ from: maskDateBR(e.currentTarget.value) })} error={dateError.from} className={classes.date} />
        <TextInput label="Até" placeholder="dd/mm/aaaa" inputMode="numeric" value={filters.to} onChange={(e) => set({ to: maskDateBR(e.currentTarget.value) })} error={dateError.to} className={classes.date} />
        <Button variant="subtle" onClick={() => setFilters(EMPTY)} disabled={!filtered} className={classes.clear}>
          Limpar filtros
        </Button>
      </div>

      {error && (
        <Alert color="clay" role="alert" title="A auditoria não abriu" mb="md">
          <Text size="sm">{error}</Text>
          <Button mt="sm" variant="default" onClick={() => void load(filters)}>
            Tentar de novo
          </Button>
        </Alert>
      )}

      <Text size="sm" c="dimmed" mb={4} aria-live="polite">
        {data ? countText(data) : 'Carregando…'}
        {loading && <Loader size="xs" ml="xs" aria-label="Carregando registros" />}
      </Text>
      {data && <AuditTable rows={rows} total={data.total} onNearEnd={() => void more()} />}
    </div>
  );
}

const countText = (d: AuditListResult) =>
  d.total === 0 ? 'Nenhum registro com estes filtros.' : `${d.total.toLocaleString('pt-BR')}${d.totalCapped ? ' ou mais' : ''} ${d.total === 1 ? 'registro' : 'registros'}, do mais novo ao mais antigo.`;

/** The rows as an ARIA table; only the visible ones are in the page. */
function AuditTable({ rows, total, onNearEnd }: { rows: AuditRow[]; total: number; onNearEnd(): void }) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const items = virtualizer.getVirtualItems();
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (rows.length < total && last >= rows.length - 20) onNearEnd();
  }, [last, rows.length, total, onNearEnd]);

  return (
    <div role="table" aria-label="Registros da auditoria" aria-rowcount={total + 1} className={classes.table}>
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className={`${classes.row} ${classes.head}`}>
          <span role="columnheader">Quando</span>
          <span role="columnheader">Pessoa</span>
          <span role="columnheader">Ação</span>
          <span role="columnheader">Detalhes</span>
        </div>
      </div>
      {/* Focusable so the keyboard can scroll a long trail with the arrow keys. */}
      <div ref={scroller} className={classes.scroll} tabIndex={0} role="rowgroup" aria-label="Registros, role para ver mais">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((v) => {
            const r = rows[v.index];
            return (
              <div
                key={r.id}
                role="row"
                aria-rowindex={v.index + 2}
                className={`${classes.row} ${r.flag ? classes.flagged : ''}`}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${v.start}px)` }}
              >
                <span role="cell" className={classes.when}>
                  {r.date}
                  <Text component="span" c="dimmed" size="sm" display="block">
                    {r.time}
                  </Text>
                </span>
                <span role="cell" className={classes.cellText}>
                  {r.userName}
                  {r.via !== 'Tela' && r.via !== r.userName && (
                    <Text component="span" c="dimmed" size="sm" display="block">
                      {r.via}
                    </Text>
                  )}
                </span>
                <span role="cell" className={classes.cellText}>
                  {r.action}
                  {r.flag && (
                    <Badge color={FLAG_COLORS[r.flag]} variant="light" radius="sm" size="sm" tt="none" display="block" mt={2} w="fit-content">
                      {flagLabel(r.flag)}
                    </Badge>
                  )}
                </span>
                <span role="cell" className={classes.details} title={r.details}>
                  {r.approvedBy && <strong>Aprovado por {r.approvedBy}. </strong>}
                  {r.details}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
