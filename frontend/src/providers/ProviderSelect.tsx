import { Select, type SelectProps } from '@mantine/core';
import { useQuery } from 'urql';
import { ProviderListQuery } from './documents';
import { CDR_FORMAT_LABELS } from './providerForm';

// A constant: urql runs the query again whenever the context object changes.
const providersContext = { additionalTypenames: ['Provider'] };

type Props = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: string | null;
  onChange: (id: string | null) => void;
};

/** The provider a CDR file comes from; its format and time zone decide how the file is read. */
export function ProviderSelect({ value, onChange, ...props }: Props) {
  const [{ data, fetching, error }] = useQuery({ query: ProviderListQuery, context: providersContext });
  const providers = (data?.providers.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  return (
    <Select
      {...props}
      value={value}
      onChange={onChange}
      data={providers.map((p) => ({ value: p.id, label: `${p.name} (${CDR_FORMAT_LABELS[p.cdrFormat]})` }))}
      allowDeselect={false}
      searchable={providers.length > 8}
      error={props.error ?? (error ? 'Could not load providers' : undefined)}
      placeholder={fetching && !data ? 'Loading providers…' : providers.length === 0 ? 'No providers yet' : 'Choose the provider'}
      nothingFoundMessage="No provider by that name"
    />
  );
}
