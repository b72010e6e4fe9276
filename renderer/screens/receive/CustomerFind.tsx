import { useEffect, useRef, useState } from 'react';
import { Alert, Box, Center, EmptyState, Loader, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { call, ApiCallError } from '../../api';
import type { CustomerSearchItem } from '../../../shared/contract/people';
import { IconCash, IconSearch } from '../../components/icons';
import { CustomerCells } from '../../components/CustomerCells';
import { useShortcuts } from '../../shell/keys';
import { useReceive } from './receive-store';
import classes from './Receive.module.css';

const SEARCH_DELAY_MS = 150;
const SEARCH_LIMIT = 30;
const LIST_ID = 'receive-customer-results';

/** Receber, first step: find who is paying by name, CPF, phone or the carnê number they hand over. */
export function CustomerFind() {
  const { query, setQuery, pay, focusRequest } = useReceive();
  const [debounced] = useDebouncedValue(query.trim(), SEARCH_DELAY_MS);
  const [items, setItems] = useState<CustomerSearchItem[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState('');
  const [searched, setSearched] = useState('');
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const seq = useRef(0);

  useEffect(() => {
    const mine = ++seq.current;
    if (!debounced) {
      setItems([]);
      setSearched('');
      setLoading(false);
      return;
    }
    setLoading(true);
    call<{ items: CustomerSearchItem[] }>('customers.search', { query: debounced, limit: SEARCH_LIMIT })
      .then((r) => {
        if (mine !== seq.current) return;
        setItems(r.items);
        setSearched(debounced);
        setActive(0);
        setError('');
      })
      .catch((e: unknown) => mine === seq.current && setError(e instanceof ApiCallError ? e.message : 'Não foi possível buscar os clientes.'))
      .finally(() => mine === seq.current && setLoading(false));
  }, [debounced]);

  useEffect(() => inputRef.current?.focus(), [focusRequest]);

  useShortcuts({
    Escape: () => {
      if (!query) return false;
      setQuery('');
      inputRef.current?.focus();
    },
  });

  const choose = (c: CustomerSearchItem) => pay({ id: c.id, name: c.name, cpf: c.cpf, profile: c.profile, profileReasons: c.profileReasons });

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    const moves: Record<string, () => void> = {
      ArrowDown: () => setActive((a) => Math.min(items.length - 1, a + 1)),
      ArrowUp: () => setActive((a) => Math.max(0, a - 1)),
      Enter: () => items[active] && choose(items[active]),
    };
    if (moves[e.key]) {
      e.preventDefault();
      moves[e.key]();
    }
  };

  useEffect(() => document.getElementById(`receive-customer-${active}`)?.scrollIntoView({ block: 'nearest' }), [active]);

  const hasResults = items.length > 0 && searched === debounced;
  return (
    <Box className={classes.screen}>
      <Box>
        <Title order={2}>Receber</Title>
        <Text c="dimmed" size="sm">
          Encontre o cliente e marque as parcelas que ele vai pagar.
        </Text>
      </Box>
      <TextInput
        ref={inputRef}
        autoFocus
        size="lg"
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        onKeyDown={onKeyDown}
        leftSection={<IconSearch size={20} />}
        rightSection={loading ? <Loader size="sm" /> : null}
        placeholder="Nome, CPF, telefone ou nº do carnê (ex.: A-000012)"
        aria-label="Buscar cliente por nome, CPF, telefone ou número do carnê"
        role="combobox"
        aria-expanded={hasResults}
        aria-controls={LIST_ID}
        aria-activedescendant={hasResults ? `receive-customer-${active}` : undefined}
        aria-autocomplete="list"
        autoComplete="off"
        spellCheck={false}
      />
      {error && (
        <Alert color="clay" title="Não foi possível buscar">
          {error}
        </Alert>
      )}
      {hasResults ? (
        <Box className={classes.results}>
          <div className={`${classes.resultRow} ${classes.resultHeader}`} aria-hidden="true">
            <span>Nome</span>
            <span>CPF</span>
            <span>Telefone</span>
            <span className={classes.right}>Em atraso</span>
            <span>Perfil</span>
          </div>
          <div id={LIST_ID} role="listbox" aria-label="Clientes encontrados">
            {items.map((c, i) => (
              <div
                key={c.id}
                id={`receive-customer-${i}`}
                role="option"
                aria-selected={i === active}
                data-active={i === active || undefined}
                className={classes.resultRow}
                onMouseMove={() => i !== active && setActive(i)}
                onClick={() => choose(c)}
              >
                <CustomerCells customer={c} />
              </div>
            ))}
          </div>
        </Box>
      ) : (
        <Center py={40}>
          <EmptyState
            maw={480}
            variant="light"
            icon={<IconCash size={30} />}
            title={searched && !loading && searched === debounced ? `Nenhum cliente encontrado para “${searched}”.` : 'Quem vai pagar?'}
            description={
              searched && !loading && searched === debounced
                ? 'Confira a grafia, ou busque pelo CPF, pelo telefone ou pelo número impresso no carnê.'
                : 'Digite o nome, o CPF, o telefone ou o número do carnê. Use ↑ ↓ para escolher e Enter para abrir.'
            }
          />
        </Center>
      )}
    </Box>
  );
}
