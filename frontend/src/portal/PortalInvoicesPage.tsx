import { Anchor, Box, Group, Pagination, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { LoadError, LoadingRows } from '../common/loading';
import { countOf } from '../common/numbers';
import { useFormat } from '../common/useFormat';
import { usePageTitle } from '../shell/usePageTitle';
import { PortalInvoicesQuery } from './documents';
import { InvoiceCards, InvoiceDownloads, InvoiceStatusBadge, invoiceDate, num, periodText } from './parts';

export const INVOICES_PAGE_SIZE = 25;

/** Every invoice of the customer, newest first, or the outstanding ones. */
export function PortalInvoicesPage() {
  usePageTitle('Invoices');
  const format = useFormat();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const outstanding = params.get('view') === 'outstanding';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [{ data, fetching, error }] = useQuery({
    query: PortalInvoicesQuery,
    variables: { outstanding, first: INVOICES_PAGE_SIZE, offset: (page - 1) * INVOICES_PAGE_SIZE },
  });
  const list = data?.portal.invoices;
  const pages = list ? Math.max(1, Math.ceil(list.totalCount / INVOICES_PAGE_SIZE)) : 1;

  const go = (next: { view?: string; page?: number }) => {
    const p = new URLSearchParams();
    const view = next.view ?? (outstanding ? 'outstanding' : 'all');
    if (view === 'outstanding') p.set('view', 'outstanding');
    if (next.page && next.page > 1) p.set('page', String(next.page));
    setParams(p);
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" gap="sm">
        <Title order={2}>Invoices</Title>
        <SegmentedControl
          value={outstanding ? 'outstanding' : 'all'}
          onChange={(v) => go({ view: v, page: 1 })}
          aria-label="Which invoices"
          data={[
            { value: 'all', label: 'All' },
            { value: 'outstanding', label: 'Outstanding' },
          ]}
        />
      </Group>
      <LoadError title="Your invoices could not be loaded" error={error} />
      {!list && fetching && <LoadingRows label="Loading your invoices" rows={5} height={40} />}
      {list && list.totalCount === 0 && (
        <Paper withBorder radius="md" p="xl">
          <Text ta="center" c="dimmed">
            {outstanding ? 'You have no invoices waiting to be paid.' : 'You have no invoices yet: they appear here as soon as the first one is issued.'}
          </Text>
        </Paper>
      )}
      {list && list.totalCount > 0 && (
        <>
          <Text size="sm" c="dimmed">
            {countOf(list.totalCount, outstanding ? 'outstanding invoice' : 'invoice')}
          </Text>
          <Box hiddenFrom="md">
            <InvoiceCards invoices={list.nodes} total={format.total} label="Invoices" />
          </Box>
          <Paper withBorder radius="md" style={{ opacity: fetching ? 0.7 : 1 }} visibleFrom="md">
            <Table.ScrollContainer minWidth={860}>
              <Table highlightOnHover verticalSpacing={8} fz="sm" aria-label="Invoices" style={{ whiteSpace: 'nowrap' }}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Invoice</Table.Th>
                    <Table.Th>Issued</Table.Th>
                    <Table.Th>Period</Table.Th>
                    <Table.Th>Due</Table.Th>
                    <Table.Th ta="right">Total</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th>Downloads</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.nodes.map((i) => (
                    <Table.Tr
                      key={i.id}
                      style={{ cursor: 'pointer' }}
                      onClick={(e) => {
                        if ((e.target as HTMLElement).closest('a, button')) return;
                        navigate(`/portal/invoices/${i.id}`);
                      }}
                    >
                      <Table.Td>
                        <Anchor component={Link} to={`/portal/invoices/${i.id}`} fw={600} size="sm">
                          {i.number}
                        </Anchor>
                      </Table.Td>
                      <Table.Td style={num}>{invoiceDate(i.issueDate)}</Table.Td>
                      <Table.Td style={num}>{periodText(i.periodStart, i.periodEnd)}</Table.Td>
                      <Table.Td style={num}>{i.dueDate ? invoiceDate(i.dueDate) : 'On receipt'}</Table.Td>
                      <Table.Td ta="right" style={num}>
                        {format.total(i.total)}
                      </Table.Td>
                      <Table.Td>
                        <InvoiceStatusBadge invoice={i} />
                      </Table.Td>
                      <Table.Td>
                        <InvoiceDownloads invoice={i} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
          {pages > 1 && <Pagination value={page} total={pages} onChange={(p) => go({ page: p })} aria-label="Pages of invoices" />}
        </>
      )}
    </Stack>
  );
}
