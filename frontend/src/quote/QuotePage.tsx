import { Anchor, Breadcrumbs, Stack, Title } from '@mantine/core';
import { Link } from 'react-router';
import { usePageTitle } from '../shell/usePageTitle';
import { QuotePanel } from './QuotePanel';

export function QuotePage() {
  usePageTitle('Quote a call');
  return (
    <Stack gap="md" maw={1100}>
      <Breadcrumbs>
        <Anchor component={Link} to="/tariffs">
          Tariffs &amp; rates
        </Anchor>
        <span>Quote a call</span>
      </Breadcrumbs>
      <Title order={2}>Quote a call</Title>
      <QuotePanel />
    </Stack>
  );
}
