import {
  Checkbox,
  Fieldset,
  Group,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import type { CombinedError } from 'urql';
import { FormActions } from '../common/FormActions';
import { FormErrors } from '../common/FormErrors';
import { useServerErrors } from '../common/useServerErrors';
import type { CustomerDetailsFragment } from '../gql/graphql';
import {
  cliFieldMap,
  cliLines,
  customerFieldMap,
  customerFormFields,
  emptyCustomer,
  customerToFormValues,
  validateCustomer,
  type CustomerFormValues,
} from './customerForm';
import { billingTypeLabels, callStatementFormatLabels, invoiceDeliveryLabels, options, statusLabels } from './labels';
import { ParentCustomerSelect, ScheduleSelect, TariffSelect } from './pickers';

interface Props {
  customer?: CustomerDetailsFragment;
  submitLabel: string;
  /** Resolves to the server's error, if any; the form maps it onto its fields. */
  onSubmit: (values: CustomerFormValues) => Promise<CombinedError | undefined>;
  onCancel: () => void;
}

export function CustomerForm({ customer, submitLabel, onSubmit, onCancel }: Props) {
  const form = useForm<CustomerFormValues>({
    mode: 'controlled',
    initialValues: customer ? customerToFormValues(customer) : emptyCustomer,
    validate: (values) => validateCustomer(values, customer?.id),
    validateInputOnBlur: true,
  });
  const v = form.getValues();
  const serverErrors = useServerErrors(form, customerFormFields, {
    fieldMap: { ...customerFieldMap, ...cliFieldMap(v.clis) },
  });

  const submit = form.onSubmit((values) => serverErrors.save(() => onSubmit(values)));

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg" maw={760}>
        <FormErrors title="The customer was not saved" errors={serverErrors.formErrors} />

        <Fieldset legend="Customer">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Reference"
              description="Unique; shown on invoices"
              withAsterisk
              autoFocus={!customer}
              autoComplete="off"
              {...form.getInputProps('reference')}
            />
            <TextInput label="Name" withAsterisk autoComplete="off" {...form.getInputProps('name')} />
            <Select
              label="Status"
              data={options(statusLabels)}
              allowDeselect={false}
              {...form.getInputProps('status')}
            />
            <TariffSelect
              label="Tariff"
              description="The prices its calls are rated at"
              value={v.tariffId}
              onChange={(id) => form.setFieldValue('tariffId', id)}
              error={form.errors.tariffId}
            />
          </SimpleGrid>
        </Fieldset>

        {!customer && (
          <Fieldset legend="CLIs">
            <Textarea
              label="Numbers its calls come from"
              description="One a line: a number (0113 496 0001), a range ending in * (0113 496*) or an account code. They belong to the customer from always; change dates later on its CLIs tab."
              placeholder={'0113 496 0001\n0113 496 0002*'}
              autosize
              minRows={3}
              styles={{ input: { fontVariantNumeric: 'tabular-nums' } }}
              {...form.getInputProps('clis')}
            />
            {cliLines(v.clis).length > 0 && (
              <Text size="xs" c="dimmed" mt={4}>
                {cliLines(v.clis).length === 1 ? '1 CLI' : `${cliLines(v.clis).length} CLIs`} created with the customer, or none if
                any is refused.
              </Text>
            )}
          </Fieldset>
        )}

        <Fieldset legend="Billing">
          <Stack>
            <Radio.Group
              label="Billing type"
              {...form.getInputProps('billingType')}
            >
              <Group mt="xs">
                {options(billingTypeLabels).map((o) => (
                  <Radio key={o.value} value={o.value} label={o.label} />
                ))}
              </Group>
            </Radio.Group>
            {v.billingType === 'PARENT' && (
              <ParentCustomerSelect
                label="Parent customer"
                description="This customer's charges appear on the parent's invoice, under a heading for this customer"
                withAsterisk
                value={v.parentId}
                onChange={(id) => form.setFieldValue('parentId', id)}
                error={form.errors.parentId}
                excludeId={customer?.id}
                current={customer?.parent ?? null}
              />
            )}
            <Checkbox
              label="Tax exempt"
              description="No tax is added to this customer's invoices"
              {...form.getInputProps('taxExempt', { type: 'checkbox' })}
            />
            <ScheduleSelect
              label="Billing schedule"
              description="How often it is invoiced; billing runs bill the customers of a schedule"
              value={v.scheduleId}
              onChange={(id) => form.setFieldValue('scheduleId', id)}
              error={form.errors.scheduleId}
            />
            <TextInput
              label="Payment terms"
              placeholder="e.g. 30 days from invoice date"
              {...form.getInputProps('paymentTerms')}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend="Invoices and call statements">
          <Stack>
            <Radio.Group label="Invoice delivery" {...form.getInputProps('invoiceDelivery')}>
              <Group mt="xs">
                {options(invoiceDeliveryLabels).map((o) => (
                  <Radio key={o.value} value={o.value} label={o.label} />
                ))}
              </Group>
            </Radio.Group>
            {v.invoiceDelivery === 'EMAIL' && (
              <TextInput
                label="Delivery email"
                type="email"
                withAsterisk
                placeholder="accounts@example.com"
                autoComplete="off"
                {...form.getInputProps('deliveryEmail')}
              />
            )}
            <Select
              label="Call statement format"
              description="Sent with each invoice; CSV suits customers with many calls"
              data={options(callStatementFormatLabels)}
              allowDeselect={false}
              {...form.getInputProps('callStatementFormat')}
            />
            <Textarea
              label="Postal address"
              autosize
              minRows={3}
              {...form.getInputProps('postalAddress')}
            />
          </Stack>
        </Fieldset>

        <FormActions submitLabel={submitLabel} saving={serverErrors.saving} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
