import { Button, EmptyState, Title } from '@mantine/core';
import { IconHammer } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Area } from './areas';
import { usePageTitle } from './usePageTitle';

/** The page of an area that is named in the navigation but not built yet. */
export function ComingSoon({ area }: { area: Area }) {
  usePageTitle(area.label);
  return (
    <>
      <Title order={2} mb="lg">
        {area.label}
      </Title>
      <EmptyState
        mt="xl"
        variant="light"
        icon={<IconHammer size={28} />}
        title="Coming in a later release"
        description={area.purpose}
      >
        <EmptyState.Actions>
          <Button component={Link} to="/customers" variant="light">
            Go to Customers
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </>
  );
}
