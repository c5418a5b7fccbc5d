import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  EmptyState,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAddressBook, IconPlus, IconSearch } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { LoadError, LoadingRows } from '../common/loading';
import { CursorPager, useUrlCursor } from '../common/CursorPager';
import { countOf } from '../common/numbers';
import { withCursor } from '../common/pager';
import { sortFromParams, sortToParams } from '../common/sort';
import { SortTh } from '../common/SortTh';
import { useFormat } from '../common/useFormat';
import { BulkTariffBar } from './BulkTariffBar';
import { CustomerListQuery } from './documents';
import { billingTypeLabels, statusColors, statusLabels } from './labels';
import { CUSTOMER_SORT_FIELDS, CUSTOMERS_BY_NAME, customerListVariables, PAGE_SIZE } from './pagination';
import { usePageTitle } from '../shell/usePageTitle';

// urql's document cache only refreshes a query when a mutation returns a type
// the query's last result contained; an empty list contains none.
const listContext = { additionalTypenames: ['Customer'] };

export function CustomerListPage() {
  usePageTitle('Customers');
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const q = params.get('q') ?? '';
  const [{ after, before }, goTo] = useUrlCursor();
  const format = useFormat();

  const [search, setSearch] = useState(q);
  const [debouncedSearch] = useDebouncedValue(search, 300);

  // A new search starts again from the first page.
  useEffect(() => {
    if (debouncedSearch.trim() === q) return;
    setParams(
      (p) => {
        const next = withCursor(p, {});
        if (debouncedSearch.trim()) next.set('q', debouncedSearch.trim());
        else next.delete('q');
        return next;
      },
      { replace: true },
    );
  }, [debouncedSearch, q, setParams]);

  const sort = useMemo(() => sortFromParams(params, CUSTOMER_SORT_FIELDS, CUSTOMERS_BY_NAME), [params]);
  const onSort = (s: typeof sort) => setParams((p) => sortToParams(p, s, CUSTOMERS_BY_NAME));

  const variables = useMemo(() => customerListVariables({ q, sort, after, before }), [q, sort, after, before]);
  const [{ data, fetching, error }] = useQuery({ query: CustomerListQuery, variables, context: listContext });

  const connection = data?.customers;
  const customers = (connection?.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));

  // Customers chosen for a bulk change: those of the page shown.
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const shown = customers.filter((c) => selected.has(c.id));
  const allShown = customers.length > 0 && shown.length === customers.length;
  const toggle = (id: string) =>
    setSelected((cur) => {
      const next = new Set(cur);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>Customers</Title>
        <Button component={Link} to="/customers/new" leftSection={<IconPlus size={16} />}>
          New customer
        </Button>
      </Group>

      <TextInput
        aria-label="Search customers"
        placeholder="Search by name or reference"
        leftSection={<IconSearch size={16} />}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        maw={420}
        type="search"
      />

      <LoadError title="Could not load customers" error={error} />

      {shown.length > 0 && <BulkTariffBar customers={shown} onDone={() => setSelected(new Set())} />}

      {!data && fetching ? (
        <LoadingRows label="Loading customers" rows={6} height={36} />
      ) : customers.length === 0 && !error ? (
        q ? (
          <EmptyState
            mt="xl"
            icon={<IconSearch size={28} />}
            withIndicatorBackground
            title={`No customer matches “${q}”`}
            description="Search looks in customer names and references. Check the spelling or try fewer letters."
          />
        ) : (
          <EmptyState
            mt="xl"
            variant="light"
            icon={<IconAddressBook size={28} />}
            title="No customers yet"
            description="Every charge and invoice belongs to a customer. Add your first customer, then give it the CLIs its calls come from."
          >
            <EmptyState.Actions>
              <Button component={Link} to="/customers/new" leftSection={<IconPlus size={16} />}>
                New customer
              </Button>
            </EmptyState.Actions>
          </EmptyState>
        )
      ) : (
        customers.length > 0 && (
          <Paper withBorder radius="md">
            <Table.ScrollContainer minWidth={720}>
              <Table highlightOnHover verticalSpacing="sm" aria-label="Customers">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={40}>
                      <Checkbox
                        aria-label="Choose every customer on this page"
                        checked={allShown}
                        indeterminate={shown.length > 0 && !allShown}
                        onChange={() => setSelected(allShown ? new Set() : new Set(customers.map((c) => c.id)))}
                      />
                    </Table.Th>
                    <SortTh field="REFERENCE" sort={sort} onSort={onSort}>
                      Reference
                    </SortTh>
                    <SortTh field="NAME" sort={sort} onSort={onSort}>
                      Name
                    </SortTh>
                    <Table.Th>Billing</Table.Th>
                    <Table.Th>Tariff</Table.Th>
                    <SortTh field="STATUS" sort={sort} onSort={onSort}>
                      Status
                    </SortTh>
                    <SortTh field="UNBILLED_TOTAL" sort={sort} onSort={onSort} firstDirection="DESC" ta="right">
                      Unbilled calls
                    </SortTh>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {customers.map((c) => (
                    <Table.Tr
                      key={c.id}
                      style={{ cursor: 'pointer' }}
                      bg={selected.has(c.id) ? 'var(--mantine-primary-color-light)' : undefined}
                      onClick={(e) => {
                        // Let real links (and ctrl-click) and the checkbox behave as they do.
                        if ((e.target as HTMLElement).closest('a, input, label')) return;
                        navigate(`/customers/${c.id}`);
                      }}
                    >
                      <Table.Td onClick={(e) => e.stopPropagation()}>
                        <Checkbox aria-label={`Choose ${c.name}`} checked={selected.has(c.id)} onChange={() => toggle(c.id)} />
                      </Table.Td>
                      <Table.Td ff="monospace">{c.reference}</Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={`/customers/${c.id}`} fw={500}>
                          {c.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        {c.billingType === 'PARENT' && c.parent ? (
                          <Text size="sm">Billed to {c.parent.name}</Text>
                        ) : (
                          <Text size="sm">{billingTypeLabels[c.billingType]}</Text>
                        )}
                      </Table.Td>
                      <Table.Td>{c.tariff?.name ?? <Text c="dimmed" size="sm">Default</Text>}</Table.Td>
                      <Table.Td>
                        <Badge color={statusColors[c.status]} variant="light">
                          {statusLabels[c.status]}
                        </Badge>
                      </Table.Td>
                      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                        {format.total(c.unbilledTotal)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )
      )}

      {connection && (
        <CursorPager connection={connection} pageSize={PAGE_SIZE} summary={countOf(connection.totalCount, 'customer')} onPage={goTo} />
      )}
    </Stack>
  );
}
