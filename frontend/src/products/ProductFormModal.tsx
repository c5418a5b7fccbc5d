import { Fieldset, Modal, Radio, Group, SimpleGrid, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { CombinedError } from 'urql';
import { FormActions } from '../common/FormActions';
import { FormErrors } from '../common/FormErrors';
import { useFormat } from '../common/useFormat';
import { useServerErrors } from '../common/useServerErrors';
import { useSettings } from '../common/settings';
import type { ProductRecurrence } from '../gql/graphql';
import {
  emptyProduct,
  pricesByTariff,
  productFieldMap,
  productFormFields,
  RECURRENCE_HELP,
  RECURRENCE_LABELS,
  typedPrices,
  validateProduct,
  type ProductFormValues,
  type Tariff,
} from './productForm';

interface Props {
  opened: boolean;
  title: string;
  submitLabel: string;
  initialValues?: ProductFormValues;
  tariffs: readonly Tariff[];
  /** The company's tax rate, which an empty override stands for. */
  defaultTaxRate: string;
  onClose: () => void;
  /** Resolves to the server's error, if any; the form maps it onto its fields. */
  onSubmit: (values: ProductFormValues) => Promise<CombinedError | undefined>;
}

/** Create or edit a product in a modal: its details, tax, cost and a price per tariff. */
export function ProductFormModal({ opened, ...props }: Props) {
  return (
    <Modal opened={opened} onClose={props.onClose} title={props.title} size="xl">
      {opened && <ProductForm {...props} />}
    </Modal>
  );
}

function ProductForm({
  submitLabel,
  initialValues,
  tariffs,
  defaultTaxRate,
  onClose,
  onSubmit,
}: Omit<Props, 'opened' | 'title'>) {
  const { invoiceDecimals, currencySymbol } = useSettings();
  const format = useFormat();
  const form = useForm<ProductFormValues>({
    mode: 'controlled',
    initialValues: initialValues ?? emptyProduct,
    validate: (values) => validateProduct(values, tariffs, invoiceDecimals),
    validateInputOnBlur: true,
  });
  const v = form.getValues();
  const serverErrors = useServerErrors(form, productFormFields(tariffs), { fieldMap: productFieldMap(v, tariffs) });
  const submit = form.onSubmit((values) => serverErrors.save(() => onSubmit(values)));
  const effective = pricesByTariff(typedPrices(v), tariffs);

  return (
    <form onSubmit={submit} noValidate aria-label="Product">
      <Stack>
        <FormErrors title="The product was not saved" errors={serverErrors.formErrors} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Name" withAsterisk data-autofocus autoComplete="off" placeholder="e.g. Line rental" {...form.getInputProps('name')} />
          <TextInput label="Reference" description="Unique" withAsterisk autoComplete="off" placeholder="e.g. LR1" {...form.getInputProps('reference')} />
          <TextInput label="Category" description="Invoice lines are grouped by it" autoComplete="off" placeholder="e.g. Lines" {...form.getInputProps('category')} />
          <TextInput label="Accounting code" description="For your accounts package" autoComplete="off" placeholder="e.g. 4010" {...form.getInputProps('accountingCode')} />
        </SimpleGrid>
        <Radio.Group label="Billed" description={RECURRENCE_HELP[v.recurrence]} {...form.getInputProps('recurrence')}>
          <Group mt="xs">
            {(Object.keys(RECURRENCE_LABELS) as ProductRecurrence[]).map((r) => (
              <Radio key={r} value={r} label={RECURRENCE_LABELS[r]} />
            ))}
          </Group>
        </Radio.Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Tax rate"
            description={`Leave empty for the default rate, ${defaultTaxRate}%`}
            placeholder={`Default (${defaultTaxRate}%)`}
            rightSection={<Text size="sm" c="dimmed">%</Text>}
            inputMode="decimal"
            autoComplete="off"
            {...form.getInputProps('taxRate')}
          />
          <TextInput
            label="Cost price"
            description="What it costs you, for margins; never on an invoice"
            inputMode="decimal"
            autoComplete="off"
            leftSection={<Text size="sm" c="dimmed">{currencySymbol}</Text>}
            {...form.getInputProps('costPrice')}
          />
        </SimpleGrid>
        <Fieldset legend="Sell price per tariff">
          <Text size="sm" c="dimmed" mb="xs">
            Customers pay the price of their own tariff; a tariff left empty pays the default tariff&apos;s price.
          </Text>
          <Table verticalSpacing={4} aria-label="Prices per tariff">
            <Table.Tbody>
              {effective.map(({ tariff: t, price, fromDefault }) => (
                <Table.Tr key={t.id}>
                  <Table.Td w="35%">
                    <Text size="sm" fw={500}>
                      {t.name}
                      {t.isDefault && (
                        <Text span size="xs" c="dimmed">
                          {' '}
                          (default)
                        </Text>
                      )}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={`Price on ${t.name}`}
                      inputMode="decimal"
                      autoComplete="off"
                      withAsterisk={t.isDefault}
                      placeholder={t.isDefault ? 'Required' : price ? `Pays the default, ${format.total(price)}` : 'Pays the default'}
                      {...form.getInputProps(`prices.${t.id}`)}
                    />
                  </Table.Td>
                  <Table.Td w="30%">
                    <Text size="xs" c="dimmed">
                      {fromDefault && !t.isDefault ? (price ? `Pays ${format.total(price)} (default tariff)` : 'Pays the default tariff’s price') : ''}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Fieldset>
        <Textarea label="Description" description="Optional; for staff" autosize minRows={2} {...form.getInputProps('description')} />
        <FormActions submitLabel={submitLabel} saving={serverErrors.saving} onCancel={onClose} />
      </Stack>
    </form>
  );
}
