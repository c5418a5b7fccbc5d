import {
  Badge,
  Button,
  DataList,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { IconCalculator } from '@tabler/icons-react';
import { useState } from 'react';
import { useClient } from 'urql';
import { TariffSelect } from '../customers/pickers';
import { FormErrors } from '../common/FormErrors';
import { TimeField } from '../common/TimeField';
import { DIRECTION_LABELS } from '../common/labels';
import { useSettings } from '../common/settings';
import { nowInZone, timeZoneOptions } from '../common/time';
import { useServerErrors } from '../common/useServerErrors';
import { useFormat } from '../common/useFormat';
import type { QuoteCallQuery, RateSheetDirection } from '../gql/graphql';
import { BAND_COLORS, BAND_LABELS } from '../peaktimes/blocks';
import { AnyProviderSelect } from '../providers/ProviderSelect';
import { QuoteCallQuery as QuoteCallDocument } from './documents';
import { formatSeconds, toQuoteInput, validateQuote, type QuoteFormValues } from './quoteForm';

type Quote = QuoteCallQuery['quoteCall'];

const STATUS: Record<Quote['status'], { label: string; color: string; help: string }> = {
  RATED: { label: 'Rated', color: 'teal', help: '' },
  NO_RATE: {
    label: 'No rate',
    color: 'orange',
    help: 'No destination of the rate sheet in force matches this number or charge code; an analysis would list this call under "calls without rates".',
  },
  ZERO_DURATION: {
    label: 'Zero duration',
    color: 'gray',
    help: 'An unanswered call (0 seconds) is never charged.',
  },
};

const fieldMap: Record<string, keyof QuoteFormValues> = {
  tariffID: 'tariffId',
  providerID: 'providerId',
  start: 'startDay',
};

/**
 * Prices one call exactly as an analysis would, with the sentence that shows
 * how. On a tariff's page the tariff is fixed; on its own page it is a choice.
 */
export function QuotePanel({ tariff }: { tariff?: { id: string; name: string } }) {
  const client = useClient();
  const [providerZone, setProviderZone] = useState<string | null>(null);
  const { timeZone: deploymentZone } = useSettings();
  const now = nowInZone(deploymentZone);
  const form = useForm<QuoteFormValues>({
    mode: 'controlled',
    initialValues: {
      tariffId: tariff?.id ?? null,
      providerId: null,
      direction: 'OUTBOUND',
      number: '',
      chargeCode: '',
      startDay: now.day,
      startTime: now.time,
      timeZone: deploymentZone,
      durationSeconds: 60,
    },
    validate: validateQuote,
  });
  const serverErrors = useServerErrors(form, Object.keys(form.getValues()), { fieldMap });
  const [quote, setQuote] = useState<Quote | null>(null);
  const [fetching, setFetching] = useState(false);
  const v = form.getValues();

  const submit = form.onSubmit(async (values) => {
    serverErrors.clear();
    setFetching(true);
    try {
      const result = await client
        .query(QuoteCallDocument, { input: toQuoteInput(values) }, { requestPolicy: 'network-only' })
        .toPromise();
      if (result.error || !result.data) {
        serverErrors.show(result.error);
        setQuote(null);
        return;
      }
      setQuote(result.data.quoteCall);
    } finally {
      setFetching(false);
    }
  });

  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="md">
        <form onSubmit={submit} noValidate aria-label="Quote a call">
          <Stack gap="sm">
            {!tariff && (
              <Text size="sm" c="dimmed">
                Price one call as an upload would: pick a tariff, type the number and when the call started.
              </Text>
            )}
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
              {!tariff && (
                <TariffSelect
                  label="Tariff"
                  value={v.tariffId}
                  onChange={(id) => form.setFieldValue('tariffId', id)}
                  error={form.errors.tariffId}
                />
              )}
              <AnyProviderSelect
                label="Provider"
                description="Its own sheet if it has one, else the any-provider sheet"
                value={v.providerId}
                onChange={(id, p) => {
                  form.setFieldValue('providerId', id);
                  setProviderZone(p?.timeZone ?? null);
                }}
                error={form.errors.providerId}
              />
              <Stack gap={4}>
                <Text size="sm" fw={500} id="quote-direction-label">
                  Direction
                </Text>
                <Text size="xs" c="dimmed">
                  Inbound: priced by the caller&apos;s number
                </Text>
                <SegmentedControl
                  aria-labelledby="quote-direction-label"
                  value={v.direction}
                  onChange={(d) => form.setFieldValue('direction', d as RateSheetDirection)}
                  data={(['OUTBOUND', 'INBOUND'] as const).map((d) => ({ value: d, label: DIRECTION_LABELS[d] }))}
                />
              </Stack>
              <TextInput
                label={v.direction === 'INBOUND' ? "Caller's number" : 'Dialled number'}
                description="As the CDR has it: 0113…, +44113…, 0044113…"
                withAsterisk
                autoComplete="off"
                placeholder="e.g. 01134960123"
                {...form.getInputProps('number')}
              />
              <TextInput
                label="Charge code"
                description="Optional: the provider's code, matched first"
                autoComplete="off"
                placeholder="e.g. UKN"
                {...form.getInputProps('chargeCode')}
              />
              <NumberInput
                label="Duration (seconds)"
                description="Answered seconds; 0 = unanswered"
                withAsterisk
                min={0}
                allowDecimal={false}
                allowNegative={false}
                thousandSeparator={false}
                {...form.getInputProps('durationSeconds')}
              />
            </SimpleGrid>
            <Group align="flex-start" gap="sm">
              <DateInput
                label="Start date"
                withAsterisk
                valueFormat="YYYY-MM-DD"
                placeholder="YYYY-MM-DD"
                w={170}
                {...form.getInputProps('startDay')}
              />
              <TimeField
                label="Start time"
                hoursInputLabel="Start hour"
                minutesInputLabel="Start minute"
                withAsterisk
                w={130}
                {...form.getInputProps('startTime')}
              />
              <Select
                label="Time zone"
                description="Peak times are read in the deployment's zone"
                data={timeZoneOptions(deploymentZone, [providerZone])}
                allowDeselect={false}
                w={260}
                {...form.getInputProps('timeZone')}
              />
            </Group>
            <FormErrors title="No quote" errors={serverErrors.formErrors} />
            <Group>
              <Button type="submit" loading={fetching} leftSection={<IconCalculator size={16} />}>
                Quote
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>

      {quote && <QuoteResult quote={quote} />}
    </Stack>
  );
}

