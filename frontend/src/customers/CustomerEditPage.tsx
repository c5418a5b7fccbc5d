import { Anchor, Breadcrumbs, Skeleton, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { isNotFound, Missing } from '../common/Missing';
import { LoadError } from '../common/loading';
import { CustomerForm } from './CustomerForm';
import { toUpdateCustomerInput } from './customerForm';
import { CustomerQuery, UpdateCustomerMutation } from './documents';
import { usePageTitle } from '../shell/usePageTitle';

export function CustomerEditPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  // Edit what is in the database now, not what a list cached a while ago.
  const [{ data, fetching, error }] = useQuery({
    query: CustomerQuery,
    variables: { id },
    requestPolicy: 'network-only',
  });
  const [, updateCustomer] = useMutation(UpdateCustomerMutation);
  const customer = data?.customer;
  usePageTitle(customer ? `Edit ${customer.name}` : 'Edit customer');

  return (
    <Stack gap="lg">
      <Breadcrumbs>
        <Anchor component={Link} to="/customers">
          Customers
        </Anchor>
        {customer && (
          <Anchor component={Link} to={`/customers/${id}`}>
            {customer.name}
          </Anchor>
        )}
        <span>Edit</span>
      </Breadcrumbs>
      <Title order={2}>{customer ? `Edit ${customer.name}` : 'Edit customer'}</Title>
      <LoadError title="Could not load the customer" error={isNotFound(error) ? null : error} />
      {fetching && !customer && <Skeleton height={400} maw={760} />}
      {((!fetching && !error && !customer) || isNotFound(error)) && (
        <Missing what="customer" id={id} back={{ to: '/customers', label: 'the customer list' }} />
      )}
      {customer && (
        <CustomerForm
          key={customer.id}
          customer={customer}
          submitLabel="Save changes"
          onCancel={() => navigate(`/customers/${id}`)}
          onSubmit={async (values) => {
            const result = await updateCustomer({ id, input: toUpdateCustomerInput(values) });
            if (result.error || !result.data) return result.error;
            notifications.show({ color: 'teal', title: 'Changes saved', message: result.data.updateCustomer.name });
            navigate(`/customers/${id}`);
            return undefined;
          }}
        />
      )}
    </Stack>
  );
}
