import { Checkbox, Group, Modal, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { CombinedError } from 'urql';
import { FormActions } from '../common/FormActions';
import { FormErrors } from '../common/FormErrors';
import { useServerErrors } from '../common/useServerErrors';
import type { TariffBandMode } from '../gql/graphql';
import {
  BAND_MODE_HELP,
  BAND_MODE_LABELS,
  emptyTariff,
  tariffFormFields,
  validateTariff,
  type TariffFormValues,
} from './tariffForm';

interface Props {
  opened: boolean;
  title: string;
  submitLabel: string;
  initialValues?: TariffFormValues;
  onClose: () => void;
  /** Resolves to the server's error, if any; the form maps it onto its fields. */
  onSubmit: (values: TariffFormValues) => Promise<CombinedError | undefined>;
}

/** Create or edit a tariff in a modal: name, default, band mode, description. */
export function TariffFormModal({ opened, ...props }: Props) {
  return (
    <Modal opened={opened} onClose={props.onClose} title={props.title} size="lg">
      {/* Mounted only while open, so each opening starts from the tariff as it is now. */}
      {opened && <TariffForm {...props} />}
    </Modal>
  );
}

function TariffForm({ submitLabel, initialValues, onClose, onSubmit }: Omit<Props, 'opened' | 'title'>) {
  const form = useForm<TariffFormValues>({
    mode: 'controlled',
    initialValues: initialValues ?? emptyTariff,
    validate: validateTariff,
    validateInputOnBlur: true,
  });
  const serverErrors = useServerErrors(form, tariffFormFields);

  const submit = form.onSubmit((values) => serverErrors.save(() => onSubmit(values)));

  const bandMode = form.getValues().bandMode;

  return (
    <form onSubmit={submit} noValidate aria-label="Tariff">
      <Stack>
        <FormErrors title="The tariff was not saved" errors={serverErrors.formErrors} />
        <TextInput
          label="Name"
          withAsterisk
          data-autofocus
          autoComplete="off"
          placeholder="e.g. Standard 2026"
          {...form.getInputProps('name')}
        />
        <Checkbox
          label="Default tariff"
          description="Prices the calls of customers without a tariff of their own. Only one tariff is the default."
          {...form.getInputProps('isDefault', { type: 'checkbox' })}
        />
        <Radio.Group
          label="Band mode"
          description={BAND_MODE_HELP[bandMode]}
          {...form.getInputProps('bandMode')}
        >
          <Group mt="xs">
            {(Object.keys(BAND_MODE_LABELS) as TariffBandMode[]).map((m) => (
              <Radio key={m} value={m} label={BAND_MODE_LABELS[m]} />
            ))}
          </Group>
        </Radio.Group>
        <Textarea
          label="Description"
          description="Optional; for staff, e.g. who this tariff is for"
          autosize
          minRows={2}
          {...form.getInputProps('description')}
        />
        <Text size="xs" c="dimmed">
          Prices live in the tariff&apos;s rate sheets: upload them on the tariff&apos;s page once it is saved.
        </Text>
        <FormActions submitLabel={submitLabel} saving={serverErrors.saving} onCancel={onClose} />
      </Stack>
    </form>
  );
}
