import { Button, EmptyState } from '@mantine/core';
import { IconMapQuestion } from '@tabler/icons-react';
import { Link, useLocation } from 'react-router';
import { usePageTitle } from './usePageTitle';

/** An address that names no page says which address it was (issue 10, item 15). */
export function NotFound() {
  const { pathname } = useLocation();
  usePageTitle('Page not found');
  return (
    <EmptyState
      mt="xl"
      icon={<IconMapQuestion size={28} />}
      withIndicatorBackground
      title={`No page at ${pathname}`}
      description="It may have been moved, or the link may be mistyped. The main navigation lists every page."
    >
      <EmptyState.Actions>
        <Button component={Link} to="/">
          Go to the dashboard
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
