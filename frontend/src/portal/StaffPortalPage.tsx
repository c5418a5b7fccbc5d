import { Anchor, Center, Container, EmptyState, Text } from '@mantine/core';
import { IconUserCircle } from '@tabler/icons-react';
import { Link } from 'react-router';
import { portalArea } from '../shell/areas';
import { usePageTitle } from '../shell/usePageTitle';

/** What staff see at /portal: the portal is the customers'; staff let them in from a customer's page. */
export function StaffPortalPage() {
  usePageTitle('Customer portal');
  return (
    <Container size="sm" py={80}>
      <EmptyState
        variant="light"
        icon={<IconUserCircle size={28} />}
        title="This is where your customers sign in"
        description={`${portalArea.purpose} To let a customer in, open the customer's page and use “Invite to portal” in its Portal access card; they choose a password from the link and sign in here with their email.`}
      />
      <Center mt="xl">
        <Text size="sm" c="dimmed">
          <Anchor component={Link} to="/customers">
            Go to the customers
          </Anchor>
        </Text>
      </Center>
    </Container>
  );
}
