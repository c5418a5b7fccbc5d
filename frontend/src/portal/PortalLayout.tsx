import { Box, Button, Container, Group, Text, ThemeIcon } from '@mantine/core';
import { IconFileInvoice, IconHome, IconPhoneCall, IconReceipt2 } from '@tabler/icons-react';
import { Link, Outlet, useLocation } from 'react-router';
import { UserMenu } from '../auth/UserMenu';
import { ColorSchemeToggle } from '../shell/ColorSchemeToggle';
import classes from '../shell/Layout.module.css';
import { usePortalAccount } from './PortalApp';

const links = [
  { to: '/portal', label: 'Home', icon: IconHome },
  { to: '/portal/invoices', label: 'Invoices', icon: IconFileInvoice },
  { to: '/portal/calls', label: 'Calls', icon: IconPhoneCall },
];

function isActive(to: string, pathname: string): boolean {
  if (to === '/portal') return pathname === '/portal' || pathname === '/portal/';
  return pathname === to || pathname.startsWith(`${to}/`);
}

/** The portal's frame: the reseller's name, the three pages, who is signed in. */
export function PortalLayout() {
  const { companyName } = usePortalAccount();
  const { pathname } = useLocation();
  return (
    <>
      <a href="#main" className={classes.skip}>
        Skip to content
      </a>
      <Box component="header" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }} bg="var(--mantine-color-body)">
        <Container size="lg" py="xs">
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <Group gap="xs" wrap="nowrap" miw={0}>
              <ThemeIcon size="md" radius="md" aria-hidden>
                <IconReceipt2 size={18} />
              </ThemeIcon>
              <Text fw={700} size="lg" truncate="end" data-testid="portal-company">
                {companyName || 'Your account'}
              </Text>
            </Group>
            <Group gap="xs" wrap="nowrap">
              <UserMenu />
              <ColorSchemeToggle />
            </Group>
          </Group>
          <Group component="nav" aria-label="Portal" gap={4} mt="xs" wrap="nowrap">
            {links.map((l) => {
              const active = isActive(l.to, pathname);
              return (
                <Button
                  key={l.to}
                  component={Link}
                  to={l.to}
                  size="compact-md"
                  variant={active ? 'light' : 'subtle'}
                  color={active ? undefined : 'gray'}
                  aria-current={active ? 'page' : undefined}
                  leftSection={<l.icon size={16} stroke={1.6} />}
                >
                  {l.label}
                </Button>
              );
            })}
          </Group>
        </Container>
      </Box>
      <Container size="lg" py="lg" component="main" id="main" tabIndex={-1} className={classes.main}>
        <Outlet />
      </Container>
    </>
  );
}
