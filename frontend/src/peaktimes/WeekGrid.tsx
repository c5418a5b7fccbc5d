import { Box, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { BAND_COLORS, BAND_LABELS, BANDS, DAY_LABELS, DAYS, type Band } from './blocks';

const HOURS = Array.from({ length: 24 }, (_, h) => h);

/** The week at a glance: 7 rows (Mon–Sun) × 24 hours, each cell the band at the start of that hour. */
export function WeekGrid({ grid, caption }: { grid: readonly (readonly Band[])[]; caption: string }) {
  return (
    <div>
      <Table.ScrollContainer minWidth={720}>
        <Table
          withColumnBorders={false}
          verticalSpacing={2}
          horizontalSpacing={1}
          aria-label="Week grid"
          style={{ tableLayout: 'fixed' }}
        >
          <caption style={{ captionSide: 'bottom', textAlign: 'left', paddingTop: 6 }}>
            <Text size="xs" c="dimmed" span>
              {caption}
            </Text>
          </caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={44}>
                <VisuallyHidden>Day</VisuallyHidden>
              </Table.Th>
              {HOURS.map((h) => (
                <Table.Th key={h} ta="center" fz={10} fw={400} c="dimmed" p={0}>
                  {String(h).padStart(2, '0')}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {DAYS.map((day, d) => (
              <Table.Tr key={day}>
                <Table.Th scope="row" fz="sm" fw={500}>
                  {DAY_LABELS[day]}
                </Table.Th>
                {HOURS.map((h) => {
                  const band = grid[d]?.[h] ?? 'PEAK';
                  const label = `${DAY_LABELS[day]} ${String(h).padStart(2, '0')}:00 ${BAND_LABELS[band]}`;
                  return (
                    <Table.Td key={h} p={1}>
                      <Box
                        h={22}
                        title={label}
                        aria-label={label}
                        role="img"
                        data-band={band}
                        bg={`var(--mantine-color-${BAND_COLORS[band]}-${band === 'PEAK' ? 4 : 5})`}
                        style={{ borderRadius: 3 }}
                      />
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <BandLegend />
    </div>
  );
}

export function BandLegend() {
  return (
    <Group gap="md" mt="xs" aria-label="Legend">
      {BANDS.map((b) => (
        <Group key={b} gap={6}>
          <Box w={14} h={14} bg={`var(--mantine-color-${BAND_COLORS[b]}-${b === 'PEAK' ? 4 : 5})`} style={{ borderRadius: 3 }} />
          <Text size="sm">{BAND_LABELS[b]}</Text>
        </Group>
      ))}
    </Group>
  );
}
