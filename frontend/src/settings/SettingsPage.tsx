import '@mantine/dropzone/styles.css';
import {
  Alert,
  Button,
  Code,
  Group,
  Image,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { Dropzone, type FileRejection } from '@mantine/dropzone';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPhoto, IconUpload } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useMutation, useQuery } from 'urql';
import { FormErrors } from '../common/FormErrors';
import { LoadError, LoadingRows } from '../common/loading';
import { useSettings } from '../common/settings';
import { useServerErrors } from '../common/useServerErrors';
import { SettingsTabs } from '../access/SettingsTabs';
import type { CompanySettingsFieldsFragment } from '../gql/graphql';
import { apiErrorMessage } from '../graphql/errors';
import { usePageTitle } from '../shell/usePageTitle';
import {
  CompanySettingsQuery,
  RemoveLogoMutation,
  SetNextInvoiceNumberMutation,
  UpdateSettingsMutation,
  UploadLogoMutation,
} from './documents';
import { settingsFormFields, toFormValues, toUpdateSettingsInput, validateSettings, type SettingsFormValues } from './settingsForm';

const MAX_LOGO_BYTES = 1024 * 1024;

/** The company's settings in sections, and the deployment's read-only values at the foot. */
export function SettingsPage() {
  usePageTitle('Settings');
  const [{ data, fetching, error }] = useQuery({ query: CompanySettingsQuery, requestPolicy: 'network-only' });
  return (
    <Stack maw={900}>
      <Title order={2}>Settings</Title>
      <SettingsTabs current="/settings" />
      <LoadError title="The settings could not be loaded" error={error} />
      {fetching && !data && <LoadingRows label="Loading the settings" rows={6} height={48} />}
      {data && <SettingsSections settings={data.settings} />}
    </Stack>
  );
}

function Section({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title}>
      <Title order={3} size="h4">
        {title}
      </Title>
      {description && (
        <Text size="sm" c="dimmed" mb="sm">
          {description}
        </Text>
      )}
      <Stack mt={description ? 0 : 'sm'}>{children}</Stack>
    </Paper>
  );
}

function SettingsSections({ settings: s }: { settings: CompanySettingsFieldsFragment }) {
  const company = s.company;
  const form = useForm<SettingsFormValues>({ mode: 'controlled', initialValues: toFormValues(company), validate: validateSettings });
  const serverErrors = useServerErrors(form, settingsFormFields);
  const [, update] = useMutation(UpdateSettingsMutation);

  const submit = form.onSubmit(async (values) => {
    const saved = await serverErrors.save(async () => (await update({ input: toUpdateSettingsInput(values) })).error);
    if (saved) {
      form.resetDirty();
      notifications.show({ color: 'teal', title: 'Settings saved', message: 'New invoices and emails use them from now on.' });
    }
  });
  const placeholders = s.emailPlaceholders.map((p) => `{{${p}}}`);

  return (
    <Stack>
      <form onSubmit={submit} noValidate aria-label="Settings">
        <Stack>
          <FormErrors title="The settings were not saved" errors={serverErrors.formErrors} />
          <Section title="Company" description="Printed at the top of every invoice and call statement.">
            <TextInput label="Company name" autoComplete="organization" {...form.getInputProps('companyName')} />
            <Textarea
              label="Address"
              description="One line a line, as it is printed (at most 8 lines)"
              autosize
              minRows={3}
              {...form.getInputProps('address')}
            />
            <TextInput label="VAT number" placeholder="e.g. GB123456789" {...form.getInputProps('vatNumber')} />
            <LogoField logoURL={company.logoURL ?? null} />
          </Section>

          <Section
            title="Tax & terms"
            description="Used for every customer and product that does not set its own."
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label="Default tax rate"
                description="Percent, from 0 to 100"
                rightSection="%"
                inputMode="decimal"
                {...form.getInputProps('defaultTaxRate')}
              />
              <NumberInput
                label="Payment terms"
                description="Days from the issue date to the due date, 0 to 365"
                rightSection="days"
                rightSectionWidth={48}
                allowDecimal={false}
                {...form.getInputProps('paymentTermsDays')}
              />
            </SimpleGrid>
          </Section>

          <Section title="Email" description="Who invoice emails come from, and what they say.">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label="Sender name" placeholder="e.g. Northern Voice billing" {...form.getInputProps('emailSenderName')} />
              <TextInput
                label="Sender address"
                type="email"
                placeholder="billing@example.com"
                {...form.getInputProps('emailSenderAddress')}
              />
            </SimpleGrid>
            <TextInput label="Invoice email subject" {...form.getInputProps('invoiceEmailSubject')} />
            <Textarea label="Invoice email body" autosize minRows={6} {...form.getInputProps('invoiceEmailBody')} />
            <Text size="xs" c="dimmed">
              Placeholders, filled in for each email:{' '}
              {placeholders.map((p, i) => (
                <span key={p}>
                  {i > 0 && ' '}
                  <Code>{p}</Code>
                </span>
              ))}
            </Text>
          </Section>

          <Group justify="flex-end">
            <Button variant="default" onClick={() => form.reset()} disabled={serverErrors.saving || !form.isDirty()}>
              Undo changes
            </Button>
            <Button type="submit" loading={serverErrors.saving}>
              Save settings
            </Button>
          </Group>
        </Stack>
      </form>

      <NextNumberSection next={company.nextInvoiceNumber} />
      <DeploymentSection />
    </Stack>
  );
}

