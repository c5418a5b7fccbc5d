import { Alert, Button, Group, Modal, Radio, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { DateInput, TimeInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useMutation } from 'urql';
import { apiErrorMessage } from '../graphql/errors';
import type { MoneyUnits, RateSheetDirection, RateSheetVersionFragment } from '../gql/graphql';
import { CsvDropzone } from '../common/CsvDropzone';
import { DIRECTION_LABELS } from '../common/labels';
import { fileProblems, problemCount, type FileProblem } from '../common/problems';
import { ProblemsReport } from '../common/ProblemsReport';
import { useSettings } from '../common/settings';
import { useFormat } from '../common/useFormat';
import { formatDateTime, nowInZone, timeZoneOptions, wallTimeToISO } from '../common/time';
import { AnyProviderSelect } from '../providers/ProviderSelect';
import { UploadRateSheetMutation } from './documents';
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
  const [when, setWhen] = useState<'now' | 'at'>('now');
  const { timeZone: deploymentZone } = useSettings();
  const format = useFormat();
  const [zone, setZone] = useState(deploymentZone);
  const [day, setDay] = useState<string | null>(() => nowInZone(deploymentZone).day);
  const [time, setTime] = useState(() => nowInZone(deploymentZone).time);
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

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setFileError(file ? null : 'Choose the rate sheet CSV to upload');
    let effectiveFrom: string | undefined;
    if (when === 'at') {
      const iso = day ? wallTimeToISO(day, time, zone) : null;
      setWhenError(iso ? null : 'Enter the date and time (HH:MM) this version starts pricing calls');
      if (!iso) return;
      effectiveFrom = iso;
    } else {
      setWhenError(null);
    }
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
        sheet.inForce ? 'in force now' : `in force from ${formatDateTime(sheet.effectiveFrom, zone, { withZone: true })}`
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

        <Radio.Group label="Effective from" value={when} onChange={(v) => setWhen(v as 'now' | 'at')}>
          <Group mt="xs">
            <Radio value="now" label="Now" />
            <Radio value="at" label="A date and time" />
          </Group>
        </Radio.Group>
        {when === 'at' && (
          <Group align="flex-start" gap="sm">
            <DateInput
              label="Date"
              valueFormat="YYYY-MM-DD"
              placeholder="YYYY-MM-DD"
              value={day}
              onChange={setDay}
              w={160}
              error={whenError ? true : undefined}
            />
            <TimeInput label="Time" value={time} onChange={(e) => setTime(e.currentTarget.value)} w={120} />
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
        {when === 'at' && (
          <Text size="xs" c="dimmed">
            Calls that start from this moment are priced with this version whenever they are analysed; calls
            already processed keep their prices. A future date schedules it: the version in force now keeps pricing
            until then.
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

function capitalised(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
