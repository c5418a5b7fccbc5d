import { Anchor, Badge, Breadcrumbs, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useMemo } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { CursorPager, useUrlCursor } from '../common/CursorPager';
import { LoadError, LoadingRows } from '../common/loading';
import { countOf } from '../common/numbers';
import { pageVariables } from '../common/pager';
import { useFormat } from '../common/useFormat';
import { invoiceDay, statusColors, statusLabels } from '../invoices/labels';
import { NotFound } from '../shell/NotFound';
import { usePageTitle } from '../shell/usePageTitle';
import { BillingRunQuery } from './documents';
import { RunProgress } from './RunProgress';
import { useRunProgress } from './useRunProgress';

const PAGE_SIZE = 25;
const runTypes = { additionalTypenames: ['BillingRun', 'Invoice'] };

/** One billing run: its progress or figures, and the invoices it issued in number order. */
export function BillingRunPage() {
  const { id = '' } = useParams();
  const format = useFormat();
  const navigate = useNavigate();
  const [cursor, goTo] = useUrlCursor();
  const variables = useMemo(() => ({ id, ...pageVariables(PAGE_SIZE, cursor) }), [id, cursor]);
  const [{ data, error }, refetch] = useQuery({ query: BillingRunQuery, variables, context: runTypes });
  const node = data?.node?.__typename === 'BillingRun' ? data.node : null;
  const run = useRunProgress(node);
  usePageTitle(run ? `Billing run ${run.periodName ?? ''}` : 'Billing run');
  const connection = data?.invoices;
  const invoices = (connection?.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  // The invoices appear when the run ends: ask for them once the progress says so.
  const ended = run?.status === 'COMPLETED' || run?.status === 'FAILED';
  const queriedStatus = node?.status;
  useEffect(() => {
    if (ended && (queriedStatus === 'DRAFT' || queriedStatus === 'RUNNING')) refetch({ requestPolicy: 'network-only' });
  }, [ended, queriedStatus, refetch]);

  if (data && !node) return <NotFound />;
  return (
    <Stack gap="lg">
      <Breadcrumbs>
        <Anchor component={Link} to="/billing-runs">
          Billing runs
        </Anchor>
        <Text>{run?.periodName ?? '…'}</Text>
      </Breadcrumbs>
      <Title order={2}>Billing run {run?.periodName}</Title>
      <LoadError title="Could not load the billing run" error={error} />
      {!run ? (
        <LoadingRows label="Loading the billing run" rows={4} height={40} />
      ) : (
        <Paper withBorder radius="md" p="lg">
          <RunProgress run={run} linkToRun={false} />
        </Paper>
      )}
      {connection && connection.totalCount > 0 && (
        <>
          <Title order={3}>Invoices of this run</Title>
          <Paper withBorder radius="md">
            <Table.ScrollContainer minWidth={640}>
              <Table highlightOnHover verticalSpacing="sm" aria-label="Invoices of this run">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Number</Table.Th>
                    <Table.Th>Customer</Table.Th>
                    <Table.Th>Issued</Table.Th>
                    <Table.Th>Due</Table.Th>
                    <Table.Th ta="right">Net</Table.Th>
                    <Table.Th ta="right">Total</Table.Th>
                    <Table.Th>Status</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {invoices.map((inv) => (
                    <Table.Tr
                      key={inv.id}
                      style={{ cursor: 'pointer' }}
                      onClick={(e) => {
                        if ((e.target as HTMLElement).closest('a')) return;
                        navigate(`/invoices/${inv.id}`);
                      }}
                    >
                      <Table.Td ff="monospace">
                        <Anchor component={Link} to={`/invoices/${inv.id}`} fw={500}>
                          {inv.number}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{inv.customerName}</Text>
                        <Text size="xs" c="dimmed" ff="monospace">
                          {inv.customerReference}
                        </Text>
                      </Table.Td>
                      <Table.Td>{invoiceDay(inv.issueDate)}</Table.Td>
                      <Table.Td>{invoiceDay(inv.dueDate)}</Table.Td>
                      <Table.Td ta="right" ff="monospace">
                        {format.total(inv.netTotal)}
                      </Table.Td>
                      <Table.Td ta="right" ff="monospace" fw={500}>
                        {format.total(inv.total)}
                      </Table.Td>
                      <Table.Td>
                        <Badge color={statusColors[inv.status]} variant="light">
                          {statusLabels[inv.status]}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
          <CursorPager
            connection={connection}
            pageSize={PAGE_SIZE}
            summary={`${countOf(connection.totalCount, 'invoice')}, in number order`}
            onPage={goTo}
          />
        </>
      )}
    </Stack>
  );
}
