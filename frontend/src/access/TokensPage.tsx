import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  EmptyState,
  Group,
  Modal,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck, IconCopy, IconKey, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { LoadError, LoadingRows } from '../common/loading';
import { dayStart, nextDay, nowInZone } from '../common/time';
import { useFormat } from '../common/useFormat';
import { ParentCustomerSelect } from '../customers/pickers';
import type { ApiTokenFieldsFragment, ApiTokenRole } from '../gql/graphql';
import { apiErrorMessage } from '../graphql/errors';
import { usePageTitle } from '../shell/usePageTitle';
import { ApiTokensQuery, CreateApiTokenMutation, RevokeApiTokenMutation } from './documents';
import { SettingsTabs } from './SettingsTabs';

const listContext = { additionalTypenames: ['ApiToken'] };

export const ROLE_LABELS: Record<ApiTokenRole, string> = {
  ADMIN: 'Admin',
  BILLING: 'Billing',
  READONLY: 'Read only',
};

/** Active, revoked or expired, as the server will treat the token now. */
export function tokenState(t: Pick<ApiTokenFieldsFragment, 'revokedAt' | 'expiresAt'>, now: Date = new Date()) {
  if (t.revokedAt) return 'revoked' as const;
  if (t.expiresAt && new Date(t.expiresAt).getTime() <= now.getTime()) return 'expired' as const;
  return 'active' as const;
}

