import { ActionIcon, Tooltip, useMantineColorScheme, type MantineColorScheme } from '@mantine/core';
import { IconDeviceDesktop, IconMoon, IconSun } from '@tabler/icons-react';

/** The order the toggle steps through; Mantine keeps the choice in localStorage. */
const NEXT: Record<MantineColorScheme, MantineColorScheme> = { auto: 'light', light: 'dark', dark: 'auto' };

const SCHEMES: Record<MantineColorScheme, { label: string; icon: typeof IconSun }> = {
  auto: { label: 'follows your system', icon: IconDeviceDesktop },
  light: { label: 'light', icon: IconSun },
  dark: { label: 'dark', icon: IconMoon },
};

/** The header's button that steps the colours through system, light and dark. */
export function ColorSchemeToggle() {
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const current = SCHEMES[colorScheme];
  const next = NEXT[colorScheme];
  const label = `Colours: ${current.label}. Switch to ${next === 'auto' ? 'your system’s' : SCHEMES[next].label}`;
  return (
    <Tooltip label={label}>
      <ActionIcon variant="default" size="lg" aria-label={label} onClick={() => setColorScheme(next)}>
        <current.icon size={18} stroke={1.6} />
      </ActionIcon>
    </Tooltip>
  );
}
