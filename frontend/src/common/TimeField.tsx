import { TimePicker, type TimePickerProps } from '@mantine/dates';

type Props = Omit<TimePickerProps, 'format' | 'onChange' | 'value'> & {
  value?: string;
  onChange?: (value: string) => void;
};

/**
 * A time of day in 24-hour form whatever the browser's locale (its own time
 * field shows 12:00 AM in a US browser), as every time in Tollgate is
 * written; the value is "HH:MM".
 */
export function TimeField({ onChange, ...props }: Props) {
  return <TimePicker format="24h" {...props} onChange={(v) => onChange?.(v.slice(0, 5))} />;
}
