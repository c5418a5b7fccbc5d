import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { IconDownload, IconFileText } from '@tabler/icons-react';
import { formatDay, nextDay } from '../common/time';
import type { PortalInvoiceSummaryFragment } from '../gql/graphql';
import { invoiceDay } from '../invoices/labels';

export type PortalInvoiceSummary = PortalInvoiceSummaryFragment;

export const num = { fontVariantNumeric: 'tabular-nums' } as const;

/** Outstanding, Overdue or Settled, as a customer reads their invoice. */
export function invoiceState(i: Pick<PortalInvoiceSummary, 'status' | 'overdue'>): { label: string; color: string } {
  if (i.status === 'SETTLED') return { label: 'Settled', color: 'teal' };
  if (i.overdue) return { label: 'Overdue', color: 'red' };
  return { label: 'Outstanding', color: 'blue' };
}

export function InvoiceStatusBadge({ invoice }: { invoice: Pick<PortalInvoiceSummary, 'status' | 'overdue'> }) {
  const s = invoiceState(invoice);
  return (
    <Badge color={s.color} variant="light">
      {s.label}
    </Badge>
  );
}

/** "1 Jun 2026 – 30 Jun 2026": the period's first and last days (periodEnd is the day after its last). */
export function periodText(start: string | null | undefined, end: string | null | undefined): string {
  if (!start || !end) return '—';
  const last = dayBefore(end);
  if (start === last) return formatDay(start);
  const [ad, am, ay] = formatDay(start).split(' ');
  const [bd, bm, by] = formatDay(last).split(' ');
  if (ay !== by) return `${formatDay(start)} – ${formatDay(last)}`;
  if (am !== bm) return `${ad} ${am} – ${bd} ${bm} ${by}`;
  return `${ad}–${bd} ${bm} ${by}`;
}

function dayBefore(day: string): string {
  const [y, m, d] = day.slice(0, 10).split('-').map(Number);
  const before = new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
  // nextDay(before) === day for any readable day; anything else is shown as given.
  return nextDay(before) === day.slice(0, 10) ? before : day;
}

/** An invoice's issue or due date: a calendar day, never moved by a zone. */
export const invoiceDate = invoiceDay;

/** The invoice PDF and call statement downloads, when they are ready. */
export function InvoiceDownloads({ invoice, size = 'xs' }: { invoice: PortalInvoiceSummary; size?: 'xs' | 'sm' }) {
  if (!invoice.pdfURL && !invoice.statementURL) return null;
  return (
    <Group gap="xs" wrap="wrap">
      {invoice.pdfURL && (
        <Button
          component="a"
          href={invoice.pdfURL}
          download
          size={size}
          variant="light"
          leftSection={<IconDownload size={14} />}
          aria-label={`Invoice ${invoice.number} PDF`}
        >
          PDF
        </Button>
      )}
      {invoice.statementURL && (
        <Button
          component="a"
          href={invoice.statementURL}
          download
          size={size}
          variant="default"
          leftSection={<IconFileText size={14} />}
          aria-label={`Call statement for invoice ${invoice.number}`}
        >
          Statement
        </Button>
      )}
    </Group>
  );
}

/** Invoices as cards, one under the other: the narrow screen's list, where a table's columns would not fit. */
export function InvoiceCards({ invoices, total, label }: { invoices: PortalInvoiceSummary[]; total: (d: string) => string; label: string }) {
  return (
    <Stack gap="xs" component="ul" aria-label={label} p={0} m={0} style={{ listStyle: 'none' }}>
      {invoices.map((i) => (
        <Paper withBorder radius="md" p="sm" component="li" key={i.id}>
          <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
            <div>
              <Anchor component={Link} to={`/portal/invoices/${i.id}`} fw={600}>
                Invoice {i.number}
              </Anchor>
              <Text size="sm" c="dimmed">
                Issued {invoiceDay(i.issueDate)}
              </Text>
              <Text size="sm" c="dimmed">
                {i.dueDate ? `Due ${invoiceDay(i.dueDate)}` : 'Due on receipt'}
              </Text>
            </div>
            <Stack gap={4} align="flex-end">
              <Text fw={700} style={num}>
                {total(i.total)}
              </Text>
              <InvoiceStatusBadge invoice={i} />
            </Stack>
          </Group>
          <Group mt="xs">
            <InvoiceDownloads invoice={i} />
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
