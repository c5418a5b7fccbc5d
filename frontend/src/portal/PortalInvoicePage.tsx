import { Alert, Anchor, Breadcrumbs, Group, Paper, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { isNotFound } from '../common/Missing';
import { LoadError } from '../common/loading';
import { useFormat } from '../common/useFormat';
import { groupLines } from '../invoices/lines';
import { usePageTitle } from '../shell/usePageTitle';
import { PortalInvoiceQuery } from './documents';
import { InvoiceDownloads, InvoiceStatusBadge, invoiceDate, num, periodText } from './parts';

/** One invoice as it was printed: its lines under their headings and categories, its totals, its PDF. */
export function PortalInvoicePage() {
  const { id = '' } = useParams();
  const [{ data, fetching, error }] = useQuery({ query: PortalInvoiceQuery, variables: { id } });
  const invoice = data?.portal.invoice;
  usePageTitle(invoice ? `Invoice ${invoice.number}` : 'Invoice');
  const format = useFormat();

  const crumbs = (
    <Breadcrumbs>
      <Anchor component={Link} to="/portal/invoices">
        Invoices
      </Anchor>
      <span>{invoice ? `Invoice ${invoice.number}` : 'Invoice'}</span>
    </Breadcrumbs>
  );
  if (!invoice) {
    return (
      <Stack gap="md">
        {crumbs}
        {isNotFound(error) ? (
          <Alert color="orange" title="No such invoice">
            This invoice is not one of yours, or it no longer exists.{' '}
            <Anchor component={Link} to="/portal/invoices">
              See your invoices
            </Anchor>
          </Alert>
        ) : (
          <LoadError title="The invoice could not be loaded" error={error} />
        )}
        {fetching && <Skeleton height={240} />}
      </Stack>
    );
  }

  const groups = groupLines(invoice.lines);
  return (
    <Stack gap="md">
      {crumbs}
      <Group justify="space-between" align="flex-start" gap="sm">
        <div>
          <Group gap="sm">
            <Title order={2}>Invoice {invoice.number}</Title>
            <InvoiceStatusBadge invoice={invoice} />
          </Group>
          <Text c="dimmed" size="sm">
            {invoice.customerName}
            {invoice.customerReference && ` · ${invoice.customerReference}`}
          </Text>
        </div>
        <InvoiceDownloads invoice={invoice} size="sm" />
      </Group>

      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Fact label="Issued">{invoiceDate(invoice.issueDate)}</Fact>
        <Fact label="Period">{periodText(invoice.periodStart, invoice.periodEnd)}</Fact>
        <Fact label="Due">{invoice.dueDate ? invoiceDate(invoice.dueDate) : 'On receipt'}</Fact>
        <Fact label={invoice.settledAt ? 'Settled' : 'To pay'}>
          {invoice.settledAt ? invoiceDate(invoice.settledAt) : format.total(invoice.total)}
        </Fact>
      </SimpleGrid>

      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing={6} fz="sm" aria-label="Invoice lines">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Description</Table.Th>
                <Table.Th ta="right">Quantity</Table.Th>
                <Table.Th ta="right">Unit price</Table.Th>
                <Table.Th ta="right">Tax</Table.Th>
                <Table.Th ta="right">Amount</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {groups.map((g) => (
                <Fragment key={`h-${g.heading}`}>
                  {g.heading && (
                    <Table.Tr>
                      <Table.Td colSpan={5} fw={700} pt="md">
                        {g.heading}
                      </Table.Td>
                    </Table.Tr>
                  )}
                  {g.categories.map((c) => (
                    <Fragment key={`c-${g.heading}-${c.category}`}>
                      {c.category && (
                        <Table.Tr>
                          <Table.Td colSpan={5} c="dimmed" fw={600} tt="uppercase" fz="xs">
                            {c.category}
                          </Table.Td>
                        </Table.Tr>
                      )}
                      {c.lines.map((l) => (
                        <Table.Tr key={l.position}>
                          <Table.Td>{l.description}</Table.Td>
                          <Table.Td ta="right" style={num}>
                            {l.quantity}
                          </Table.Td>
                          <Table.Td ta="right" style={num}>
                            {format.total(l.unitPrice)}
                          </Table.Td>
                          <Table.Td ta="right" style={num}>
                            {l.taxRate}%
                          </Table.Td>
                          <Table.Td ta="right" style={num}>
                            {format.total(l.amount)}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Fragment>
                  ))}
                </Fragment>
              ))}
              {invoice.lines.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={5} c="dimmed">
                    This invoice has no lines.
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
            <Table.Tfoot>
              <Total label="Net">{format.total(invoice.netTotal)}</Total>
              <Total label="Tax">{format.total(invoice.taxTotal)}</Total>
              <Total label="Total" strong>
                {format.total(invoice.total)}
              </Total>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      </Paper>

      {invoice.pdfURL ? (
        <Paper withBorder radius="md" visibleFrom="sm" style={{ overflow: 'hidden' }}>
          <iframe title={`Invoice ${invoice.number} PDF`} src={invoice.pdfURL} style={{ width: '100%', height: 720, border: 0, display: 'block' }} />
        </Paper>
      ) : (
        <Text size="sm" c="dimmed">
          The PDF of this invoice is being made; look again in a minute.
        </Text>
      )}
    </Stack>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" fw={600} style={num}>
        {children}
      </Text>
    </Paper>
  );
}

function Total({ label, strong, children }: { label: string; strong?: boolean; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Td colSpan={4} ta="right" fw={strong ? 700 : 500}>
        {label}
      </Table.Td>
      <Table.Td ta="right" fw={strong ? 700 : 500} style={num}>
        {children}
      </Table.Td>
    </Table.Tr>
  );
}
