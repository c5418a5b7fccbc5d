import { Button, Group, Paper, Progress, SimpleGrid, Stack, Table, Text, ThemeIcon, Title, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconDownload } from '@tabler/icons-react';
import { formatCount } from '../common/numbers';
import { useFormat } from '../common/useFormat';
import type { UploadDetailQuery } from '../gql/graphql';
import { countsBreakdown, type CountKey } from './counts';

export type DetailedUpload = Extract<NonNullable<UploadDetailQuery['node']>, { fileName: string }>;

const num = { fontVariantNumeric: 'tabular-nums' } as const;

export function reportOf(u: DetailedUpload, key: CountKey): string {
  switch (key) {
    case 'priced':
      return u.pricedReport;
    case 'withoutCustomer':
      return u.noCustomerReport;
    case 'withoutRate':
      return u.noRateReport;
    case 'zeroDuration':
      return u.zeroDurationReport;
    case 'duplicates':
      return u.duplicateReport;
    case 'unreadable':
      return u.unreadableReport;
  }
}

export function CsvButton({ href, label }: { href: string; label: string }) {
  return (
    <Button
      component="a"
      href={href}
      download
      variant="default"
      size="xs"
      leftSection={<IconDownload size={14} />}
      aria-label={`Download ${label} (CSV)`}
    >
      CSV
    </Button>
  );
}

/** Every line read, accounted for once, visibly adding up; and the money of the priced calls. */
export function CountsBreakdown({ upload: u }: { upload: DetailedUpload }) {
  const b = countsBreakdown(u);
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={3} size="h4">
              Analysis
            </Title>
            <Text size="sm" c="dimmed">
              Every line of the file is counted once, in the first of these that applies, from the top: a zero-second
              call from a number no customer owns counts as zero duration, a repeated call as a duplicate.
            </Text>
          </div>
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              All calls
            </Text>
            <CsvButton href={u.callsReport} label="all calls" />
          </Group>
        </Group>

        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Money label="Sell price" value={u.totalPrice} help="what the priced calls are charged" />
          <Money label="Cost" value={u.totalCost} help="what they cost you, where the rate sheet says" />
          <Money label="Margin" value={u.totalMargin} help="price minus cost, over calls with a known cost" />
        </SimpleGrid>

        <Progress.Root size={18} aria-hidden>
          {b.rows
            .filter((r) => r.count > 0)
            .map((r) => (
              <Tooltip key={r.key} label={`${r.label}: ${formatCount(r.count)}`}>
                <Progress.Section value={r.share} color={r.color} />
              </Tooltip>
            ))}
        </Progress.Root>

        <Table.ScrollContainer minWidth={540}>
        <Table verticalSpacing={6} aria-label="Counts">
          <Table.Tbody>
            {b.rows.map((r, i) => (
              <Table.Tr key={r.key}>
                <Table.Td w={24} c="dimmed" style={num}>
                  {i + 1}.
                </Table.Td>
                <Table.Td w={24}>
                  <div
                    style={{ width: 12, height: 12, borderRadius: 3, background: `var(--mantine-color-${r.color}-6)` }}
                  />
                </Table.Td>
                <Table.Th scope="row" fw={500}>
                  {r.label}
                </Table.Th>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {r.help}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" style={num} fw={600} data-testid={`count-${r.key}`}>
                  {formatCount(r.count)}
                </Table.Td>
                <Table.Td w={90} ta="right">
                  {r.count > 0 && <CsvButton href={reportOf(u, r.key)} label={r.label.toLowerCase()} />}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Td />
              <Table.Td>
                {b.addsUp && u.countsAddUp ? (
                  <ThemeIcon size={18} radius="xl" color="teal" aria-label="Adds up">
                    <IconCheck size={12} />
                  </ThemeIcon>
                ) : (
                  <ThemeIcon size={18} radius="xl" color="red" aria-label="Does not add up">
                    <IconAlertTriangle size={12} />
                  </ThemeIcon>
                )}
              </Table.Td>
              <Table.Th scope="row">Lines read</Table.Th>
              <Table.Td>
                <Text size="sm" c={b.addsUp ? 'dimmed' : 'red'} style={num}>
                  {b.addsUp
                    ? b.equation
                    : `${b.equation}, but ${formatCount(b.linesRead)} lines were read: some lines are not accounted for`}
                </Text>
              </Table.Td>
              <Table.Td ta="right" style={num} fw={700} data-testid="count-linesRead">
                {formatCount(b.linesRead)}
              </Table.Td>
              <Table.Td />
            </Table.Tr>
          </Table.Tfoot>
        </Table>
        </Table.ScrollContainer>
        {u.notVoice > 0 && (
          <Text size="sm" c="dimmed">
            Also {formatCount(u.notVoice)} {u.notVoice === 1 ? 'line' : 'lines'} of data or SMS: not voice calls, so not
            counted above and never charged here.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function Money({ label, value, help }: { label: string; value: string; help: string }) {
  const format = useFormat();
  return (
    <Paper withBorder radius="md" p="sm" bg="var(--mantine-color-default-hover)">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700} style={num} aria-label={`${label} ${format.total(value)}`}>
        {format.total(value)}
      </Text>
      <Text size="xs" c="dimmed">
        {help}
      </Text>
    </Paper>
  );
}
