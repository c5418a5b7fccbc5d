import { Anchor, Badge, Button, Group, Paper, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatCount } from '../common/numbers';
import { useFormat } from '../common/useFormat';
import { CsvButton, type DetailedUpload } from './CountsBreakdown';
import { valueAtStake } from './reconcile';
import type { UnmatchedGroup } from './AssignCliModal';

const num = { fontVariantNumeric: 'tabular-nums' } as const;

function Section({
  title,
  count,
  color,
  report,
  reportLabel,
  description,
  children,
}: {
  title: string;
  count: number;
  color: string;
  report?: string;
  reportLabel: string;
  description: ReactNode;
  children?: ReactNode;
}) {
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-label={title}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Group gap="xs">
              <Title order={3} size="h4">
                {title}
              </Title>
              <Badge color={count > 0 ? color : 'gray'} variant="light" style={num}>
                {formatCount(count)}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed" maw={760}>
              {description}
            </Text>
          </div>
          {report && count > 0 && <CsvButton href={report} label={reportLabel} />}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}

/** Calls without customers, grouped by CLI, each with the one-click fix. */
export function UnmatchedClisSection({
  upload: u,
  canFix,
  onAssign,
}: {
  upload: DetailedUpload;
  canFix: boolean;
  onAssign: (g: UnmatchedGroup) => void;
}) {
  const groups = u.unmatchedClis;
  const format = useFormat();
  return (
    <Section
      title="Calls without a customer"
      count={u.withoutCustomer}
      color="orange"
      report={u.noCustomerReport}
      reportLabel="calls without a customer"
      description={
        u.withoutCustomer === 0
          ? 'Every call matched a customer by its CLI.'
          : 'No customer owns these calling numbers at the time of the call, so they are not charged. The value is what they are worth at the default tariff. Assign each number to its customer, then re-analyse.'
      }
    >
      {groups.length > 0 && (
        <ScrollArea.Autosize mah={420} type="auto">
          <Table striped verticalSpacing={6} aria-label="Calls without a customer by CLI">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>CLI</Table.Th>
                <Table.Th>Account</Table.Th>
                <Table.Th ta="right">Calls</Table.Th>
                <Table.Th ta="right">Value at stake</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {groups.map((g) => (
                <Table.Tr key={`${g.source}|${g.account ?? ''}`}>
                  <Table.Td style={num} title={g.source}>
                    {g.sourceDisplay}
                  </Table.Td>
                  <Table.Td ff="monospace">{g.account || <Text span c="dimmed" size="sm">—</Text>}</Table.Td>
                  <Table.Td ta="right" style={num}>
                    {formatCount(g.calls)}
                  </Table.Td>
                  <Table.Td ta="right" style={num} c={g.unvalued > 0 ? 'dimmed' : undefined}>
                    {valueAtStake(g, format.total)}
                  </Table.Td>
                  <Table.Td ta="right">
                    {canFix && (
                      <Button
                        size="xs"
                        variant="light"
                        leftSection={<IconUserPlus size={14} />}
                        onClick={() => onAssign(g)}
                        aria-label={`Assign ${g.sourceDisplay} to a customer`}
                      >
                        Assign to customer…
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
      {groups.length > 0 && groups.length >= 100 && (
        <Text size="xs" c="dimmed">
          The 100 numbers worth most are listed; the CSV has every call.
        </Text>
      )}
    </Section>
  );
}

/** Calls without rates, grouped by the first digits of the number dialled. */
export function UnratedSection({ upload: u }: { upload: DetailedUpload }) {
  return (
    <Section
      title="Calls without a rate"
      count={u.withoutRate}
      color="yellow"
      report={u.noRateReport}
      reportLabel="calls without a rate"
      description={
        u.withoutRate === 0
          ? 'Every call of a customer found a rate.'
          : 'No row of the rate sheet in force matches these destinations, so they are not charged. Add the rates to the tariff named on each row (a new rate sheet version), then re-analyse.'
      }
    >
      {u.unratedDestinations.length > 0 && (
        <ScrollArea.Autosize mah={360} type="auto">
          <Table striped verticalSpacing={6} aria-label="Calls without a rate by destination">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Destination starts</Table.Th>
                <Table.Th>For example</Table.Th>
                <Table.Th ta="right">Calls</Table.Th>
                <Table.Th>Add the rates to</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {u.unratedDestinations.map((d) => (
                <Table.Tr key={d.prefix}>
                  <Table.Td ff="monospace">{d.prefix}…</Table.Td>
                  <Table.Td ff="monospace">{d.example}</Table.Td>
                  <Table.Td ta="right" style={num}>
                    {formatCount(d.calls)}
                  </Table.Td>
                  <Table.Td>
                    {d.tariffs.length === 0 && (
                      <Anchor component={Link} to="/tariffs" size="sm">
                        a default tariff (there is none)
                      </Anchor>
                    )}
                    {d.tariffs.map((t, i) => (
                      <span key={t.id}>
                        {i > 0 && ', '}
                        <Anchor component={Link} to={`/tariffs/${t.id}`} size="sm">
                          {t.name}
                        </Anchor>
                      </span>
                    ))}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
    </Section>
  );
}

export function ExcludedSection({ upload: u }: { upload: DetailedUpload }) {
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-label="Zero duration and duplicates">
      <Title order={3} size="h4" mb={4}>
        Never charged
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Unanswered and zero-second calls, and calls already seen in this or an earlier upload.
      </Text>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text size="sm">
            Zero duration:{' '}
            <Text span fw={600} style={num}>
              {formatCount(u.zeroDuration)}
            </Text>
          </Text>
          {u.zeroDuration > 0 && <CsvButton href={u.zeroDurationReport} label="zero-duration calls" />}
        </Group>
        <Group justify="space-between">
          <Text size="sm">
            Duplicates:{' '}
            <Text span fw={600} style={num}>
              {formatCount(u.duplicates)}
            </Text>
          </Text>
          {u.duplicates > 0 && <CsvButton href={u.duplicateReport} label="duplicate calls" />}
        </Group>
      </Stack>
    </Paper>
  );
}

export function UnreadableSection({ upload: u }: { upload: DetailedUpload }) {
  return (
    <Section
      title="Unreadable lines"
      count={u.unreadable}
      color="red"
      report={u.unreadableReport}
      reportLabel="unreadable lines"
      description={
        u.unreadable === 0
          ? 'Every line could be read as a call.'
          : 'These lines could not be read as calls of this provider’s format. If they are calls, ask the provider for a corrected file.'
      }
    >
      {u.lineProblems.length > 0 && (
        <ScrollArea.Autosize mah={320} type="auto">
          <Table striped verticalSpacing={4} fz="sm" aria-label="Unreadable lines">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={80} ta="right">
                  Line
                </Table.Th>
                <Table.Th>Reason</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {u.lineProblems.map((p) => (
                <Table.Tr key={p.line}>
                  <Table.Td ta="right" style={num}>
                    {p.line}
                  </Table.Td>
                  <Table.Td>{p.reason}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
    </Section>
  );
}
