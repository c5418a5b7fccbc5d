import { Alert, Badge, Button, Group, Modal, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUserPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { useSession } from '../auth/SessionContext';
import { LoadError } from '../common/loading';
import { useFormat } from '../common/useFormat';
import type { InvitePortalUserMutation as Invitation } from '../gql/graphql';
import { apiErrorMessage } from '../graphql/errors';
import { InvitePortalUserMutation, PortalUsersQuery, SetPortalUserDisabledMutation } from '../portal/documents';
import { OneTimeLink } from '../common/OneTimeLink';

const usersContext = { additionalTypenames: ['User'] };

type Invited = Invitation['invitePortalUser'];

/** Who may sign in to the customer's portal; staff who may change things invite people and disable them. */
export function PortalAccessCard({ customerId, customerName }: { customerId: string; customerName: string }) {
  const format = useFormat();
  const session = useSession();
  const canChange = session.mode === 'dev' || (!!session.user?.role && session.user.role !== 'READONLY');
  const [{ data, error }, reexecute] = useQuery({ query: PortalUsersQuery, variables: { id: customerId }, context: usersContext });
  const [toggling, setDisabled] = useMutation(SetPortalUserDisabledMutation);
  const [inviting, setInviting] = useState(false);
  const [invited, setInvited] = useState<Invited | null>(null);
  const node = data?.customer;
  const users = node && 'portalUsers' in node ? node.portalUsers : [];

  async function toggle(u: (typeof users)[number]) {
    const r = await setDisabled({ id: u.id, disabled: !u.disabled });
    if (r.error) {
      notifications.show({ color: 'red', title: 'Not changed', message: apiErrorMessage(r.error) });
      return;
    }
    notifications.show({ color: 'teal', title: u.disabled ? 'Enabled' : 'Disabled', message: u.email });
  }

  return (
    <Paper withBorder radius="md" p="lg" maw={760} component="section" aria-label="Portal access">
      <Group justify="space-between" mb="sm" gap="xs">
        <div>
          <Title order={3} size="h4">
            Portal access
          </Title>
          <Text size="sm" c="dimmed">
            People who see {customerName}’s invoices and calls in the customer portal.
          </Text>
        </div>
        {canChange && (
          <Button variant="light" leftSection={<IconUserPlus size={16} />} onClick={() => setInviting(true)}>
            Invite to portal
          </Button>
        )}
      </Group>
      <LoadError title="Could not load the portal users" error={error} />
      {data && users.length === 0 && (
        <Text size="sm" c="dimmed">
          Nobody yet.
        </Text>
      )}
      {users.length > 0 && (
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing={6} fz="sm" aria-label="Portal users">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Email</Table.Th>
                <Table.Th>Name</Table.Th>
                <Table.Th>Last sign-in</Table.Th>
                <Table.Th>Status</Table.Th>
                {canChange && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td>{u.email}</Table.Td>
                  <Table.Td>{u.name || '—'}</Table.Td>
                  <Table.Td>{u.lastSignInAt ? format.dateTime(u.lastSignInAt) : 'Never'}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={u.disabled ? 'gray' : 'teal'}>
                      {u.disabled ? 'Disabled' : 'Active'}
                    </Badge>
                  </Table.Td>
                  {canChange && (
                    <Table.Td ta="right">
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color={u.disabled ? undefined : 'red'}
                        loading={toggling.fetching && toggling.operation?.variables.id === u.id}
                        onClick={() => toggle(u)}
                        aria-label={`${u.disabled ? 'Enable' : 'Disable'} ${u.email}`}
                      >
                        {u.disabled ? 'Enable' : 'Disable'}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <InviteModal
        opened={inviting}
        customerId={customerId}
        customerName={customerName}
        onClose={() => setInviting(false)}
        onInvited={(i) => {
          setInviting(false);
          setInvited(i);
          reexecute({ requestPolicy: 'network-only' });
        }}
      />
      <Modal opened={!!invited} onClose={() => setInvited(null)} title="Portal invitation" size="lg">
        {invited && (
          <Stack>
            {invited.emailed ? (
              <Alert color="teal">
                We emailed the activation link to <b>{invited.user.email}</b>. You can pass it on yourself too.
              </Alert>
            ) : (
              <Alert color="orange">
                The email to <b>{invited.user.email}</b> could not be sent: pass the link on yourself.
              </Alert>
            )}
            <Text size="sm">
              Whoever opens the link chooses the password, so give it only to {invited.user.email}. It works once, until{' '}
              {format.dateTime(invited.expiresAt)}.
            </Text>
            <OneTimeLink link={invited.link} label="Activation link" onDone={() => setInvited(null)} />
          </Stack>
        )}
      </Modal>
    </Paper>
  );
}

function InviteModal(props: {
  opened: boolean;
  customerId: string;
  customerName: string;
  onClose: () => void;
  onInvited: (i: Invited) => void;
}) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [{ fetching, error }, invite] = useMutation(InvitePortalUserMutation);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await invite({ customerID: props.customerId, email: email.trim(), name: name.trim() || null }, usersContext);
    if (r.data) {
      setEmail('');
      setName('');
      props.onInvited(r.data.invitePortalUser);
    }
  }

  return (
    <Modal opened={props.opened} onClose={props.onClose} title={`Invite to ${props.customerName}’s portal`}>
      <form onSubmit={submit} aria-label="Invite to portal">
        <Stack>
          <TextInput label="Email" type="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} data-autofocus />
          <TextInput label="Name" description="Optional" value={name} onChange={(e) => setName(e.currentTarget.value)} />
          {error && (
            <Alert color="red" role="alert">
              {apiErrorMessage(error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
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