/** Admins make, list and revoke the API tokens integrations call Tollgate with. */
export function TokensPage() {
  usePageTitle('API tokens');
  const format = useFormat();
  const [{ data, fetching, error }] = useQuery({ query: ApiTokensQuery, context: listContext, requestPolicy: 'cache-and-network' });
  const [, revoke] = useMutation(RevokeApiTokenMutation);
  const [creating, setCreating] = useState(false);
  const tokens = data?.apiTokens ?? [];

  const newButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
      New token
    </Button>
  );

  const confirmRevoke = (t: ApiTokenFieldsFragment) =>
    modals.openConfirmModal({
      title: `Revoke the token “${t.name}”?`,
      children: (
        <Text size="sm">
          The integration using it is refused from its next request on. A revoked token cannot be brought back: make a new one and put
          it in the integration’s configuration.
        </Text>
      ),
      labels: { confirm: 'Revoke token', cancel: 'Keep it' },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        const result = await revoke({ id: t.id }, listContext);
        if (result.error) {
          notifications.show({ color: 'red', title: 'Token not revoked', message: apiErrorMessage(result.error) });
          return;
        }
        notifications.show({ color: 'teal', title: 'Token revoked', message: t.name });
      },
    });

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>Settings</Title>
        {newButton}
      </Group>
      <SettingsTabs current="/settings/tokens" />
      <Text c="dimmed" size="sm" maw={760}>
        An integration (a switch uploading CDR files, an accounts package fetching invoices) calls the API with a token in the header{' '}
        <Code>Authorization: Bearer tg_…</Code>. A token acts with a staff role, or for one customer only. Tokens are stored hashed:
        the secret is shown once, when you make it.
      </Text>

      <LoadError title="Could not load the API tokens" error={error} />

      {!data && fetching ? (
        <LoadingRows label="Loading tokens" rows={3} height={48} />
      ) : tokens.length === 0 && !error ? (
        <EmptyState
          mt="xl"
          variant="light"
          icon={<IconKey size={28} />}
          title="No API tokens yet"
          description="Make one for each integration, so that each can be revoked on its own."
        >
          <EmptyState.Actions>{newButton}</EmptyState.Actions>
        </EmptyState>
      ) : (
        tokens.length > 0 && (
          <Paper withBorder radius="md">
            <Table.ScrollContainer minWidth={900}>
              <Table verticalSpacing="sm" aria-label="API tokens">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Name</Table.Th>
                    <Table.Th>Acts as</Table.Th>
                    <Table.Th>Created</Table.Th>
                    <Table.Th>Expires</Table.Th>
                    <Table.Th>Last used</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {tokens.map((t) => {
                    const state = tokenState(t);
                    return (
                      <Table.Tr key={t.id}>
                        <Table.Td>
                          <Text fw={500}>{t.name}</Text>
                          <Code>{t.prefix}…</Code>
                        </Table.Td>
                        <Table.Td>
                          {t.scope === 'CUSTOMER' ? (
                            <Text size="sm">
                              Customer {t.customer ? `${t.customer.name} (${t.customer.reference})` : '(deleted)'}
                            </Text>
                          ) : (
                            <Badge variant="light">{ROLE_LABELS[t.role]}</Badge>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{format.dateTime(t.createdAt)}</Text>
                          {t.createdBy && (
                            <Text size="xs" c="dimmed">
                              by {t.createdBy}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{t.expiresAt ? format.dateTime(t.expiresAt) : 'Never'}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{t.lastUsedAt ? format.dateTime(t.lastUsedAt) : 'Not yet'}</Text>
                        </Table.Td>
                        <Table.Td>
                          {state === 'active' && (
                            <Badge color="teal" variant="light">
                              Active
                            </Badge>
                          )}
                          {state === 'expired' && (
                            <Badge color="gray" variant="light">
                              Expired
                            </Badge>
                          )}
                          {state === 'revoked' && (
                            <>
                              <Badge color="red" variant="light">
                                Revoked
                              </Badge>
                              <Text size="xs" c="dimmed">
                                {format.dateTime(t.revokedAt)}
                              </Text>
                            </>
                          )}
                        </Table.Td>
                        <Table.Td ta="right">
                          {state !== 'revoked' && (
                            <Button size="xs" variant="subtle" color="red" onClick={() => confirmRevoke(t)} aria-label={`Revoke ${t.name}`}>
                              Revoke
                            </Button>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )
      )}
      <NewTokenModal opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}

function NewTokenModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const format = useFormat();
  const [, create] = useMutation(CreateApiTokenMutation);
  const [name, setName] = useState('');
  const [scope, setScope] = useState<'ROLE' | 'CUSTOMER'>('ROLE');
  const [role, setRole] = useState<ApiTokenRole>('READONLY');
  const [customerId, setCustomerId] = useState<string | null>(null);
  const [expires, setExpires] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [made, setMade] = useState<{ name: string; secret: string } | null>(null);

  const close = () => {
    setName('');
    setScope('ROLE');
    setRole('READONLY');
    setCustomerId(null);
    setExpires(null);
    setError(null);
    setMade(null);
    onClose();
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!name.trim()) {
      setError('Give the token a name that says which integration uses it.');
      return;
    }
    if (scope === 'CUSTOMER' && !customerId) {
      setError('Choose the customer the token is for.');
      return;
    }
    setSaving(true);
    const result = await create(
      {
        input: {
          name: name.trim(),
          role: scope === 'ROLE' ? role : null,
          customerID: scope === 'CUSTOMER' ? customerId : null,
          expiresAt: expires ? dayStart(expires, format.zone) : null,
        },
      },
      listContext,
    );
    setSaving(false);
    if (result.error || !result.data) {
      setError(apiErrorMessage(result.error));
      return;
    }
    setError(null);
    setMade({ name: result.data.createApiToken.token.name, secret: result.data.createApiToken.secret });
  };

  if (made) {
    return (
      <Modal opened={opened} onClose={close} title={`Token “${made.name}” made`} size="lg" closeOnClickOutside={false}>
        <Stack>
          <Alert color="orange" icon={<IconAlertTriangle size={18} />} title="Copy the token now">
            This is the only time it is shown. Tollgate keeps only a fingerprint of it; if it is lost, revoke it and make a new one.
          </Alert>
          <Group gap="xs" wrap="nowrap" align="center">
            <Code block style={{ flex: 1, wordBreak: 'break-all' }} aria-label="The new token">
              {made.secret}
            </Code>
            <CopyButton value={made.secret}>
              {({ copied, copy }) => (
                <Button
                  variant={copied ? 'light' : 'filled'}
                  color={copied ? 'teal' : undefined}
                  leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                  onClick={copy}
                >
                  {copied ? 'Copied' : 'Copy'}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Text size="sm" c="dimmed">
            Send it in every request as <Code>Authorization: Bearer {made.secret.slice(0, 10)}…</Code>
          </Text>
          <Group justify="flex-end">
            <Button onClick={close}>I have copied it</Button>
          </Group>
        </Stack>
      </Modal>
    );
  }

  return (
    <Modal opened={opened} onClose={close} title="New API token" size="lg">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          <TextInput
            label="Name"
            description="Which integration uses it"
            placeholder="e.g. Switch CDR upload"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
            data-autofocus
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              Acts as
            </Text>
            <SegmentedControl
              value={scope}
              onChange={(v) => setScope(v as 'ROLE' | 'CUSTOMER')}
              data={[
                { value: 'ROLE', label: 'A staff role' },
                { value: 'CUSTOMER', label: 'One customer' },
              ]}
              aria-label="Acts as"
            />
          </Stack>
          {scope === 'ROLE' ? (
            <Select
              label="Role"
              description="Admin: everything, tokens and settings included. Billing: everything else. Read only: sees, changes nothing."
              value={role}
              onChange={(v) => v && setRole(v as ApiTokenRole)}
              data={(Object.keys(ROLE_LABELS) as ApiTokenRole[]).map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
              allowDeselect={false}
            />
          ) : (
            <ParentCustomerSelect
              label="Customer"
              description="The token sees this customer’s data only, as its portal does."
              value={customerId}
              onChange={setCustomerId}
            />
          )}
          <DateInput
            label="Expires"
            description={`Stops working at the start of this day (${format.zone}); leave empty for never.`}
            valueFormat="D MMM YYYY"
            value={expires}
            onChange={setExpires}
            clearable
            minDate={nextDay(nowInZone(format.zone).day)}
          />
          {error && (
            <Alert color="red" title="Token not made">
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={saving}>
              Make token
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
