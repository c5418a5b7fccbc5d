import { Button, EmptyState, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconPackage, IconPlus, IconSearch, IconTrash } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { CursorPager, useUrlCursor } from '../common/CursorPager';
import { LoadError, LoadingRows } from '../common/loading';
import { countOf } from '../common/numbers';
import { withCursor } from '../common/pager';
import { useFormat } from '../common/useFormat';
import type { ProductFieldsFragment } from '../gql/graphql';
import { apiErrorMessage } from '../graphql/errors';
import { usePageTitle } from '../shell/usePageTitle';
import {
  CreateProductMutation,
  DeleteProductMutation,
  ProductListQuery,
  ProductPricingQuery,
  UpdateProductMutation,
} from './documents';
import { productListVariables, PRODUCT_PAGE_SIZE, PRODUCT_SORTS, toProductSort } from './pagination';
import { pricesByTariff, productToFormValues, RECURRENCE_LABELS, toProductInput, type Tariff } from './productForm';
import { ProductFormModal } from './ProductFormModal';

// An empty list holds no Product for urql's cache to notice a new one by.
const listContext = { additionalTypenames: ['Product'] };

export function ProductListPage() {
  usePageTitle('Products');
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const sort = toProductSort(params.get('sort'));
  const [{ after, before }, goTo] = useUrlCursor();
  const [search, setSearch] = useState(q);
  const [debounced] = useDebouncedValue(search, 300);
  const [editing, setEditing] = useState<ProductFieldsFragment | 'new' | null>(null);

  // A new search starts again from the first page.
  useEffect(() => {
    if (debounced.trim() === q) return;
    setParams(
      (p) => {
        const next = withCursor(p, {});
        if (debounced.trim()) next.set('q', debounced.trim());
        else next.delete('q');
        return next;
      },
      { replace: true },
    );
  }, [debounced, q, setParams]);

  const variables = useMemo(() => productListVariables({ q, sort, after, before }), [q, sort, after, before]);
  const [{ data, fetching, error }] = useQuery({ query: ProductListQuery, variables, context: listContext });
  const [pricing] = useQuery({ query: ProductPricingQuery });
  const [, createProduct] = useMutation(CreateProductMutation);
  const [, updateProduct] = useMutation(UpdateProductMutation);
  const [, deleteProduct] = useMutation(DeleteProductMutation);

  const tariffs: Tariff[] = (pricing.data?.tariffs.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  const defaultTariff = tariffs.find((t) => t.isDefault);
  const defaultTaxRate = pricing.data?.settings.company.defaultTaxRate ?? '20';
  const connection = data?.products;
  const products = (connection?.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));

  const newButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} disabled={!pricing.data}>
      New product
    </Button>
  );

  const confirmDelete = (p: ProductFieldsFragment) =>
    modals.openConfirmModal({
      title: `Delete ${p.name}?`,
      children: (
        <Text size="sm">
          The product {p.reference} and its prices are deleted. A product on any customer&apos;s charge cannot be deleted.
        </Text>
      ),
      labels: { confirm: 'Delete product', cancel: 'Keep it' },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        const result = await deleteProduct({ id: p.id }, listContext);
        if (result.error) {
          notifications.show({ color: 'red', title: 'Product not deleted', message: apiErrorMessage(result.error) });
          return;
        }
        notifications.show({ color: 'teal', title: 'Product deleted', message: `${p.name} (${p.reference})` });
      },
    });

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>Products</Title>
        {newButton}
      </Group>
      <Text c="dimmed" size="sm" maw={760}>
        What you sell besides calls: one-off fees and monthly, quarterly or yearly rentals. Add them to a customer from the
        customer&apos;s Charges tab; each run bills what is due.
      </Text>

      <Group>
        <TextInput
          aria-label="Search products"
          placeholder="Search by name, reference or category"
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={360}
          type="search"
        />
        <Select
          aria-label="Sort products"
          data={PRODUCT_SORTS}
          value={sort}
          allowDeselect={false}
          onChange={(s) =>
            setParams((p) => {
              const next = withCursor(p, {});
              next.set('sort', s ?? 'name');
              return next;
            })
          }
          w={200}
        />
      </Group>

      <LoadError title="Could not load products" error={error ?? pricing.error} />

      {!data && fetching ? (
        <LoadingRows label="Loading products" rows={5} height={36} />
      ) : products.length === 0 && !error ? (
        q ? (
          <EmptyState
            mt="xl"
            icon={<IconSearch size={28} />}
            withIndicatorBackground
            title={`No product matches “${q}”`}
            description="Search looks in product names, references and categories."
          />
        ) : (
          <EmptyState
            mt="xl"
            variant="light"
            icon={<IconPackage size={28} />}
            title="No products yet"
            description="Line rental, set-up fees, numbers, licences: create a product once, with its price on each tariff, then add it to customers."
          >
            <EmptyState.Actions>{newButton}</EmptyState.Actions>
          </EmptyState>
        )
      ) : (
        products.length > 0 && (
          <Paper withBorder radius="md">
            <Table.ScrollContainer minWidth={860}>
              <Table highlightOnHover verticalSpacing="sm" aria-label="Products">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Reference</Table.Th>
                    <Table.Th>Name</Table.Th>
                    <Table.Th>Category</Table.Th>
                    <Table.Th>Billed</Table.Th>
                    <Table.Th ta="right">Tax</Table.Th>
                    <Table.Th ta="right">Cost</Table.Th>
                    <Table.Th ta="right">Price{defaultTariff ? ` (${defaultTariff.name})` : ''}</Table.Th>
                    <Table.Th>Other tariffs</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {products.map((p) => {
                    const byTariff = pricesByTariff(p.prices ?? [], tariffs);
                    const own = byTariff.filter((t) => !t.tariff.isDefault && !t.fromDefault);
                    const defaultPrice = byTariff.find((t) => t.tariff.isDefault)?.price ?? null;
                    return (
                      <Table.Tr key={p.id} style={{ cursor: 'pointer' }} onClick={() => setEditing(p)}>
                        <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                          {p.reference}
                        </Table.Td>
                        <Table.Td fw={500}>{p.name}</Table.Td>
                        <Table.Td>{p.category ?? <Text span c="dimmed" size="sm">—</Text>}</Table.Td>
                        <Table.Td>
                          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                            {RECURRENCE_LABELS[p.recurrence]}
                          </Text>
                        </Table.Td>
                        <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                          {p.taxRate != null ? `${p.taxRate}%` : <Text span c="dimmed" size="sm">Default ({defaultTaxRate}%)</Text>}
                        </Table.Td>
                        <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>{format.total(p.costPrice)}</Table.Td>
                        <Table.Td ta="right" fw={500} style={{ fontVariantNumeric: 'tabular-nums' }}>
                          {format.total(defaultPrice)}
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" c={own.length ? undefined : 'dimmed'}>
                            {own.length
                              ? own.map((t) => `${t.tariff.name} ${format.total(t.price)}`).join(', ')
                              : tariffs.length > 1
                                ? 'All pay the default price'
                                : '—'}
                          </Text>
                        </Table.Td>
                        <Table.Td onClick={(e) => e.stopPropagation()}>
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red"
                            aria-label={`Delete ${p.name}`}
                            onClick={() => confirmDelete(p)}
                          >
                            <IconTrash size={14} />
                          </Button>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )
      )}
      {connection && (
        <CursorPager
          connection={connection}
          pageSize={PRODUCT_PAGE_SIZE}
          summary={countOf(connection.totalCount, 'product')}
          onPage={goTo}
        />
      )}

      <ProductFormModal
        opened={editing !== null}
        title={editing === 'new' ? 'New product' : `Edit ${editing?.name ?? 'product'}`}
        submitLabel={editing === 'new' ? 'Create product' : 'Save product'}
        initialValues={editing && editing !== 'new' ? productToFormValues(editing) : undefined}
        tariffs={tariffs}
        defaultTaxRate={defaultTaxRate}
        onClose={() => setEditing(null)}
        onSubmit={async (values) => {
          const input = toProductInput(values, tariffs);
          const result =
            editing === 'new' || editing === null
              ? await createProduct({ input }, listContext)
              : await updateProduct({ id: editing.id, input }, listContext);
          if (result.error) return result.error;
          notifications.show({ color: 'teal', title: editing === 'new' ? 'Product created' : 'Product saved', message: `${input.name} (${input.reference})` });
          setEditing(null);
          return undefined;
        }}
      />
    </Stack>
  );
}
