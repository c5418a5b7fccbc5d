import { DateInput, type DateInputProps } from '@mantine/dates';
import { useState } from 'react';

/**
 * A DateInput for dialogs: Esc closes its calendar and nothing else.
 *
 * A Mantine Modal closes on any Escape it sees on the window (in the capture
 * phase, before the input's own handler), unless the key's target carries
 * data-mantine-stop-propagation. DateInput's calendar keeps the focus in its
 * input, which does not carry it, so Esc on the open calendar closed the
 * whole dialog and lost what the clerk had entered (issue 10, item 7). The
 * input carries it while its calendar is open — the calendar opens on focus
 * and click typing, and closes on blur, Esc and a chosen day, as DateInput's does — so
 * the first Esc closes the calendar and a second one the dialog.
 */
export function DayInput({ onFocus, onClick, onBlur, onKeyDown, onInput, getDayProps, ...props }: DateInputProps) {
  const [calendarOpen, setCalendarOpen] = useState(false);
  return (
    <DateInput
      {...props}
      data-mantine-stop-propagation={calendarOpen || undefined}
      onFocus={(e) => {
        setCalendarOpen(true);
        onFocus?.(e);
      }}
      onClick={(e) => {
        setCalendarOpen(true);
        onClick?.(e);
      }}
      onBlur={(e) => {
        setCalendarOpen(false);
        onBlur?.(e);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') setCalendarOpen(false);
        onKeyDown?.(e);
      }}
      onInput={(e) => {
        setCalendarOpen(true);
        onInput?.(e);
      }}
      getDayProps={(day) => {
        const dayProps = getDayProps?.(day);
        return {
          ...dayProps,
          onClick: (e) => {
            setCalendarOpen(false);
            dayProps?.onClick?.(e);
          },
        };
      }}
    />
  );
}
