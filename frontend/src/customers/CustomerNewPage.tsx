import { Anchor, Breadcrumbs, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { CustomerForm } from './CustomerForm';
import { toCreateClis, toCreateCustomerInput } from './customerForm';
import { CreateCustomerMutation } from './documents';
import { usePageTitle } from '../shell/usePageTitle';

export function CustomerNewPage() {
  usePageTitle('New customer');
  const navigate = useNavigate();
  const [, createCustomer] = useMutation(CreateCustomerMutation);

  return (
    <Stack gap="lg">
      <Breadcrumbs>
        <Anchor component={Link} to="/customers">
          Customers
        </Anchor>
        <span>New customer</span>
      </Breadcrumbs>
      <Title order={2}>New customer</Title>
      <CustomerForm
        submitLabel="Create customer"
        onCancel={() => navigate('/customers')}
        onSubmit={async (values) => {
          const clis = toCreateClis(values);
          const result = await createCustomer({ input: toCreateCustomerInput(values), clis: clis.length > 0 ? clis : undefined });
          if (result.error || !result.data) return result.error;
          const c = result.data.createCustomer;
          const withClis = c.clis?.length ? ` with ${c.clis.map((x) => x.display).join(', ')}` : '';
          notifications.show({ color: 'teal', title: 'Customer created', message: `${c.name} (${c.reference})${withClis}` });
          navigate(`/customers/${c.id}/clis`);
          return undefined;
        }}
      />
    </Stack>
  );
}
