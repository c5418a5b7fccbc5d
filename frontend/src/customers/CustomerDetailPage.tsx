import {
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  DataList,
  Group,
  Paper,
  Skeleton,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconBuilding, IconFileInvoice, IconId, IconInfoCircle, IconPencil, IconPhoneCall, IconReceipt2, IconTrash } from '@tabler/icons-react';
import { useCallback } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { isNotFound, Missing } from '../common/Missing';
import { LoadError } from '../common/loading';
import { CustomerCallsTab } from '../calls/CustomerCallsTab';
import { CustomerChargesTab } from '../charges/CustomerChargesTab';
import { apiErrorMessage } from '../graphql/errors';
import { useFormat } from '../common/useFormat';
import { CliTab } from './CliTab';
import { CustomerInvoicesTab } from '../invoices/CustomerInvoicesTab';
import { CustomerQuery, DeleteCustomerMutation } from './documents';
import {
  billingTypeLabels,
  callStatementFormatLabels,
  invoiceDeliveryLabels,
  statusColors,
  statusLabels,
} from './labels';
import type { LoadedCustomer } from './loadedCustomer';
import { PortalAccessCard } from './PortalAccessCard';
import { SitesTab } from './SitesTab';
import { usePageTitle } from '../shell/usePageTitle';

export type CustomerTab = 'details' | 'clis' | 'sites' | 'calls' | 'charges' | 'invoices';

// CLIs and sites are added by their own mutations; an empty list holds no
// Cli or Site for urql's cache to notice, so name the types explicitly.
const customerContext = { additionalTypenames: ['Cli', 'Site'] };

export function CustomerDetailPage({ tab }: { tab: CustomerTab }) {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: CustomerQuery,
    variables: { id },
    context: customerContext,
  });
  const [deleting, deleteCustomer] = useMutation(DeleteCustomerMutation);
  const refetch = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const customer = data?.customer;
  usePageTitle(customer?.name ?? 'Customer');

  const confirmDelete = (c: LoadedCustomer) =>
    modals.openConfirmModal({
      title: `Delete ${c.name}?`,
      children: (
        <Text size="sm">
          The customer {c.reference} and its CLIs and sites are deleted. Customers with calls, charges or
          invoices cannot be deleted; set them to Cancelled instead.
        </Text>
      ),
      labels: { confirm: 'Delete customer', cancel: 'Keep it' },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        // The mutation returns only an ID: name the type so cached lists drop the customer.
        const result = await deleteCustomer({ id: c.id }, { additionalTypenames: ['Customer'] });
        if (result.error) {
          notifications.show({ color: 'red', title: 'Customer not deleted', message: apiErrorMessage(result.error) });
          return;
        }
        notifications.show({ color: 'teal', title: 'Customer deleted', message: `${c.name} (${c.reference})` });
        navigate('/customers');
      },
    });

  return (
    <Stack gap="md">
      <Breadcrumbs>
        <Anchor component={Link} to="/customers">
          Customers
        </Anchor>
        <span>{customer?.name ?? 'Customer'}</span>
      </Breadcrumbs>

      <LoadError title="Could not load the customer" error={isNotFound(error) ? null : error} />
      {fetching && !customer && (
        <Stack>
          <Skeleton height={34} width={320} />
          <Skeleton height={240} />
        </Stack>
      )}
      {((!fetching && !error && !customer) || isNotFound(error)) && (
        <Missing what="customer" id={id} back={{ to: '/customers', label: 'the customer list' }} />
      )}

      {customer && (
        <>
          <Group justify="space-between" align="flex-start">
            <div>
              <Group gap="sm">
                <Title order={2}>{customer.name}</Title>
                <Badge color={statusColors[customer.status]} variant="light">
                  {statusLabels[customer.status]}
                </Badge>
              </Group>
              <Text c="dimmed" ff="monospace">
                {customer.reference}
              </Text>
            </div>
            <Group gap="xs">
              <Button
                component={Link}
                to={`/customers/${customer.id}/edit`}
                variant="default"
                leftSection={<IconPencil size={16} />}
              >
                Edit
              </Button>
              <Button
                color="red"
                variant="subtle"
                leftSection={<IconTrash size={16} />}
                loading={deleting.fetching}
                onClick={() => confirmDelete(customer)}
              >
                Delete
              </Button>
            </Group>
          </Group>

          <Tabs
            value={tab}
            onChange={(t) => navigate(t === 'details' ? `/customers/${id}` : `/customers/${id}/${t}`)}
            keepMounted={false}
          >
            <Tabs.List>
              <Tabs.Tab value="details" leftSection={<IconInfoCircle size={16} />}>
                Details
              </Tabs.Tab>
              <Tabs.Tab value="clis" leftSection={<IconId size={16} />}>
                CLIs{' '}
                <Badge size="xs" variant="light" color="gray" ml={4}>
                  {customer.clis?.length ?? 0}
                </Badge>
              </Tabs.Tab>
              <Tabs.Tab value="sites" leftSection={<IconBuilding size={16} />}>
                Sites{' '}
                <Badge size="xs" variant="light" color="gray" ml={4}>
                  {customer.sites?.length ?? 0}
                </Badge>
              </Tabs.Tab>
              <Tabs.Tab value="calls" leftSection={<IconPhoneCall size={16} />}>
                Calls
              </Tabs.Tab>
              <Tabs.Tab value="charges" leftSection={<IconReceipt2 size={16} />}>
                Charges
              </Tabs.Tab>
              <Tabs.Tab value="invoices" leftSection={<IconFileInvoice size={16} />}>
                Invoices
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="details" pt="md">
              <Stack gap="md">
                <CustomerDetails customer={customer} />
                <PortalAccessCard customerId={customer.id} customerName={customer.name} />
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="clis" pt="md">
              <CliTab customer={customer} onChanged={refetch} />
            </Tabs.Panel>
            <Tabs.Panel value="sites" pt="md">
              <SitesTab customer={customer} onChanged={refetch} />
            </Tabs.Panel>
            <Tabs.Panel value="calls" pt="md">
              <CustomerCallsTab customer={customer} />
            </Tabs.Panel>
            <Tabs.Panel value="charges" pt="md">
              <CustomerChargesTab customer={customer} />
            </Tabs.Panel>
            <Tabs.Panel value="invoices" pt="md">
              <CustomerInvoicesTab customerId={customer.id} />
            </Tabs.Panel>
          </Tabs>
        </>
      )}
    </Stack>
  );
}

