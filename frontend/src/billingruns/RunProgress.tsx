import { Alert, Anchor, Badge, Button, Group, Paper, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconFileInvoice } from '@tabler/icons-react';
import { Link } from 'react-router';
import { formatCount } from '../common/numbers';
import { useFormat } from '../common/useFormat';
import type { BillingRunFieldsFragment } from '../gql/graphql';
import { invoiceDay } from '../invoices/labels';
import { isUnderWay, numberRange, RUN_STATUS_COLORS, RUN_STATUS_LABELS, runPercent, runSummary } from './wizard';

/** A run's live progress, and once done its figures and the way to its invoices. */
export function RunProgress({ run, linkToRun = true }: { run: BillingRunFieldsFragment; linkToRun?: boolean }) {
  const format = useFormat();
  const running = isUnderWay(run.status);
  const summary = runSummary(run);
  const numbers = numberRange(run.firstNumber, run.lastNumber);
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text fw={600} size="lg">
          Billing {run.periodName ?? 'run'}
          {run.schedule ? ` · ${run.schedule.name}` : ' · chosen customers'}
        </Text>
        <Badge color={RUN_STATUS_COLORS[run.status]} variant="light" size="lg">
          {RUN_STATUS_LABELS[run.status]}
        </Badge>
      </Group>
      <Stack gap={4}>
        <Progress
          value={running && run.customersDone === 0 ? 100 : runPercent(run)}
          striped={running}
          animated={running}
          color={run.status === 'FAILED' ? 'red' : run.status === 'COMPLETED' ? 'green' : 'violet'}
          size="lg"
          aria-label="Progress of the billing run"
          aria-valuetext={summary}
        />
        <Text size="sm" c={run.status === 'FAILED' ? 'red' : 'dimmed'} style={{ fontVariantNumeric: 'tabular-nums' }} aria-live="polite" data-testid="run-summary">
          {summary}
        </Text>
      </Stack>
      <SimpleGrid cols={{ base: 2, sm: 5 }}>
        <Figure label="Customers done" value={`${formatCount(run.customersDone)} of ${formatCount(run.customersTotal)}`} />
        <Figure label="Invoices" value={formatCount(run.invoiceCount)} />
        <Figure label="Numbers" value={numbers} />
        <Figure label="Net" value={run.status === 'COMPLETED' ? format.total(run.netTotal) : '—'} />
        <Figure label="Total" value={run.status === 'COMPLETED' ? format.total(run.total) : '—'} strong />
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        Issued {invoiceDay(run.issueDate)} · started {format.dateTime(run.startedAt ?? run.createdAt, { withZone: true })}
        {run.finishedAt && ` · finished ${format.dateTime(run.finishedAt, { seconds: true, withZone: true })}`}
        {run.status === 'COMPLETED' &&
          run.invoiceCount > 0 &&
          ` · PDF and call statement stored for ${formatCount(run.documentsDone)} of ${formatCount(run.invoiceCount)} invoices (the worker renders them after the run; emails follow)`}
      </Text>
      {run.status === 'FAILED' && (
        <Alert color="red" title="The run failed and issued nothing">
          {run.failureReason || 'The worker stopped the run.'} Fix what it says and start the run again: the period can be billed once it
          succeeds.
        </Alert>
      )}
      {run.status === 'COMPLETED' && (
        <Group>
          {run.invoiceCount > 0 ? (
            linkToRun && <Button component={Link} to={`/billing-runs/${run.id}`} leftSection={<IconFileInvoice size={16} />}>
              Open the {run.invoiceCount === 1 ? 'invoice' : `${formatCount(run.invoiceCount)} invoices`} of this run
            </Button>
          ) : (
            <Text size="sm">No invoice was issued: nothing was due, or every customer was below the minimum amount.</Text>
          )}
          <Anchor component={Link} to="/invoices" size="sm">
            All outstanding invoices
          </Anchor>
        </Group>
      )}
    </Stack>
  );
}

export function Figure({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="lg" fw={strong ? 700 : 500} ff="monospace" aria-label={label}>
        {value}
      </Text>
    </Paper>
  );
}
