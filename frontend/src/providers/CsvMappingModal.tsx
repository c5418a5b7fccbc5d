import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Divider,
  Group,
  Modal,
  ScrollArea,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconEye } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useMutation, useQuery, type CombinedError } from 'urql';
import type { PreviewCdrMappingMutation as PreviewResult, ProviderFieldsFragment } from '../gql/graphql';
import { CsvDropzone } from '../common/CsvDropzone';
import { serverFormErrors } from '../common/serverErrors';
import { useSettings } from '../common/settings';
import { formatDateTime } from '../common/time';
import {
  DELIMITERS,
  DURATION_UNITS,
  formToMappingInput,
  LAYOUT_SUGGESTIONS,
  csvMappingFields,
  mappingToForm,
  validateCsvMapping,
  type CsvMappingFormValues,
} from './csvMapping';
import { CsvMappingPresetsQuery, PreviewCdrMappingMutation, SetProviderCsvMappingMutation } from './documents';
import { timeZoneGroups } from './providerForm';

type Preview = PreviewResult['previewCdrMapping'];

interface Props {
  provider: ProviderFieldsFragment | null;
  onClose: () => void;
}

/** Describe once how a csv-format provider's files are laid out, check it on a sample, save it. */
export function CsvMappingModal({ provider, onClose }: Props) {
  return (
    <Modal
      opened={provider !== null}
      onClose={onClose}
      title={provider ? `Column mapping of ${provider.name}` : 'Column mapping'}
      size="80rem"
    >
      {provider && <MappingForm provider={provider} onClose={onClose} />}
    </Modal>
  );
}

