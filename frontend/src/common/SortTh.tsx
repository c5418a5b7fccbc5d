import { Group, Table, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { nextSort, type Sort, type SortDirection } from './sort';

interface Props<F extends string> {
  field: F;
  sort: Sort<F>;
  onSort: (s: Sort<F>) => void;
  /** The direction a first click sorts in: names A→Z, dates and money largest first. */
  firstDirection?: SortDirection;
  ta?: 'left' | 'right';
  title?: string;
  children: ReactNode;
}

/** A column header that orders the list by its column; aria-sort tells which column orders it now. */
export function SortTh<F extends string>({ field, sort, onSort, firstDirection = 'ASC', ta, title, children }: Props<F>) {
  const active = sort.field === field;
  const Icon = !active ? IconArrowsSort : sort.direction === 'ASC' ? IconArrowUp : IconArrowDown;
  return (
    <Table.Th ta={ta} title={title} aria-sort={active ? (sort.direction === 'ASC' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton onClick={() => onSort(nextSort(sort, field, firstDirection))} fw={700} fz="inherit">
        <Group gap={4} wrap="nowrap" justify={ta === 'right' ? 'flex-end' : 'flex-start'}>
          {children}
          <Icon size={14} stroke={1.5} color={active ? undefined : 'var(--mantine-color-dimmed)'} aria-hidden />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
