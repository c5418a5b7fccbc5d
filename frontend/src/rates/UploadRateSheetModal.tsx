import { Alert, Button, Group, List, Modal, Radio, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { apiErrorMessage } from '../graphql/errors';
import type { MoneyUnits, RateSheetDirection, RateSheetVersionFragment } from '../gql/graphql';
import { CsvDropzone } from '../common/CsvDropzone';
import { TimeField } from '../common/TimeField';
import { DayInput } from '../common/DayInput';
import { formatCount } from '../common/numbers';
import { DIRECTION_LABELS } from '../common/labels';
import { fileProblems, problemCount, type FileProblem } from '../common/problems';
import { ProblemsReport } from '../common/ProblemsReport';
import { useSettings } from '../common/settings';
import { useFormat } from '../common/useFormat';
import {
  ALWAYS,
  dayStart,
  formatDateTime,
  formatDaySpan,
  isAlways,
  monthStartDay,
  nowInZone,
  timeZoneOptions,
  wallTimeToISO,
} from '../common/time';
import { AnyProviderSelect } from '../providers/ProviderSelect';
import { RateSheetUncoveredCallsQuery, UploadRateSheetMutation } from './documents';
import { groupTitle, type SheetGroup } from './sheets';

interface Props {
  opened: boolean;
  onClose: () => void;
  tariff: { id: string; name: string };
  groups: readonly SheetGroup[];
  /** A file dropped on the page before the modal opened. */
  initialFile?: File | null;
  /** Where the upload starts: the group the clerk was looking at. */
  initialGroup?: Pick<SheetGroup, 'provider' | 'direction'> | null;
  onUploaded: (sheet: RateSheetVersionFragment) => void;
}

export function UploadRateSheetModal({ opened, onClose, ...props }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title={`Upload a rate sheet to ${props.tariff.name}`} size="xl">
      {opened && <UploadForm {...props} onClose={onClose} />}
    </Modal>
  );
}