function LogoField({ logoURL }: { logoURL: string | null }) {
  const [{ fetching: uploading }, upload] = useMutation(UploadLogoMutation);
  const [{ fetching: removing }, remove] = useMutation(RemoveLogoMutation);
  const [error, setError] = useState<string | null>(null);

  const send = async (file: File) => {
    setError(null);
    const r = await upload({ file });
    if (r.error) setError(apiErrorMessage(r.error));
    else notifications.show({ color: 'teal', title: 'Logo saved', message: 'New invoices print it.' });
  };
  const onReject = (rejections: FileRejection[]) => {
    const code = rejections[0]?.errors[0]?.code;
    setError(
      code === 'file-too-large'
        ? 'The logo is larger than 1 MB; save it smaller and choose it again.'
        : 'The logo must be a PNG or JPEG image.',
    );
  };

  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        Logo
      </Text>
      <Group align="center" gap="md">
        {/* White in dark mode too: the logo as it prints on the invoice's paper. */}
        {logoURL ? (
          <Paper withBorder p="xs" radius="sm" bg="white" data-light-on-purpose>
            <Image src={logoURL} alt="Company logo" h={64} w="auto" fit="contain" />
          </Paper>
        ) : (
          <Text size="sm" c="dimmed">
            No logo: invoices print the company name only.
          </Text>
        )}
        <Dropzone
          onDrop={(files) => files[0] && send(files[0])}
          onReject={onReject}
          accept={['image/png', 'image/jpeg']}
          maxSize={MAX_LOGO_BYTES}
          multiple={false}
          loading={uploading}
          p="xs"
          inputProps={{ 'aria-label': 'Logo file' }}
          style={{ flex: 1, minWidth: 220 }}
        >
          <Group gap="xs" justify="center" style={{ pointerEvents: 'none' }}>
            {logoURL ? <IconPhoto size={20} /> : <IconUpload size={20} />}
            <Text size="sm">{logoURL ? 'Replace the logo: drop a PNG or JPEG here' : 'Add a logo: drop a PNG or JPEG here'}</Text>
            <Text size="xs" c="dimmed">
              or click to choose; at most 1 MB
            </Text>
          </Group>
        </Dropzone>
        {logoURL && (
          <Button variant="subtle" color="red" loading={removing} onClick={async () => {
            setError(null);
            const r = await remove({});
            if (r.error) setError(apiErrorMessage(r.error));
          }}>
            Remove logo
          </Button>
        )}
      </Group>
      {error && (
        <Text size="sm" c="red" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}

function NextNumberSection({ next }: { next: number }) {
  const [value, setValue] = useState<number | string>(next);
  const [error, setError] = useState<string | null>(null);
  const [{ fetching }, setNext] = useMutation(SetNextInvoiceNumberMutation);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const n = Number(value);
    if (value === '' || !Number.isInteger(n)) {
      setError('Enter a whole number, e.g. 1001');
      return;
    }
    setError(null);
    const r = await setNext({ number: n });
    if (r.error) setError(apiErrorMessage(r.error));
    else notifications.show({ color: 'teal', title: 'Next invoice number set', message: `The next invoice is number ${n}.` });
  };
  return (
    <Section
      title="Invoice numbering"
      description="Invoices are numbered one after another with no gaps. The next number can be set above every number already used, never at or below one."
    >
      <form onSubmit={submit} noValidate aria-label="Invoice numbering">
        <Group align="flex-start">
          <Stack gap={2}>
            <Text size="sm">
              The next invoice is number <b>{next}</b>.
            </Text>
          </Stack>
        </Group>
        <Group align="flex-end" mt="sm">
          <NumberInput label="Next invoice number" allowDecimal={false} value={value} onChange={setValue} error={error} w={220} />
          <Button type="submit" variant="light" loading={fetching} disabled={Number(value) === next}>
            Set next number
          </Button>
        </Group>
      </form>
    </Section>
  );
}

function DeploymentSection() {
  const s = useSettings();
  const rows: [string, string][] = [
    ['Currency', `${s.currency} (${s.currencySymbol})`],
    ['Time zone', s.timeZone],
    ['Country code', `+${s.countryCode}`],
    ['Call price decimals', String(s.callPriceDecimals)],
    ['Invoice decimals', String(s.invoiceDecimals)],
    ['Rounding', s.rounding],
  ];
  return (
    <Section
      title="Deployment"
      description="Fixed by the server's configuration (TOLLGATE_* environment variables); they change only with a restart, so they cannot be edited here."
    >
      <Alert color="gray" variant="light" p={0} styles={{ root: { background: 'none' } }}>
        <Table withRowBorders={false} verticalSpacing={4} aria-label="Deployment settings">
          <Table.Tbody>
            {rows.map(([k, v]) => (
              <Table.Tr key={k}>
                <Table.Th w={220} fw={500}>
                  {k}
                </Table.Th>
                <Table.Td>{v}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Alert>
    </Section>
  );
}