function MappingForm({ provider, onClose }: { provider: ProviderFieldsFragment; onClose: () => void }) {
  const form = useForm<CsvMappingFormValues>({
    mode: 'controlled',
    initialValues: mappingToForm(provider.csvMapping),
    validate: validateCsvMapping,
  });
  const [{ data: presetsData }] = useQuery({ query: CsvMappingPresetsQuery });
  const presets = presetsData?.csvMappingPresets ?? [];
  const [preset, setPreset] = useState<string | null>(null);
  const [sample, setSample] = useState<File | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [{ fetching: previewing }, runPreview] = useMutation(PreviewCdrMappingMutation);
  const [{ fetching: saving }, save] = useMutation(SetProviderCsvMappingMutation);
  const { timeZone: deploymentZone } = useSettings();
  const zones = useMemo(() => timeZoneGroups(deploymentZone), [deploymentZone]);
  const v = form.getValues();

  // Problems the server names by field go next to the field; the rest above the form.
  const showProblems = (error: CombinedError | undefined): string[] => {
    const { fieldErrors, formErrors } = serverFormErrors(error, csvMappingFields);
    form.setErrors(fieldErrors);
    return formErrors;
  };

  const doPreview = async (file: File | null = sample) => {
    setPreviewError(null);
    if (!file) return;
    const check = form.validate();
    if (check.hasErrors) {
      setPreview(null);
      setPreviewError('Complete the mapping above to preview the file.');
      return;
    }
    const result = await runPreview({ mapping: formToMappingInput(form.getValues()), file, timeZone: provider.timeZone });
    if (result.error || !result.data) {
      setPreview(null);
      const rest = showProblems(result.error);
      setPreviewError(rest.join(' ') || 'The mapping has problems: see the fields above.');
      return;
    }
    setPreview(result.data.previewCdrMapping);
  };

  const submit = form.onSubmit(async (values) => {
    setFormErrors([]);
    const result = await save(
      { providerID: provider.id, mapping: formToMappingInput(values) },
      { additionalTypenames: ['Provider'] },
    );
    if (result.error || !result.data) {
      setFormErrors(showProblems(result.error));
      return;
    }
    notifications.show({ color: 'teal', title: 'Column mapping saved', message: `${provider.name}: its CSV files can be uploaded now` });
    onClose();
  });

  const column = (key: keyof CsvMappingFormValues, label: string, description?: string, required = false) => (
    <TextInput
      label={label}
      description={description}
      withAsterisk={required}
      placeholder={v.header ? 'Header name' : 'Position, e.g. 3'}
      autoComplete="off"
      {...form.getInputProps(key)}
    />
  );

  const readable = preview?.lines.filter((l) => !l.problem).length ?? 0;

  return (
    <form onSubmit={submit} noValidate aria-label="Column mapping">
      <Stack>
        <Text size="sm" c="dimmed">
          Say which column of {provider.name}&apos;s CSV files holds each part of a call: by header name, or by position
          (1 is the first column) when the file has no header row. Check it on a sample file before saving.
        </Text>
        {formErrors.length > 0 && (
          <Alert color="red" title="The mapping was not saved" role="alert">
            {formErrors.map((m) => (
              <div key={m}>{m}</div>
            ))}
          </Alert>
        )}
        <Group align="flex-end">
          <Select
            label="Start from a preset"
            placeholder={presets.length ? 'Choose a well-known export' : 'No presets'}
            data={presets.map((p) => ({ value: p.name, label: p.description }))}
            value={preset}
            onChange={(name) => {
              setPreset(name);
              const p = presets.find((x) => x.name === name);
              if (p) {
                form.setValues(mappingToForm(p.mapping));
                form.clearErrors();
                setPreview(null);
              }
            }}
            w={520}
            clearable
          />
        </Group>

        <Divider label="The file" labelPosition="left" />
        <Group align="flex-end">
          <Select label="Delimiter" data={DELIMITERS} allowDeselect={false} w={180} {...form.getInputProps('delimiter')} />
          <Switch
            label="The first line is a header row"
            mb={8}
            {...form.getInputProps('header', { type: 'checkbox' })}
          />
        </Group>

        <Divider label="Columns" labelPosition="left" />
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          {column('source', 'Calling number (CLI)', 'Matches outbound calls to customers')}
          {column('destination', 'Number called', 'Priced by its destination; matches inbound calls', true)}
          {column('account', 'Account code', 'A SIP trunk or account id, when the file has one')}
          {column('chargeCode', 'Charge code', 'A provider charge code rates can match')}
          {column('uniqueId', 'Unique call id', 'Catches duplicate calls exactly')}
          {column('providerPrice', 'Provider price', 'What the provider charged, for reference')}
        </SimpleGrid>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="mapping-start-label">
            Start of the call
          </Text>
          <SegmentedControl
            aria-labelledby="mapping-start-label"
            value={v.startIn}
            onChange={(x) => form.setFieldValue('startIn', x as 'one' | 'two')}
            data={[
              { value: 'one', label: 'Date and time in one column' },
              { value: 'two', label: 'Separate date and time columns' },
            ]}
            style={{ alignSelf: 'flex-start' }}
          />
        </Stack>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          {v.startIn === 'one' ? (
            column('start', 'Start (date and time)', undefined, true)
          ) : (
            <>
              {column('date', 'Date', undefined, true)}
              {column('time', 'Time', undefined, true)}
            </>
          )}
          {column('answer', 'Answer time', 'Used instead of the start when not empty')}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          {column('duration', 'Duration', undefined, true)}
          <Select label="Duration is in" data={DURATION_UNITS} allowDeselect={false} {...form.getInputProps('durationUnit')} />
          <Checkbox
            mt={30}
            label="Prices are written negative (charges as credits)"
            {...form.getInputProps('negativePrices', { type: 'checkbox' })}
          />
        </SimpleGrid>

        <Divider label="Dates" labelPosition="left" />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TagsInput
            label="Date-time layouts"
            description="Tried in order; press Enter after each. Tokens: YYYY MM DD HH mm ss, or rfc3339, rfc2822, unix"
            data={LAYOUT_SUGGESTIONS}
            clearable
            {...form.getInputProps('layouts')}
          />
          <Select
            label="Time zone of the timestamps"
            description="When they carry no offset"
            placeholder={`The provider's (${provider.timeZone})`}
            data={zones}
            searchable
            clearable
            value={v.timeZone || null}
            onChange={(z) => form.setFieldValue('timeZone', z ?? '')}
            error={form.errors.timeZone}
          />
        </SimpleGrid>

        <Divider label="Preview" labelPosition="left" />
        <CsvDropzone
          file={sample}
          onFile={(f) => {
            setSample(f);
            void doPreview(f);
          }}
          title="Drop a sample file to preview"
          hint="its first 10 lines are read with this mapping; nothing is stored"
          inputLabel="Sample CDR file"
          loading={previewing}
        />
        {previewError && (
          <Alert color="red" title="No preview" role="alert">
            {previewError}
          </Alert>
        )}
        {preview && <PreviewTable preview={preview} zone={v.timeZone || provider.timeZone} readable={readable} />}

        <Group justify="space-between">
          <Button
            variant="default"
            leftSection={<IconEye size={16} />}
            onClick={() => void doPreview()}
            disabled={!sample}
            loading={previewing}
          >
            Preview again
          </Button>
          <Group gap="xs">
            <Button variant="default" onClick={onClose} disabled={saving}>
              Cancel
            </Button>
            <Button type="submit" loading={saving}>
              Save mapping
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

function PreviewTable({ preview, zone, readable }: { preview: Preview; zone: string; readable: number }) {
  return (
    <Stack gap="xs">
      {preview.header && (
        <Group gap={4}>
          <Text size="sm" c="dimmed">
            Columns in the file:
          </Text>
          {preview.header.map((h, i) => (
            <Badge key={`${h}-${i}`} variant="default" tt="none" title={`Column ${i + 1}`}>
              {i + 1}. {h}
            </Badge>
          ))}
        </Group>
      )}
      <Title order={4} size="h6">
        {readable} of {preview.lines.length} lines read
      </Title>
      <ScrollArea.Autosize mah={320} type="auto">
        <Table striped withTableBorder verticalSpacing={4} fz="sm" aria-label="Preview">
          <Table.Thead>
            <Table.Tr>
              <Table.Th ta="right">Line</Table.Th>
              <Table.Th>CLI</Table.Th>
              <Table.Th>Number called</Table.Th>
              <Table.Th>Start ({zone})</Table.Th>
              <Table.Th ta="right">Duration (s)</Table.Th>
              <Table.Th>Unique id</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.lines.map((l) => (
              <Table.Tr key={l.line}>
                <Table.Td ta="right">{l.line}</Table.Td>
                {l.problem ? (
                  <Table.Td colSpan={5}>
                    <Text size="sm" c="red">
                      {l.problem}
                    </Text>
                  </Table.Td>
                ) : (
                  <>
                    <Table.Td ff="monospace">{l.source ?? ''}</Table.Td>
                    <Table.Td ff="monospace">{l.destination ?? ''}</Table.Td>
                    <Table.Td>{l.start ? formatDateTime(l.start, zone) : ''}</Table.Td>
                    <Table.Td ta="right">{l.durationSeconds ?? ''}</Table.Td>
                    <Table.Td ff="monospace">{l.uniqueId ?? ''}</Table.Td>
                  </>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Stack>
  );
}
