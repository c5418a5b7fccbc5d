import { Select, type SelectProps } from '@mantine/core';
import { useQuery } from 'urql';
import { ProviderPickerQuery } from './documents';
import { ANY_PROVIDER } from './sheets';

// Select options need a value; "any provider" is the absence of one.
const ANY = '__any__';

export type ProviderOption = { id: string; name: string; timeZone: string };

type Props = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: string | null;
  onChange: (id: string | null, provider: ProviderOption | null) => void;
};

/** Provider picker whose first choice is "Any provider" (no provider). */
export function ProviderSelect({ value, onChange, ...props }: Props) {
  const [{ data, fetching, error }] = useQuery({ query: ProviderPickerQuery });
  const providers = (data?.providers.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
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
      searchable={providers.length > 8}
      error={props.error ?? (error ? 'Could not load providers' : undefined)}
      rightSectionPointerEvents="none"
      placeholder={fetching && !data ? 'Loading providers…' : undefined}
    />
  );
}