function UploadForm({ tariff, groups, initialFile, initialGroup, onUploaded, onClose }: Omit<Props, 'opened'>) {
  const [file, setFile] = useState<File | null>(initialFile ?? null);
  const [providerId, setProviderId] = useState<string | null>(initialGroup?.provider?.id ?? null);
  const [providerName, setProviderName] = useState<string | null>(initialGroup?.provider?.name ?? null);
  const [direction, setDirection] = useState<RateSheetDirection>(initialGroup?.direction ?? 'OUTBOUND');
  // Null until the clerk chooses: then the target's natural choice (choices below).
  const [chosenWhen, setWhen] = useState<When | null>(null);
  const { timeZone: deploymentZone } = useSettings();
  const format = useFormat();
  const [zone, setZone] = useState(deploymentZone);
  const [day, setDay] = useState<string | null>(() => nowInZone(deploymentZone).day);
  // A chosen date starts at midnight: rate changes take effect at the start of a day.
  const [time, setTime] = useState('00:00');
  const [now] = useState(() => new Date().toISOString());
  const [units, setUnits] = useState<MoneyUnits>('MINOR');
  const [fileError, setFileError] = useState<string | null>(null);
  const [whenError, setWhenError] = useState<string | null>(null);
  const [problems, setProblems] = useState<FileProblem[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [{ fetching }, upload] = useMutation(UploadRateSheetMutation);

  // A new file, or a different target, is a new attempt: the old report no longer applies.
  const newAttempt = () => {
    setProblems(null);
    setFailure(null);
  };

  const target = groups.find((g) => (g.provider?.id ?? null) === providerId && g.direction === direction);
  const targetTitle = groupTitle({ provider: providerId ? { id: providerId, name: providerName ?? '' } : null, direction });
  const nextVersion = target ? Math.max(...target.versions.map((v) => v.version)) + 1 : 1;
  const choices = whenChoices(deploymentZone, nextVersion === 1);
  // A first version prices every call from the start; a later one from now leaves earlier calls to the version in force.
  const when: When = chosenWhen && choices.some((c) => c.value === chosenWhen) ? chosenWhen : nextVersion === 1 ? 'start' : 'now';
  // The instant the version takes effect, as sent (undefined: now, the server's clock), or null when unreadable.
  const effectiveFrom: string | undefined | null =
    when === 'at' ? (day ? wallTimeToISO(day, time, zone) : null) : (choices.find((c) => c.value === when)?.from ?? undefined);

  const [{ data: uncoveredData }] = useQuery({
    query: RateSheetUncoveredCallsQuery,
    variables: { tariffID: tariff.id, providerID: providerId, direction, effectiveFrom: effectiveFrom ?? now },
    pause: effectiveFrom === null || isAlways(effectiveFrom),
    requestPolicy: 'network-only',
  });
  const uncovered = effectiveFrom !== null && !isAlways(effectiveFrom) ? uncoveredData?.rateSheetUncoveredCalls : undefined;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setFileError(file ? null : 'Choose the rate sheet CSV to upload');
    setWhenError(effectiveFrom === null ? 'Enter the date (YYYY-MM-DD) and time (HH:MM) this version starts pricing calls' : null);
    if (effectiveFrom === null) return;
    if (!file) return;
    setProblems(null);
    setFailure(null);
    const result = await upload(
      { input: { tariffID: tariff.id, providerID: providerId, direction, units, effectiveFrom, file } },
      { additionalTypenames: ['RateSheet', 'Tariff'] },
    );
    if (result.error || !result.data) {
      const report = fileProblems(result.error);
      if (report) setProblems(report);
      else setFailure(apiErrorMessage(result.error) || 'The rate sheet was not uploaded.');
      return;
    }
    const sheet = result.data.uploadRateSheet;
    notifications.show({
      color: 'teal',
      title: `Rate sheet version ${sheet.version} uploaded`,
      message: `${groupTitle(sheet)}: ${sheet.rowCount} ${sheet.rowCount === 1 ? 'rate' : 'rates'}, ${
        isAlways(sheet.effectiveFrom)
          ? 'in force from the start'
          : sheet.inForce
            ? `in force from ${formatDateTime(sheet.effectiveFrom, zone, { withZone: true })}`
            : `in force from ${formatDateTime(sheet.effectiveFrom, zone, { withZone: true })}, not yet`
      }.`,
    });
    onUploaded(sheet);
  };

  const stays = target?.inForce;

  return (
    <form onSubmit={submit} noValidate aria-label="Upload rate sheet">
      <Stack>
        <div>
          <CsvDropzone
            file={file}
            onFile={(f) => {
              setFile(f);
              setFileError(null);
              newAttempt();
            }}
            title="Drop the rate sheet CSV here"
            hint="or click to choose it; Destination, Minimum Charge, Connection Fee, Peak, Offpeak and Weekend Rate columns"
            inputLabel="Rate sheet file"
          />
          {fileError && (
            <Text size="sm" c="red" mt={4} role="alert">
              {fileError}
            </Text>
          )}
        </div>

        <Group grow align="flex-start">
          <AnyProviderSelect
            label="Provider"
            description="Any provider: used for every provider without its own sheet"
            value={providerId}
            onChange={(id, p) => {
              setProviderId(id);
              setProviderName(p?.name ?? null);
              newAttempt();
            }}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="upload-direction-label">
              Direction
            </Text>
            <Text size="xs" c="dimmed">
              Inbound prices toll-free calls by the caller&apos;s number
            </Text>
            <SegmentedControl
              aria-labelledby="upload-direction-label"
              value={direction}
              onChange={(v) => {
                setDirection(v as RateSheetDirection);
                newAttempt();
              }}
              data={(['OUTBOUND', 'INBOUND'] as const).map((d) => ({ value: d, label: DIRECTION_LABELS[d] }))}
            />
          </Stack>
        </Group>

        <Radio.Group
          label="Money in the file is in"
          value={units}
          onChange={(v) => {
            setUnits(v as MoneyUnits);
            newAttempt();
          }}
        >
          <Group mt="xs">
            <Radio value="MINOR" label={`${capitalised(format.minorUnitName)} (e.g. 1.5 = ${format.minor('1.5')} a minute)`} />
            <Radio value="MAJOR" label={`${capitalised(format.majorUnitName)} (e.g. 0.015 = ${format.minor('1.5')} a minute)`} />
          </Group>
        </Radio.Group>

        <Radio.Group
          label="Effective from"
          description="Calls that start from this moment are priced with this version whenever they are analysed; calls already processed keep their prices."
          value={when}
          onChange={(v) => {
            setWhen(v as When);
            setWhenError(null);
          }}
        >
          <Stack mt="xs" gap="xs">
            {choices.map((c) => (
              <Radio key={c.value} value={c.value} label={c.label} description={c.description} />
            ))}
          </Stack>
        </Radio.Group>
        {when === 'at' && (
          <Group align="flex-start" gap="sm" pl="xl">
            <DayInput
              label="Date"
              valueFormat="YYYY-MM-DD"
              placeholder="YYYY-MM-DD"
              value={day}
              onChange={setDay}
              w={160}
              error={whenError ? true : undefined}
            />
            <TimeField label="Time" hoursInputLabel="Hour" minutesInputLabel="Minute" value={time} onChange={setTime} w={120} />
            <Select
              label="Time zone"
              data={timeZoneOptions(deploymentZone)}
              value={zone}
              onChange={(z) => z && setZone(z)}
              allowDeselect={false}
              w={200}
            />
          </Group>
        )}
        {whenError && (
          <Text size="sm" c="red" role="alert">
            {whenError}
          </Text>
        )}
        {uncovered && uncovered.length > 0 && (
          <Alert color="yellow" title="Calls waiting to be processed would have no rate" role="status">
            <List size="sm" spacing={2}>
              {uncovered.map((u) => (
                <List.Item key={u.upload.id}>
                  {u.calls === 1 ? '1 call' : `${formatCount(u.calls)} calls`} of {u.upload.fileName} (
                  {formatDaySpan(u.firstStart, u.lastStart, deploymentZone)}) {u.calls === 1 ? 'starts' : 'start'}{' '}
                  before this date and will have no rate.
                </List.Item>
              ))}
            </List>
            <Text size="sm" mt={4}>
              Choose an earlier date{nextVersion === 1 ? ', or From the start,' : ''} to price them with this version.
            </Text>
          </Alert>
        )}
        {uncovered && uncovered.length === 0 && (
          <Text size="xs" c="dimmed">
            No call waiting to be processed would be left without a rate.
          </Text>
        )}

        {problems && (
          <ProblemsReport
            problems={problems}
            title={`The rate sheet was rejected: ${problemCount(problems.length)}. Nothing was changed.`}
          >
            A sheet is accepted whole or not at all, so none of {file?.name ?? 'the file'} was saved.{' '}
            {stays
              ? `Version ${stays.version} stays in force for ${targetTitle}.`
              : `${targetTitle} still has no rate sheet in force.`}{' '}
            Fix the lines below and upload the file again.
          </ProblemsReport>
        )}
        {failure && (
          <Alert color="red" title="The rate sheet was not uploaded" role="alert">
            {failure} Nothing was changed.
          </Alert>
        )}

        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            Becomes version {nextVersion} of {targetTitle}
          </Text>
          <Group gap="xs">
            <Button variant="default" onClick={onClose} disabled={fetching}>
              {problems ? 'Close' : 'Cancel'}
            </Button>
            <Button type="submit" loading={fetching}>
              Upload
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

type When = 'start' | 'month' | 'lastMonth' | 'now' | 'at';

interface WhenChoice {
  value: When;
  label: string;
  description?: string;
  /** The instant sent; undefined for now (the server's clock) and for a chosen date. */
  from?: string;
}

/**
 * The natural effective-froms (issue 10, item 6): a first version prices
 * every call from the start (no call of an upload waiting to be processed is
 * left without a rate); a later one the start of this or last month, now, or
 * a chosen date, each at 00:00 in the deployment's zone.
 */
function whenChoices(zone: string, first: boolean): WhenChoice[] {
  const month = (back: number): string => dayStart(monthStartDay(zone, back), zone) ?? ALWAYS;
  const shown = (iso: string) => formatDateTime(iso, zone, { withZone: true });
  const thisMonth = month(0);
  const lastMonth = month(1);
  return [
    ...(first
      ? [{ value: 'start' as const, label: 'From the start', description: 'Prices every call, however old: this is the first version', from: ALWAYS }]
      : []),
    { value: 'month', label: `Start of this month, ${shown(thisMonth)}`, from: thisMonth },
    { value: 'lastMonth', label: `Start of last month, ${shown(lastMonth)}`, from: lastMonth },
    {
      value: 'now',
      label: 'Now',
      description: first ? undefined : 'The version in force keeps the calls before the upload',
    },
    { value: 'at', label: 'On a date', description: 'A future date schedules it: the version in force keeps pricing until then' },
  ];
}

function capitalised(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
