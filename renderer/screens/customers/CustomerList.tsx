import { useEffect, useRef, useState } from 'react';
import { Alert, Box, Button, Center, EmptyState, Group, Loader, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useVirtualizer } from '@tanstack/react-virtual';
import { call, ApiCallError } from '../../api';
import type { CustomerSearchItem } from '../../../shared/contract/people';
import { IconSearch, IconUserPlus, IconUsers } from '../../components/icons';
import { CustomerCells } from '../../components/CustomerCells';
import { Shortcut } from '../../components/Shortcut';
import { useShortcuts } from '../../shell/keys';
import { useCustomers } from '../../store/customers';
import { LIST_ROW_HEIGHT } from '../../theme';
import classes from './CustomerList.module.css';
import { ImportButton } from '../import/ImportScreen';

const SEARCH_DELAY_MS = 150;
const SEARCH_LIMIT = 500;
const LIST_ID = 'customer-results';

type Status = 'loading' | 'ready' | 'error';

/** Clientes: search as you type (name without accents, CPF or phone digits) over a virtualized list. */
export function CustomerList() {
  const { query, setQuery, showNew, showFile, focusRequest, dataVersion } = useCustomers();
  const [debounced] = useDebouncedValue(query, SEARCH_DELAY_MS);
  const [items, setItems] = useState<CustomerSearchItem[]>([]);
  const [status, setStatus] = useState<Status>('loading');
  const [error, setError] = useState('');
  const [searched, setSearched] = useState('');
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const requestSeq = useRef(0);

  useEffect(() => {
    const seq = ++requestSeq.current;
    call<{ items: CustomerSearchItem[] }>('customers.search', { query: debounced.trim(), limit: SEARCH_LIMIT })
      .then((r) => {
        if (seq !== requestSeq.current) return; // an older answer arriving late must not replace a newer one
        setItems(r.items);
        setSearched(debounced.trim());
        setActive(0);
        setStatus('ready');
      })
      .catch((e: unknown) => {
        if (seq !== requestSeq.current) return;
        setError(e instanceof ApiCallError ? e.message : 'Não foi possível buscar os clientes.');
        setStatus('error');
      });
  }, [debounced, dataVersion]);

  // The cursor starts in the search field (CONVENTIONS.md), also when the clerk comes back to the list.
  useEffect(() => inputRef.current?.focus(), [focusRequest]);

  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => LIST_ROW_HEIGHT,
    overscan: 10,
  });

  const move = (to: number) => {
    if (!items.length) return;
    const next = Math.max(0, Math.min(items.length - 1, to));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  useShortcuts({
    Escape: () => {
      if (!query) return false;
      setQuery('');
      inputRef.current?.focus();
    },
  });

  const onSearchKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / LIST_ROW_HEIGHT) - 1);
    const moves: Record<string, () => void> = {
      ArrowDown: () => move(active + 1),
      ArrowUp: () => move(active - 1),
      PageDown: () => move(active + page),
      PageUp: () => move(active - page),
      Enter: () => items[active] && showFile(items[active].id),
    };
    const run = moves[e.key];
    if (run) {
      e.preventDefault();
      run();
    }
  };

  const hasResults = status === 'ready' && items.length > 0;
  const activeId = hasResults ? `customer-row-${active}` : undefined;

  return (
    <Box className={classes.screen}>
      <Group justify="space-between" mb="md" wrap="nowrap">
        <Title order={2}>Clientes</Title>
        <Group gap="sm" wrap="nowrap">
          <ImportButton />
          <Button leftSection={<IconUserPlus size={20} />} onClick={showNew}>
            Novo cliente
            <Shortcut keys="F3" />
          </Button>
        </Group>
      </Group>

      <TextInput
        ref={inputRef}
        autoFocus
        size="lg"
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        onKeyDown={onSearchKeyDown}
        leftSection={<IconSearch size={20} />}
        placeholder="Buscar por nome, CPF ou telefone"
        aria-label="Buscar cliente por nome, CPF ou telefone"
        role="combobox"
        aria-expanded={hasResults}
        aria-controls={LIST_ID}
        aria-activedescendant={activeId}
        aria-autocomplete="list"
        autoComplete="off"
        spellCheck={false}
        mb="xs"
      />
      <Text size="sm" c="dimmed" mb="sm" aria-live="polite">
        {status === 'ready' && items.length > 0 ? countText(items.length, searched) : '\u00a0'}
      </Text>

      {status === 'error' && (
        <Alert color="clay" title="Não foi possível buscar" mb="md">
          {error}
        </Alert>
      )}

      <Box className={classes.table}>
        <div className={`${classes.row} ${classes.header}`} aria-hidden="true">
          <span>Nome</span>
          <span>CPF</span>
          <span>Telefone</span>
          <span className={classes.right}>Em atraso</span>
          <span>Perfil</span>
        </div>

        <div ref={scrollRef} className={classes.scroller}>
          {status === 'loading' && (
            <Center h={160}>
              <Loader size="md" aria-label="Carregando clientes" />
            </Center>
          )}
          {status === 'ready' && items.length === 0 && <NoResults query={searched} onNew={showNew} />}
          {hasResults && (
            <div id={LIST_ID} role="listbox" aria-label="Clientes encontrados" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualizer.getVirtualItems().map((v) => {
                const c = items[v.index];
                return (
                  <div
                    key={c.id}
                    id={`customer-row-${v.index}`}
                    role="option"
                    aria-selected={v.index === active}
                    className={classes.row}
                    data-active={v.index === active || undefined}
                    style={{ position: 'absolute', top: 0, left: 0, right: 0, height: LIST_ROW_HEIGHT, transform: `translateY(${v.start}px)` }}
                    onMouseMove={() => v.index !== active && setActive(v.index)}
                    onClick={() => showFile(c.id)}
                  >
                    <CustomerCells customer={c} />
                  </div>
                );
              })}
            </div>
          )}
        </div>
      </Box>
      {hasResults && (
        <Text size="sm" c="dimmed" mt="xs">
          Use ↑ ↓ para escolher e Enter para abrir.
        </Text>
      )}
    </Box>
  );
}

function countText(n: number, query: string): string {
  const what = n === 1 ? '1 cliente' : `${n.toLocaleString('pt-BR')} clientes`;
  if (!query) return n >= SEARCH_LIMIT ? `Mostrando os primeiros ${what}. Digite para encontrar os outros.` : what;
  return n >= SEARCH_LIMIT ? `Mostrando os primeiros ${what} encontrados. Digite mais para refinar.` : `${what} ${n === 1 ? 'encontrado' : 'encontrados'}`;
}

function NoResults({ query, onNew }: { query: string; onNew: () => void }) {
  const first = !query;
  return (
    <Center py={48}>
      <EmptyState
        maw={460}
        variant="light"
        icon={<IconUsers size={30} />}
        title={first ? 'Nenhum cliente ainda.' : `Nenhum cliente encontrado para “${query}”.`}
        description={
          first
            ? 'Cadastre o primeiro em Novo cliente (F3).'
            : 'Confira a grafia ou busque pelo CPF ou telefone. Se for um cliente novo, cadastre em Novo cliente (F3).'
        }
      >
        <EmptyState.Actions>
          <Button variant="light" leftSection={<IconUserPlus size={20} />} onClick={onNew}>
            Novo cliente
            <Shortcut keys="F3" />
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </Center>
  );
}
