import { Tabs } from '@mantine/core';
import { useNavigate } from 'react-router';

const tabs = [
  { value: '/settings', label: 'Company' },
  { value: '/settings/users', label: 'Users' },
  { value: '/settings/tokens', label: 'API tokens' },
  { value: '/settings/audit', label: 'Audit log' },
];

/** The pages under Settings, as tabs that go to their address. */
export function SettingsTabs({ current }: { current: string }) {
  const navigate = useNavigate();
  return (
    <Tabs value={current} onChange={(v) => v && void navigate(v)} aria-label="Settings pages">
      <Tabs.List>
        {tabs.map((t) => (
          <Tabs.Tab key={t.value} value={t.value}>
            {t.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}
