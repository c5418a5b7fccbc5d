import { Button, Group, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { cursorFromParams, nextCursor, previousCursor, withCursor, type Cursor, type PageInfo } from './pager';

interface Props {
  connection: { totalCount: number; pageInfo: PageInfo };
  pageSize: number;
  /** What the list holds, e.g. "1,234 calls, newest first". */
  summary: string;
  onPage: (cursor: Cursor) => void;
  /** A list newest first pages Newer / Older rather than Previous / Next. */
  newestFirst?: boolean;
  size?: 'xs' | 'sm';
}

/** The line under a list: how many there are, and the page buttons once there is more than one page. */
export function CursorPager({ connection, pageSize, summary, onPage, newestFirst = false, size = 'sm' }: Props) {
  const { totalCount, pageInfo } = connection;
  if (totalCount === 0) return null;
  const paged = totalCount > pageSize;
  const icon = size === 'xs' ? 14 : 16;
  return (
    <Group justify="space-between">
      <Text size="sm" c="dimmed">
        {summary}
        {paged && `, ${pageSize} per page`}
      </Text>
      {paged && (
        <Group gap="xs">
          <Button
            variant="default"
            size={size}
            leftSection={<IconChevronLeft size={icon} />}
            disabled={!pageInfo.hasPreviousPage}
            onClick={() => onPage(previousCursor(pageInfo))}
          >
            {newestFirst ? 'Newer' : 'Previous'}
          </Button>
          <Button
            variant="default"
            size={size}
            rightSection={<IconChevronRight size={icon} />}
            disabled={!pageInfo.hasNextPage}
            onClick={() => onPage(nextCursor(pageInfo))}
          >
            {newestFirst ? 'Older' : 'Next'}
          </Button>
        </Group>
      )}
    </Group>
  );
}

/** The page of a list whose cursor lives in the URL, and the way to another page. */
export function useUrlCursor(): [Cursor, (cursor: Cursor) => void] {
  const [params, setParams] = useSearchParams();
  return [cursorFromParams(params), (cursor) => setParams((p) => withCursor(p, cursor))];
}
