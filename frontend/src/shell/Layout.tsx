import { AppShell, Burger, Divider, Group, NavLink, ScrollArea, Text, ThemeIcon } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconExternalLink, IconReceipt2 } from '@tabler/icons-react';
import { useEffect } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { UserMenu } from '../auth/UserMenu';
import { areas, portalArea } from './areas';
import { ColorSchemeToggle } from './ColorSchemeToggle';
import classes from './Layout.module.css';

/** The staff app's frame: header, navbar naming every area, and the page. */
export function Layout() {
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();

  // On small screens the navbar is a drawer: close it once the clerk has picked a page.
  useEffect(close, [location.pathname, close]);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <a href="#main" className={classes.skip}>
        Skip to content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" gap="sm">
          <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
          <ThemeIcon size="md" radius="md" aria-hidden>
            <IconReceipt2 size={18} />
          </ThemeIcon>
          <Text fw={700} size="lg">
            Tollgate
          </Text>
          <Text c="dimmed" size="sm" visibleFrom="xs">
            call billing
          </Text>
          <Group ml="auto" gap="xs">
            <UserMenu />
            <ColorSchemeToggle />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label="Main navigation">
        <AppShell.Section grow component={ScrollArea}>
          {areas.map((area) => (
            <NavLink
              key={area.path}
              component={Link}
              to={area.path}
              active={isActive(area.path, location.pathname)}
              aria-current={isActive(area.path, location.pathname) ? 'page' : undefined}
              label={area.label}
              leftSection={<area.icon size={18} stroke={1.6} />}
              rightSection={
                area.built ? undefined : (
                  <Text size="xs" c="dimmed">
                    soon
                  </Text>
                )
              }
            />
          ))}
        </AppShell.Section>
        <AppShell.Section>
          <Divider my="xs" />
          <NavLink
            component={Link}
            to={portalArea.path}
            label={portalArea.label}
            leftSection={<portalArea.icon size={18} stroke={1.6} />}
            rightSection={<IconExternalLink size={14} />}
          />
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main id="main" tabIndex={-1} className={classes.main}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}

function isActive(areaPath: string, pathname: string): boolean {
  if (areaPath === '/') return pathname === '/';
  return pathname === areaPath || pathname.startsWith(`${areaPath}/`);
}
