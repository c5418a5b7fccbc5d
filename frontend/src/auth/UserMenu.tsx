import { Badge, Button, Menu, Text, Tooltip } from '@mantine/core';
import { IconChevronDown, IconLogout, IconUser } from '@tabler/icons-react';
import { useState } from 'react';
import { useSession } from './SessionContext';
import { signOut } from './session';

const roleNames = {
  ADMIN: 'Admin',
  BILLING: 'Billing',
  READONLY: 'Read only',
} as const;

/** The header's right-hand side: who is signed in, and sign-out; or a loud warning in development mode. */
export function UserMenu() {
  const session = useSession();
  const [busy, setBusy] = useState(false);
  if (session.mode === 'dev') {
    return (
      <Tooltip
        label="TOLLGATE_AUTH=dev: nobody signs in and everyone who reaches this server is an admin. Use it on your own machine only."
        multiline
        w={280}
      >
        <Badge color="red" variant="filled" size="lg" tabIndex={0} aria-label="Development mode: no sign-in">
          <Text span inherit visibleFrom="sm">
            Development mode: no sign-in
          </Text>
          <Text span inherit hiddenFrom="sm">
            Dev mode
          </Text>
        </Badge>
      </Tooltip>
    );
  }
  if (!session.user) return null;
  const u = session.user;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          size="compact-sm"
          leftSection={<IconUser size={16} />}
          rightSection={<IconChevronDown size={14} />}
          aria-label={`Signed in as ${u.email}`}
        >
          <Text size="sm" visibleFrom="sm" span>
            {u.email}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          {u.email}
          {u.role && ` · ${roleNames[u.role]}`}
        </Menu.Label>
        <Menu.Item
          leftSection={<IconLogout size={16} />}
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            try {
              await signOut();
            } finally {
              window.location.assign('/sign-in');
            }
          }}
        >
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
