import { Group, Paper, Stack, Text } from '@mantine/core';
import { useFormat } from '../common/useFormat';
import { CallsBrowser } from './CallsBrowser';

/** A customer's calls, with what it owes for calls not yet invoiced at the top. */
export function CustomerCallsTab({ customer }: { customer: { id: string; name: string; unbilledTotal: string } }) {
  const format = useFormat();
  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="md" aria-label="Unbilled calls">
        <Group justify="space-between" align="center">
          <div>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              Unbilled calls
            </Text>
            <Text size="xl" fw={700} style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="unbilled-total">
              {format.total(customer.unbilledTotal)}
            </Text>
          </div>
          <Text size="sm" c="dimmed" maw={520}>
            The priced calls of processed uploads not yet on an invoice. Each processed CDR file adds to it; the next
            billing run turns it into a “Call Charges” charge.
          </Text>
        </Group>
      </Paper>
      <CallsBrowser customerId={customer.id} />
    </Stack>
  );
}