function CustomerDetails({ customer: c }: { customer: LoadedCustomer }) {
  const format = useFormat();
  const none = (
    <Text span c="dimmed">
      Not set
    </Text>
  );
  return (
    <Paper withBorder radius="md" p="lg" maw={760}>
      <DataList labelWidth={200}>
        <Item label="Unbilled calls">
          <Text span fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
            {format.total(c.unbilledTotal)}
          </Text>
        </Item>
        <Item label="Billing type">
          {c.billingType === 'PARENT' && c.parent ? (
            <>
              {billingTypeLabels.PARENT}: billed to{' '}
              <Anchor component={Link} to={`/customers/${c.parent.id}`}>
                {c.parent.name} ({c.parent.reference})
              </Anchor>
            </>
          ) : (
            billingTypeLabels[c.billingType]
          )}
        </Item>
        {c.children && c.children.length > 0 && (
          <Item label="Billed with it">
            {c.children.map((child, i) => (
              <span key={child.id}>
                {i > 0 && ', '}
                <Anchor component={Link} to={`/customers/${child.id}`}>
                  {child.name}
                </Anchor>
              </span>
            ))}
          </Item>
        )}
        <Item label="Tariff">{c.tariff?.name ?? 'Default tariff'}</Item>
        <Item label="Billing schedule">
          {c.schedule ? (
            <Anchor component={Link} to="/schedules">
              {c.schedule.name}
            </Anchor>
          ) : (
            none
          )}
        </Item>
        <Item label="Tax exempt">{c.taxExempt ? 'Yes' : 'No'}</Item>
        <Item label="Payment terms">{c.paymentTerms || none}</Item>
        <Item label="Invoice delivery">
          {c.invoiceDelivery === 'EMAIL' && c.deliveryEmail
            ? `Email to ${c.deliveryEmail}`
            : invoiceDeliveryLabels[c.invoiceDelivery]}
        </Item>
        <Item label="Call statement">{callStatementFormatLabels[c.callStatementFormat]}</Item>
        <Item label="Postal address">
          {c.postalAddress ? <span style={{ whiteSpace: 'pre-line' }}>{c.postalAddress}</span> : none}
        </Item>
        <Item label="Created">{format.dateTime(c.createdAt, { withZone: true })}</Item>
        <Item label="Last changed">{format.dateTime(c.updatedAt, { withZone: true })}</Item>
      </DataList>
    </Paper>
  );
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}
