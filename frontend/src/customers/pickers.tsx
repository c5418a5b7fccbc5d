import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { customerSearchFilter } from './pagination';
import { SchedulePickerQuery } from '../schedules/documents';
import { describeSchedule } from '../schedules/scheduleForm';
import { CustomerPickerQuery, TariffPickerQuery } from './documents';

type PickerProps = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: string | null;
  onChange: (id: string | null) => void;
};

/** Tariff picker; leaving it empty means the default tariff. */
export function TariffSelect({ value, onChange, ...props }: PickerProps) {
  const [{ data, fetching, error }] = useQuery({ query: TariffPickerQuery });
  const tariffs = (data?.tariffs.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  const defaultTariff = tariffs.find((t) => t.isDefault);
  return (
    <Select
      {...props}
      value={value}
      onChange={(v) => onChange(v)}
      data={tariffs.map((t) => ({ value: t.id, label: t.isDefault ? `${t.name} (default)` : t.name }))}
      placeholder={
        fetching && !data
          ? 'Loading tariffs…'
          : defaultTariff
            ? `Default tariff (${defaultTariff.name})`
            : tariffs.length === 0
              ? 'No tariffs yet'
              : 'Default tariff'
      }
      error={props.error ?? (error ? 'Could not load tariffs' : undefined)}
      clearable
      searchable
      nothingFoundMessage="No tariff with that name"
    />
  );
}

/** Searchable picker of another customer (the parent for parent billing). */
export function ParentCustomerSelect({
  value,
  onChange,
  excludeId,
  current,
  ...props
}: PickerProps & { excludeId?: string; current?: { id: string; name: string; reference: string } | null }) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const variables = useMemo(() => ({ where: customerSearchFilter(debounced) }), [debounced]);
  const [{ data, fetching }] = useQuery({ query: CustomerPickerQuery, variables });

  const found = (data?.customers.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  const [chosen, setChosen] = useState(current ?? null);
  // The selected customer must stay in the options even when the search no longer finds it.
  const all = chosen && !found.some((c) => c.id === chosen.id) ? [chosen, ...found] : found;
  const items = all.filter((c) => c.id !== excludeId);

  return (
    <Select
      {...props}
      value={value}
      onChange={(id) => {
        setChosen(items.find((c) => c.id === id) ?? null);
        onChange(id);
      }}
      data={items.map((c) => ({ value: c.id, label: `${c.name} (${c.reference})` }))}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options /* the server already filtered */}
      nothingFoundMessage={fetching ? 'Searching…' : 'No customer found'}
      placeholder="Search by name or reference"
    />
  );
}

/** Billing schedule picker; leaving it empty puts the customer on none. */
export function ScheduleSelect({ value, onChange, ...props }: PickerProps) {
  const [{ data, fetching, error }] = useQuery({ query: SchedulePickerQuery });
  const schedules = data?.billingSchedules ?? [];
  const chosen = schedules.find((s) => s.id === value);
  return (
    <Select
      {...props}
      value={value}
      onChange={(v) => onChange(v)}
      data={schedules.map((s) => ({ value: s.id, label: s.name }))}
      description={chosen ? describeSchedule(chosen) : props.description}
      placeholder={fetching && !data ? 'Loading schedules…' : schedules.length === 0 ? 'No schedules yet' : 'On no schedule'}
      error={props.error ?? (error ? 'Could not load schedules' : undefined)}
      clearable
      searchable
      nothingFoundMessage="No schedule with that name"
    />
  );
}
