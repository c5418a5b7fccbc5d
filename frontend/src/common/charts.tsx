import { BarChart } from '@mantine/charts';
import { Paper, Text } from '@mantine/core';

const num = { fontVariantNumeric: 'tabular-nums' } as const;

/** The exact figures of a bar, read from its row: a chart only ever has rounded numbers. */
export function ChartTip({ active, payload, lines }: { active?: boolean; payload?: { payload?: unknown }[]; lines: (row: never) => string[] }) {
  const row = payload?.[0]?.payload;
  if (!active || !row) return null;
  const [title, ...rest] = lines(row as never);
  return (
    <Paper withBorder shadow="md" p="xs" radius="sm">
      <Text size="sm" fw={600}>
        {title}
      </Text>
      {rest.map((l) => (
        <Text size="sm" key={l} style={num}>
          {l}
        </Text>
      ))}
    </Paper>
  );
}

/**
 * Whole numbers of calls as bars, one per row's `label`, with the row's
 * exact figures (`tip`) on hover: the dashboard's and the portal's call charts.
 */
export function CallBars<R extends { label: string; calls: number }>(props: {
  rows: R[];
  label: string;
  color: string;
  tip: (row: R) => string[];
  h?: number;
  yWidth?: number;
  minTickGap?: number;
}) {
  return (
    <BarChart
      h={props.h ?? 220}
      data={props.rows}
      dataKey="label"
      aria-label={props.label}
      series={[{ name: 'calls', label: 'Calls', color: props.color }]}
      yAxisProps={{ width: props.yWidth ?? 40, allowDecimals: false }}
      xAxisProps={{ minTickGap: props.minTickGap ?? 16 }}
      tooltipProps={{ content: (p) => <ChartTip {...(p as object)} lines={props.tip as (row: never) => string[]} /> }}
    />
  );
}