function QuoteResult({ quote: q }: { quote: Quote }) {
  const status = STATUS[q.status];
  const split = q.tariff.bandMode === 'SPLIT';
  const format = useFormat();
  const money = (d: string | null | undefined, strong = false) =>
    d == null ? (
      <Text span c="dimmed" size="sm">
        unknown
      </Text>
    ) : (
      <Text span ff="monospace" fw={strong ? 700 : undefined} size={strong ? 'lg' : undefined}>
        {format.price(d)}
      </Text>
    );

  return (
    <Paper withBorder radius="md" p="md" aria-label="Quote result" role="region">
      <Group gap="sm" mb="sm">
        <Title order={4}>Quote</Title>
        <Badge color={status.color} variant="light">
          {status.label}
        </Badge>
        {q.status === 'RATED' && (
          <Badge color={BAND_COLORS[q.band]} variant="light">
            {BAND_LABELS[q.band]}
          </Badge>
        )}
      </Group>
      {status.help && (
        <Text size="sm" c="dimmed" mb="sm">
          {q.status === 'NO_RATE' && !q.rateSheet
            ? `${q.tariff.name} has no rate sheet in force for this direction and start time (see the breakdown); an analysis would list this call under "calls without rates".`
            : status.help}
        </Text>
      )}
      <DataList labelWidth={180}>
        <Item label="Price">{money(q.price, true)}</Item>
        <Item label="Cost">{money(q.cost)}</Item>
        <Item label="Margin">{money(q.margin)}</Item>
        {q.status === 'RATED' && (
          <Item label="Band">
            {BAND_LABELS[q.band]}
            {split ? ' at the start (split mode)' : ''}
          </Item>
        )}
        <Item label="Billable seconds">
          {q.billableSeconds} ({formatSeconds(q.billableSeconds)})
        </Item>
        {split && (
          <Item label="Seconds per band">
            Peak {q.peakSeconds} · Off-peak {q.offpeakSeconds} · Weekend {q.weekendSeconds}
          </Item>
        )}
        <Item label="Number as matched">
          <Text span ff="monospace">
            {q.number}
          </Text>
        </Item>
        <Item label="Destination">
          {q.rateDestination ? (
            <>
              <Text span ff="monospace">
                {q.rateDestination}
              </Text>
              {q.description ? ` — ${q.description}` : ''}
            </>
          ) : (
            <Text span c="dimmed">
              None matched
            </Text>
          )}
        </Item>
        <Item label="Rate sheet">
          {q.rateSheet
            ? `${q.tariff.name}, ${q.rateSheet.provider?.name ?? 'any provider'}, version ${q.rateSheet.version}`
            : `${q.tariff.name}: no rate sheet in force`}
        </Item>
      </DataList>
      {q.breakdown && (
        <Text mt="md" size="sm" ff="monospace" aria-label="Breakdown" p="sm" bg="var(--mantine-color-gray-light)" style={{ borderRadius: 6 }}>
          {q.breakdown}
        </Text>
      )}
    </Paper>
  );
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}
