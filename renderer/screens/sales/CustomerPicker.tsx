import { forwardRef, useEffect, useRef, useState } from 'react';
import { Group, Loader, Select, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { call } from '../../api';
import { formatCpf } from '../../../shared/cpf';
import type { CustomerSearchItem } from '../../../shared/contract/people';
import { IconSearch } from '../../components/icons';
import type { PickedCustomer } from './sale-draft';

const SEARCH_DELAY_MS = 150;
const SEARCH_LIMIT = 30;

interface Props {
  id: string;
  value: PickedCustomer | null;
  onChange(customer: PickedCustomer | null, item: CustomerSearchItem | null): void;
  error?: string;
  autoFocus?: boolean;
}

/** "Cliente": search as you type by name (accents and case ignored), CPF or phone, then pick with ↑ ↓ Enter. */
export const CustomerPicker = forwardRef<HTMLInputElement, Props>(function CustomerPicker({ id, value, onChange, error, autoFocus }, ref) {
  const [search, setSearch] = useState(value?.name ?? '');
  const [debounced] = useDebouncedValue(search, SEARCH_DELAY_MS);
  const [items, setItems] = useState<CustomerSearchItem[]>([]);
  const [loading, setLoading] = useState(false);
  const seq = useRef(0);

  useEffect(() => setSearch(value?.name ?? ''), [value?.id, value?.name]);

  useEffect(() => {
    const query = debounced.trim();
    // The text of the chosen customer is not a new search.
    if (value && query === value.name) return;
    const mine = ++seq.current;
    setLoading(true);
    call<{ items: CustomerSearchItem[] }>('customers.search', { query, limit: SEARCH_LIMIT })
      .then((r) => mine === seq.current && setItems(r.items))
      .catch(() => mine === seq.current && setItems([]))
      .finally(() => mine === seq.current && setLoading(false));
  }, [debounced, value]);

  const byId = new Map(items.map((i) => [i.id, i]));
  const data = items.map((i) => ({ value: i.id, label: i.name }));
  // The chosen customer stays in the list, or the field would lose its name.
  if (value && !byId.has(value.id)) data.unshift({ value: value.id, label: value.name });

  return (
    <Select
      ref={ref}
      id={id}
      label="Cliente"
      required
      autoFocus={autoFocus}
      searchable
      clearable
      placeholder="Busque por nome, CPF ou telefone"
      leftSection={<IconSearch size={18} />}
      rightSection={loading ? <Loader size={16} /> : undefined}
      data={data}
      value={value?.id ?? null}
      searchValue={search}
      onSearchChange={setSearch}
      // The backend already searched (without accents, by CPF or phone digits): show what it found.
      filter={({ options }) => options}
      onChange={(chosen) => {
        if (!chosen) return onChange(null, null);
        const item = byId.get(chosen);
        if (item) onChange({ id: item.id, name: item.name, cpf: item.cpf }, item);
      }}
      renderOption={({ option }) => {
        const item = byId.get(option.value);
        return (
          <Group justify="space-between" wrap="nowrap" w="100%" gap="md">
            <Text size="sm" fw={500} truncate="end">
              {option.label}
            </Text>
            {item && (
              <Text size="sm" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                {formatCpf(item.cpf)}
              </Text>
            )}
          </Group>
        );
      }}
      nothingFoundMessage={loading ? 'Buscando…' : 'Nenhum cliente encontrado. Cadastre em Novo cliente (F3).'}
      error={error}
      comboboxProps={{ withinPortal: true }}
      maxDropdownHeight={280}
      autoComplete="off"
    />
  );
});
