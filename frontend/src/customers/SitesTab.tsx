import { Button, EmptyState, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconBuilding, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useMutation } from 'urql';
import { FormErrors } from '../common/FormErrors';
import { useServerErrors } from '../common/useServerErrors';
import type { LoadedCustomer } from './loadedCustomer';
import { CreateSiteMutation } from './documents';

/** Sites group a customer's CLIs; their charges are shown separately on invoices. */
export function SitesTab({ customer, onChanged }: { customer: LoadedCustomer; onChanged: () => void }) {
  const sites = [...(customer.sites ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  const cliCount = (siteId: string) => (customer.clis ?? []).filter((c) => c.site?.id === siteId).length;

  return (
    <Stack gap="lg">
      <AddSiteForm customer={customer} onAdded={onChanged} />
      {sites.length === 0 ? (
        <EmptyState
          size="sm"
          icon={<IconBuilding size={24} />}
          withIndicatorBackground
          title="No sites"
          description="Sites are optional. Add one per office or branch when the customer wants each site's calls shown separately on the invoice."
        />
      ) : (
        <Paper withBorder radius="md">
          <Table verticalSpacing="sm" aria-label="Sites">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Site</Table.Th>
                <Table.Th>Address</Table.Th>
                <Table.Th ta="right">CLIs</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sites.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>{s.name}</Table.Td>
                  <Table.Td>{s.address ?? <Text span c="dimmed" size="sm">—</Text>}</Table.Td>
                  <Table.Td ta="right">{cliCount(s.id)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}

function AddSiteForm({ customer, onAdded }: { customer: LoadedCustomer; onAdded: () => void }) {
  const [, createSite] = useMutation(CreateSiteMutation);
  const [saving, setSaving] = useState(false);
  const form = useForm({
    mode: 'controlled',
    initialValues: { name: '', address: '' },
    validate: { name: (v: string) => (v.trim() ? null : 'Enter the site’s name, e.g. Leeds office') },
  });
  const serverErrors = useServerErrors(form, ['name', 'address']);

  const submit = form.onSubmit(async ({ name, address }) => {
    serverErrors.clear();
    setSaving(true);
    const result = await createSite({ input: { customerID: customer.id, name: name.trim(), address: address.trim() || undefined } });
    setSaving(false);
    if (result.error || !result.data) {
      serverErrors.show(result.error);
      return;
    }
    notifications.show({ color: 'teal', title: 'Site added', message: result.data.createSite.name });
    form.reset();
    onAdded();
  });

  return (
    <Paper withBorder radius="md" p="md">
      <form onSubmit={submit} noValidate aria-label="Add a site">
        <Title order={4} mb="sm">
          Add a site
        </Title>
        <FormErrors errors={serverErrors.formErrors} mb="sm" />
        <Group align="flex-start" gap="sm">
          <TextInput label="Site name" withAsterisk autoComplete="off" w={240} {...form.getInputProps('name')} />
          <TextInput label="Address" autoComplete="off" w={320} {...form.getInputProps('address')} />
          <Button type="submit" loading={saving} leftSection={<IconPlus size={16} />} mt={25}>
            Add site
          </Button>
        </Group>
        <Text size="xs" c="dimmed" mt="xs">
          Assign CLIs to a site when you add them on the CLIs tab.
        </Text>
      </form>
    </Paper>
  );
}
