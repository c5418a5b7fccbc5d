import { Stack, Text, Title } from '@mantine/core';
import { usePageTitle } from '../shell/usePageTitle';
import { CallsBrowser } from './CallsBrowser';

export function CallListPage() {
  usePageTitle('Calls');
  return (
    <Stack gap="md">
      <Title order={2}>Calls</Title>
      <Text c="dimmed" size="sm" maw={760}>
        Every call of every uploaded CDR file, as its last analysis priced it. Calls of a file that is not processed yet
        are not charged to anyone until it is.
      </Text>
      <CallsBrowser />
    </Stack>
  );
}
