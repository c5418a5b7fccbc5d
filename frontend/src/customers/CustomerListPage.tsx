import {
  Anchor,
  Badge,
  Button,
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
import { useFormat } from '../common/useFormat';
import { CustomerListQuery } from './documents';
import { billingTypeLabels, statusColors, statusLabels } from './labels';
import { customerListVariables, PAGE_SIZE } from './pagination';
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

  const variables = useMemo(() => customerListVariables({ q, after, before }), [q, after, before]);
  const [{ data, fetching, error }] = useQuery({ query: CustomerListQuery, variables, context: listContext });

  const connection = data?.customers;
  const customers = (connection?.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));

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
                    <Table.Th>Reference</Table.Th>
                    <Table.Th>Name</Table.Th>
                    <Table.Th>Billing</Table.Th>
                    <Table.Th>Tariff</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th ta="right">Unbilled calls</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {customers.map((c) => (
                    <Table.Tr
                      key={c.id}
                      style={{ cursor: 'pointer' }}
                      onClick={(e) => {
                        // Let real links (and ctrl-click) behave as links.
                        if ((e.target as HTMLElement).closest('a')) return;
                        navigate(`/customers/${c.id}`);
                      }}
                    >
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
