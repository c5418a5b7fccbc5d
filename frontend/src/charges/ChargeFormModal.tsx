import { Alert, List, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { DayInput } from '../common/DayInput';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useQuery, type CombinedError } from 'urql';
import { FormActions } from '../common/FormActions';
import { FormErrors } from '../common/FormErrors';
import { toRounding } from '../common/money';
import { useSettings } from '../common/settings';
import { useFormat } from '../common/useFormat';
import { useServerErrors } from '../common/useServerErrors';
import type { BillingScheduleFrequency, ChargeRecurrence } from '../gql/graphql';
import { RECURRENCE_LABELS } from '../products/productForm';
import { chargeFacts } from './chargeFacts';
import { chargeFieldMap, chargeFormFields, validateCharge, type ChargeFormValues } from './chargeForm';
import { ChargeProductsQuery, ProductPriceForCustomerQuery } from './documents';

export interface ChargeProduct {
  id: string;
  name: string;
  reference: string;
  recurrence: ChargeRecurrence;
}

interface Props {
  opened: boolean;
  title: string;
  submitLabel: string;
  customerId: string;
  schedule: { name: string; frequency: BillingScheduleFrequency; anchorDay: number } | null | undefined;
  initialValues: ChargeFormValues;
  /** The product of the charge being edited, which the search may not find. */
  product?: ChargeProduct | null;
  onClose: () => void;
  onSubmit: (values: ChargeFormValues, recurrence: ChargeRecurrence) => Promise<CombinedError | undefined>;
}

/** Add or edit a charge: a product, quantity × unit price, and its dates. */
export function ChargeFormModal({ opened, ...props }: Props) {
  return (
    <Modal opened={opened} onClose={props.onClose} title={props.title} size="lg">
      {opened && <ChargeForm {...props} />}
    </Modal>
  );
}

function ChargeForm({ submitLabel, customerId, schedule, initialValues, product, onClose, onSubmit }: Omit<Props, 'opened' | 'title'>) {
  const settings = useSettings();
  const format = useFormat();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const where = useMemo(
    () => (debounced.trim() ? { or: [{ nameContainsFold: debounced.trim() }, { referenceContainsFold: debounced.trim() }] } : undefined),
    [debounced],
  );
  const [products] = useQuery({ query: ChargeProductsQuery, variables: { where } });
  const [chosen, setChosen] = useState<ChargeProduct | null>(product ?? null);
  const found: ChargeProduct[] = (products.data?.products.edges ?? []).flatMap((e) => (e?.node ? [e.node as ChargeProduct] : []));
  const options = chosen && !found.some((p) => p.id === chosen.id) ? [chosen, ...found] : found;

  const form = useForm<ChargeFormValues>({
    mode: 'controlled',
    initialValues,
    validate: (values) => validateCharge(values, chosen?.recurrence, settings.invoiceDecimals),
    validateInputOnBlur: true,
  });
  const v = form.getValues();
  const serverErrors = useServerErrors(form, chargeFormFields, { fieldMap: chargeFieldMap });
  const [price] = useQuery({
    query: ProductPriceForCustomerQuery,
    variables: { productID: v.productId ?? '', customerID: customerId },
    pause: !v.productId,
  });
  const listPrice = v.productId ? price.data?.productPrice : undefined;
  const recurrence = chosen?.recurrence;
  const unitPrice = v.unitPrice.trim() || listPrice || '';
  const facts =
    recurrence && unitPrice && /^\d+(\.\d+)?$/.test(v.quantity.trim())
      ? chargeFacts({
          recurrence,
          quantity: v.quantity.trim(),
          unitPrice,
          date: v.date,
          startDate: v.startDate,
          endDate: v.endDate,
          billedThrough: v.billedThrough,
          schedule,
          places: settings.invoiceDecimals,
          rounding: toRounding(settings.rounding),
          money: format.total,
        })
      : [];

  const submit = form.onSubmit((values) => serverErrors.save(async () => (recurrence ? onSubmit(values, recurrence) : undefined)));
  const day = (field: 'date' | 'startDate' | 'endDate' | 'billedThrough', label: string, description: string, required = false) => (
    <DayInput
      label={label}
      description={description}
      valueFormat="D MMM YYYY"
      placeholder="Pick a day"
      withAsterisk={required}
      clearable={!required}
      popoverProps={{ withinPortal: true }}
      {...form.getInputProps(field)}
    />
  );

  return (
    <form onSubmit={submit} noValidate aria-label="Charge">
      <Stack>
        <FormErrors title="The charge was not saved" errors={serverErrors.formErrors} />
        <Select
          label="Product"
          withAsterisk
          data-autofocus
          data={options.map((p) => ({ value: p.id, label: `${p.name} (${p.reference}) · ${RECURRENCE_LABELS[p.recurrence]}` }))}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options: o }) => o /* the server already filtered */}
          nothingFoundMessage={products.fetching ? 'Searching…' : 'No product found; create it on the Products page'}
          placeholder="Search by name or reference"
          {...form.getInputProps('productId')}
          onChange={(id) => {
            setChosen(options.find((p) => p.id === id) ?? null);
            form.setFieldValue('productId', id);
          }}
        />
        <SimpleGrid cols={2}>
          <TextInput label="Quantity" withAsterisk inputMode="decimal" autoComplete="off" {...form.getInputProps('quantity')} />
          <TextInput
            label="Unit price"
            description={listPrice ? `Empty: ${format.total(listPrice)}, the price on its tariff` : 'Empty: the product’s price on its tariff'}
            placeholder={listPrice ? format.total(listPrice) : undefined}
            inputMode="decimal"
            autoComplete="off"
            leftSection={<Text size="sm" c="dimmed">{settings.currencySymbol}</Text>}
            {...form.getInputProps('unitPrice')}
          />
        </SimpleGrid>
        {recurrence === 'ONE_OFF' && day('date', 'Date', 'The day the charge is for', true)}
        {recurrence && recurrence !== 'ONE_OFF' && (
          <SimpleGrid cols={2}>
            {day('startDate', 'First day of service', 'Billed from this day', true)}
            {day('endDate', 'Last day of service', 'Empty: it runs on until you end it')}
            {day('billedThrough', 'Already billed through', 'Moving from another system? The last day it billed')}
          </SimpleGrid>
        )}
        {facts.length > 0 && (
          <Alert variant="light" color="blue" title="How it will be billed">
            <List size="sm" spacing={4}>
              {facts.map((f) => (
                <List.Item key={f}>{f}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        <FormActions submitLabel={submitLabel} saving={serverErrors.saving} onCancel={onClose} />
      </Stack>
    </form>
  );
}
