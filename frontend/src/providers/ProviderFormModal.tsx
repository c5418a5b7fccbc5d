import { Alert, Group, Modal, Radio, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMemo } from 'react';
import type { CombinedError } from 'urql';
import { FormActions } from '../common/FormActions';
import { FormErrors } from '../common/FormErrors';
import { useSettings } from '../common/settings';
import { useServerErrors } from '../common/useServerErrors';
import {
  emptyProvider,
  providerFormFields,
  timeZoneGroups,
  validateProvider,
  type CdrFormatInfo,
  type ProviderFormValues,
} from './providerForm';

interface Props {
  opened: boolean;
  title: string;
  submitLabel: string;
  initialValues?: ProviderFormValues;
  /** The formats to offer, as the server declares them (`cdrFormats`). */
  formats: readonly CdrFormatInfo[];
  onClose: () => void;
  /** Resolves to the server's error, if any; the form maps it onto its fields. */
  onSubmit: (values: ProviderFormValues) => Promise<CombinedError | undefined>;
}

/** Create or edit a provider in a modal: name, CDR format, time zone. */
export function ProviderFormModal({ opened, ...props }: Props) {
  return (
    <Modal opened={opened} onClose={props.onClose} title={props.title} size="lg">
      {/* Mounted only while open, so each opening starts from the provider as it is now. */}
      {opened && <ProviderForm {...props} />}
    </Modal>
  );
}

function ProviderForm({ submitLabel, initialValues, formats, onClose, onSubmit }: Omit<Props, 'opened' | 'title'>) {
  const { timeZone: deploymentZone } = useSettings();
  const form = useForm<ProviderFormValues>({
    mode: 'controlled',
    initialValues: initialValues ?? emptyProvider(deploymentZone),
    validate: validateProvider,
    validateInputOnBlur: ['name'],
  });
  const serverErrors = useServerErrors(form, providerFormFields);
  const zones = useMemo(
    () => timeZoneGroups(deploymentZone, undefined, initialValues?.timeZone),
    [deploymentZone, initialValues?.timeZone],
  );

  const submit = form.onSubmit((values) => serverErrors.save(() => onSubmit(values)));

  const format = form.getValues().cdrFormat;

  return (
    <form onSubmit={submit} noValidate aria-label="Provider">
      <Stack>
        <FormErrors title="The provider was not saved" errors={serverErrors.formErrors} />
        <TextInput
          label="Name"
          withAsterisk
          data-autofocus
          autoComplete="off"
          placeholder="e.g. Gamma, Acme SIP"
          {...form.getInputProps('name')}
        />
        <Radio.Group
          label="CDR format"
          description="How this provider's call records are written; it decides how every uploaded file is read"
          withAsterisk
          {...form.getInputProps('cdrFormat')}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
            {formats.map((f) => (
              <Radio.Card key={f.value} value={f.value} p="sm" radius="md" aria-label={f.label}>
                <Group wrap="nowrap" align="flex-start" gap="sm">
                  <Radio.Indicator mt={2} />
                  <div>
                    <Text fw={500} size="sm">
                      {f.label}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {f.description}
                    </Text>
                  </div>
                </Group>
              </Radio.Card>
            ))}
          </SimpleGrid>
        </Radio.Group>
        {format === 'CSV' && (
          <Alert color="blue" variant="light" title="Then describe its columns">
            A CSV provider&apos;s files are read with a column mapping: which column is the number called, the start, the
            duration. Once the provider is saved, the mapping form opens, with presets and a preview of a sample file.
          </Alert>
        )}
        <Select
          label="Time zone"
          description="The zone the provider's CDR timestamps are written in (FCS files are always UK time)"
          withAsterisk
          data={zones}
          searchable
          allowDeselect={false}
          nothingFoundMessage="No time zone by that name"
          maxDropdownHeight={280}
          {...form.getInputProps('timeZone')}
        />
        <FormActions submitLabel={submitLabel} saving={serverErrors.saving} onCancel={onClose} />
      </Stack>
    </form>
  );
}
