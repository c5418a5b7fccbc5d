import {
  Alert,
  Badge,
  Button,
  Group,
  Menu,
  Modal,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconDots, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useSession } from '../auth/SessionContext';
import { LoadError, LoadingRows } from '../common/loading';
import { useFormat } from '../common/useFormat';
import type { UserFieldsFragment, UserRole } from '../gql/graphql';
import { apiErrorMessage } from '../graphql/errors';
import { usePageTitle } from '../shell/usePageTitle';
import { OneTimeLink } from '../common/OneTimeLink';
import { InviteUserMutation, ResetUserPasswordMutation, StaffUsersQuery, UpdateUserMutation } from './documents';
import { SettingsTabs } from './SettingsTabs';

const listContext = { additionalTypenames: ['User'] };

const ROLES: { value: UserRole; label: string; what: string }[] = [
  { value: 'ADMIN', label: 'Admin', what: 'Everything, users and settings included.' },
  { value: 'BILLING', label: 'Billing', what: 'Customers, rates, uploads and billing; not users or settings.' },
  { value: 'READONLY', label: 'Read only', what: 'Sees everything, changes nothing.' },
];
const roleLabel = (r: UserRole) => ROLES.find((x) => x.value === r)?.label ?? r;

interface Shown {
  title: string;
  email: string;
  url: string;
  expiresAt: string;
}

/** Admins invite staff, change their roles, disable them and make password reset links. */
export function UsersPage() {
  usePageTitle('Users');
  const format = useFormat();
  const session = useSession();
  const [{ data, fetching, error }] = useQuery({ query: StaffUsersQuery, context: listContext, requestPolicy: 'cache-and-network' });
  const [, reset] = useMutation(ResetUserPasswordMutation);
  const [, update] = useMutation(UpdateUserMutation);
  const [inviting, setInviting] = useState(false);
  const [shown, setShown] = useState<Shown | null>(null);
  const users = data?.users.edges?.flatMap((e) => (e?.node ? [e.node] : [])) ?? [];

  async function makeReset(u: UserFieldsFragment) {
    const r = await reset({ id: u.id }, listContext);
    if (r.error || !r.data) {
      notifications.show({ color: 'red', title: 'No reset link made', message: apiErrorMessage(r.error) });
      return;
    }
    const l = r.data.resetUserPassword;
    setShown({ title: 'Password reset link', email: u.email, url: l.url, expiresAt: l.expiresAt });
  }

  async function change(u: UserFieldsFragment, input: { role?: UserRole; disabled?: boolean }, done: string) {
    const r = await update({ id: u.id, input }, listContext);
    if (r.error) {
      notifications.show({ color: 'red', title: 'Not changed', message: apiErrorMessage(r.error) });
      return;
    }
    notifications.show({ color: 'teal', title: done, message: u.email });
  }

  const confirmDisable = (u: UserFieldsFragment) =>
    modals.openConfirmModal({
      title: `Disable ${u.email}?`,
      children: (
        <Text size="sm">
          They are signed out at once and cannot sign in until an admin enables the account again. Nothing they did is removed.
        </Text>
      ),
      labels: { confirm: 'Disable', cancel: 'Keep the account' },
      confirmProps: { color: 'red' },
      onConfirm: () => change(u, { disabled: true }, 'User disabled'),
    });

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>Settings</Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setInviting(true)}>
          Invite a user
        </Button>
      </Group>
      <SettingsTabs current="/settings/users" />
      <Text c="dimmed" size="sm" maw={760}>
        Everyone on your staff signs in with their own email and password. Inviting someone gives you a one-time link for them (valid for a
        day) with which they choose their password; nobody ever has a default password.
      </Text>
      <LoadError title="Could not load the users" error={error} />
      {!data && fetching ? (
        <LoadingRows label="Loading users" rows={3} height={48} />
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="sm" aria-label="Users">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Email</Table.Th>
                  <Table.Th>Role</Table.Th>
                  <Table.Th>Last signed in</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {users.map((u) => {
                  const me = u.email === session.user?.email;
                  return (
                    <Table.Tr key={u.id}>
                      <Table.Td>
                        <Text fw={500}>{u.email}</Text>
                        {me && (
                          <Text size="xs" c="dimmed">
                            you
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Select
                          aria-label={`Role of ${u.email}`}
                          data={ROLES.map((r) => ({ value: r.value, label: r.label }))}
                          value={u.role}
                          allowDeselect={false}
                          disabled={me}
                          w={140}
                          onChange={(v) => v && v !== u.role && change(u, { role: v as UserRole }, `Now ${roleLabel(v as UserRole)}`)}
                        />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{u.lastSignInAt ? format.dateTime(u.lastSignInAt) : 'Never: invited'}</Text>
                      </Table.Td>
                      <Table.Td>{u.disabled ? <Badge color="gray">Disabled</Badge> : <Badge color="teal">Active</Badge>}</Table.Td>
                      <Table.Td>
                        <Menu position="bottom-end" withinPortal>
                          <Menu.Target>
                            <Button variant="subtle" size="compact-sm" aria-label={`Actions for ${u.email}`}>
                              <IconDots size={16} />
                            </Button>
                          </Menu.Target>
                          <Menu.Dropdown>
                            <Menu.Item disabled={u.disabled} onClick={() => makeReset(u)}>
                              Make a password reset link
                            </Menu.Item>
                            {u.disabled ? (
                              <Menu.Item onClick={() => change(u, { disabled: false }, 'User enabled')}>Enable</Menu.Item>
                            ) : (
                              <Menu.Item color="red" disabled={me} onClick={() => confirmDisable(u)}>
                                Disable
                              </Menu.Item>
                            )}
                          </Menu.Dropdown>
                        </Menu>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <InviteModal
        opened={inviting}
        onClose={() => setInviting(false)}
        onInvited={(s) => {
          setInviting(false);
          setShown(s);
        }}
      />
      <Modal opened={shown !== null} onClose={() => setShown(null)} title={shown?.title} size="lg">
        {shown && (
          <Stack>
            <Text size="sm">
              Give this link to <b>{shown.email}</b> privately (it signs in whoever opens it first). It works once, until{' '}
              {format.dateTime(shown.expiresAt)}, and is not shown again.
            </Text>
            <OneTimeLink link={shown.url} label="One-time link" onDone={() => setShown(null)} />
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}

function InviteModal({ opened, onClose, onInvited }: { opened: boolean; onClose: () => void; onInvited: (s: Shown) => void }) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<UserRole>('BILLING');
  const [{ fetching }, invite] = useMutation(InviteUserMutation);
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal opened={opened} onClose={onClose} title="Invite a user">
      <form
        aria-label="Invite a user"
        onSubmit={async (e) => {
          e.preventDefault();
          setError(null);
          const r = await invite({ input: { email, role } }, listContext);
          if (r.error || !r.data) {
            setError(apiErrorMessage(r.error));
            return;
          }
          const l = r.data.inviteUser;
          setEmail('');
          onInvited({ title: 'Invitation link', email: l.user.email, url: l.url, expiresAt: l.expiresAt });
        }}
      >
        <Stack>
          <TextInput label="Email" type="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} data-autofocus />
          <Select
            label="Role"
            data={ROLES.map((r) => ({ value: r.value, label: r.label }))}
            description={ROLES.find((r) => r.value === role)?.what}
            value={role}
            allowDeselect={false}
            onChange={(v) => v && setRole(v as UserRole)}
          />
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={fetching}>
              Invite
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
