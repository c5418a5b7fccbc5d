import { Select, type SelectProps } from '@mantine/core';
import { useQuery } from 'urql';
import { ProviderListQuery } from './documents';
import { formatLabel } from './providerForm';

// A constant: urql runs the query again whenever the context object changes.
const providersContext = { additionalTypenames: ['Provider'] };

/** The label of "no provider": a rate sheet or a quote for every provider. */
export const ANY_PROVIDER = 'Any provider';

// Select options need a value; "any provider" is the absence of one.
const ANY = '__any__';

export type ProviderOption = { id: string; name: string; timeZone: string };

type PickerProps = Omit<SelectProps, 'data' | 'value' | 'onChange'> & { value: string | null };

function useProviders() {
  const [{ data, fetching, error }] = useQuery({ query: ProviderListQuery, context: providersContext });
  const providers = (data?.providers.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  return {
    providers,
    formats: data?.cdrFormats,
    loading: fetching && !data,
    error: error ? 'Could not load providers' : undefined,
    searchable: providers.length > 8,
  };
}

/** The provider a CDR file comes from; its format and time zone decide how the file is read. */
export function ProviderSelect({ value, onChange, ...props }: PickerProps & { onChange: (id: string | null) => void }) {
  const { providers, formats, loading, error, searchable } = useProviders();
  return (
    <Select
      {...props}
      value={value}
      onChange={onChange}
      data={providers.map((p) => ({ value: p.id, label: `${p.name} (${formatLabel(formats, p.cdrFormat)})` }))}
      allowDeselect={false}
      searchable={searchable}
      error={props.error ?? error}
      placeholder={loading ? 'Loading providers…' : providers.length === 0 ? 'No providers yet' : 'Choose the provider'}
      nothingFoundMessage="No provider by that name"
    />
  );
}

/** A rate sheet's or a quote's provider, whose first choice is "Any provider" (no provider). */
export function AnyProviderSelect({
  value,
  onChange,
  ...props
}: PickerProps & { onChange: (id: string | null, provider: ProviderOption | null) => void }) {
  const { providers, loading, error, searchable } = useProviders();
  return (
    <Select
      {...props}
      value={value ?? ANY}
      onChange={(v) => {
        const p = providers.find((x) => x.id === v) ?? null;
        onChange(v === ANY || v === null ? null : v, p);
      }}
      data={[{ value: ANY, label: ANY_PROVIDER }, ...providers.map((p) => ({ value: p.id, label: p.name }))]}
      allowDeselect={false}
      searchable={searchable}
      error={props.error ?? error}
      rightSectionPointerEvents="none"
      placeholder={loading ? 'Loading providers…' : undefined}
    />
  );
}
