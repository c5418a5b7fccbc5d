import { Button, EmptyState } from '@mantine/core';
import { IconMapQuestion } from '@tabler/icons-react';
import { Link } from 'react-router';
import { usePageTitle } from './usePageTitle';

export function NotFound() {
  usePageTitle('Page not found');
  return (
    <EmptyState
      mt="xl"
      icon={<IconMapQuestion size={28} />}
      withIndicatorBackground
      title="Page not found"
      description="There is nothing at this address. It may have been moved, or the link may be mistyped."
    >
      <EmptyState.Actions>
        <Button component={Link} to="/customers">
          Go to Customers
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
