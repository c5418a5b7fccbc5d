import { Tabs } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useSession } from '../auth/SessionContext';

const tabs = [
  { value: '/settings', label: 'Company', admin: false },
  { value: '/settings/users', label: 'Users', admin: true },
  { value: '/settings/tokens', label: 'API tokens', admin: true },
  { value: '/settings/audit', label: 'Audit log', admin: true },
];

/** The pages under Settings, as tabs that go to their address. */
export function SettingsTabs({ current }: { current: string }) {
  const navigate = useNavigate();
  const session = useSession();
  // Users, tokens and the audit log are an admin's (the development viewer is one).
  const admin = session.mode === 'dev' || session.user?.role === 'ADMIN';
  return (
    <Tabs value={current} onChange={(v) => v && void navigate(v)} aria-label="Settings pages">
      <Tabs.List>
        {tabs
          .filter((t) => admin || !t.admin)
          .map((t) => (
            <Tabs.Tab key={t.value} value={t.value}>
              {t.label}
            </Tabs.Tab>
          ))}
      </Tabs.List>
    </Tabs>
  );
}
