import { Anchor, Center, Container, EmptyState, Text } from '@mantine/core';
import { IconUserCircle } from '@tabler/icons-react';
import { Link } from 'react-router';
import { portalArea } from '../shell/areas';
import { usePageTitle } from '../shell/usePageTitle';

/** The customer portal's entry page; the portal itself comes in a later release. */
export function PortalHome() {
  usePageTitle('Customer portal');
  return (
    <Container size="sm" py={80}>
      <EmptyState
        variant="light"
        icon={<IconUserCircle size={28} />}
        title="Customer portal: coming in a later release"
        description={portalArea.purpose}
      />
      <Center mt="xl">
        <Text size="sm" c="dimmed">
          Staff member?{' '}
          <Anchor component={Link} to="/customers">
            Back to Tollgate
          </Anchor>
        </Text>
      </Center>
    </Container>
  );
}
