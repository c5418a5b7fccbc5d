import { Alert, ScrollArea, Table, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { problemCount, type FileProblem } from './problems';

/**
 * The validation report of a refused file: every bad line with its column,
 * value and reason, and what that means for the data (nothing changed).
 */
export function ProblemsReport({
  problems,
  title,
  children,
  lineLabel = 'Line',
  formatLine = (line: number) => (line > 0 ? String(line) : 'File'),
}: {
  problems: FileProblem[];
  title: string;
  /** What stays as it was, in the clerk's words. */
  children: ReactNode;
  lineLabel?: string;
  formatLine?: (line: number) => string;
}) {
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={20} />} title={title} role="alert">
      <Text size="sm" mb="sm">
        {children}
      </Text>
      <Text size="sm" fw={600} mb={4}>
        {problemCount(problems.length)} found
      </Text>
      <ScrollArea.Autosize mah={320} type="auto">
        <Table
          withTableBorder
          striped
          verticalSpacing={4}
          fz="sm"
          aria-label="Problems"
          bg="var(--mantine-color-body)"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={70} ta="right">
                {lineLabel}
              </Table.Th>
              <Table.Th>Column</Table.Th>
              <Table.Th>Value</Table.Th>
              <Table.Th>Reason</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {problems.map((p, i) => (
              <Table.Tr key={i}>
                <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {formatLine(p.line)}
                </Table.Td>
                <Table.Td>{p.column || '—'}</Table.Td>
                <Table.Td ff="monospace">{p.value === '' ? <Text span c="dimmed" size="sm">(empty)</Text> : p.value}</Table.Td>
                <Table.Td>{p.reason}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Alert>
  );
}
