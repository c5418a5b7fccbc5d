import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Paper,
  Select,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconDeviceFloppy,
  IconDownload,
  IconFileImport,
  IconInfoCircle,
  IconPlus,
  IconRestore,
  IconTrash,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { LoadError } from '../common/loading';
import { apiErrorMessage } from '../graphql/errors';
import type { PeakTimesFieldsFragment, Weekday } from '../gql/graphql';
import { CsvDropzone } from '../common/CsvDropzone';
import { fileProblems, problemCount, type FileProblem } from '../common/problems';
import { ProblemsReport } from '../common/ProblemsReport';
import { usePageTitle } from '../shell/usePageTitle';
import {
  BAND_LABELS,
  BANDS,
  DAY_LABELS,
  DAYS,
  fromServerBlocks,
  newKey,
  sameSchedule,
  standardUkSchedule,
  toBlockInputs,
  validateBlocks,
  weekGridFromBlocks,
  type Band,
  type BlockDraft,
} from './blocks';
import { ImportPeakTimesMutation, PeakTimesQuery, ReplacePeakTimesMutation } from './documents';
import { downloadText, peakTimesFileName } from './download';
import { WeekGrid } from './WeekGrid';

export function PeakTimesPage() {
  usePageTitle('Peak times');
  const [{ data, fetching, error }, reexecute] = useQuery({ query: PeakTimesQuery });
  const schedule = data?.peakTimes;
  const [importing, setImporting] = useState(false);

  return (
    <Stack gap="md" maw={1200}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>Peak times</Title>
          <Text c="dimmed" size="sm">
            {schedule ? `${schedule.name}: the schedule every tariff uses unless it has its own.` : 'The default schedule.'}
          </Text>
        </div>
        <Group gap="xs">
          <Button
            variant="default"
            leftSection={<IconFileImport size={16} />}
            onClick={() => setImporting(true)}
            disabled={!schedule}
          >
            Import CSV
          </Button>
          <Button
            variant="default"
            leftSection={<IconDownload size={16} />}
            disabled={!schedule}
            onClick={() => schedule && downloadText(peakTimesFileName(schedule.name), schedule.csv)}
          >
            Export CSV
          </Button>
        </Group>
      </Group>

      <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} />}>
        Times are local wall-clock time (daylight saving applied). <b>Time not covered by any block is peak</b>, so a
        gap is never billed at a loss. A block starts at its start time and ends just before its end time; 24:00 is the
        end of the day.
      </Alert>

      <LoadError title="Could not load the peak times" error={error} />
      {!data && fetching && (
        <Stack aria-busy="true" aria-label="Loading peak times">
          <Skeleton height={220} />
          <Skeleton height={160} />
        </Stack>
      )}
      {/* Keyed by content: a saved or imported change starts the editor again from it, while a
          background refetch of the same schedule leaves the clerk's edits alone. */}
      {schedule && <ScheduleEditor key={`${schedule.id}:${scheduleContent(schedule)}`} schedule={schedule} />}

      {schedule && (
        <ImportModal
          opened={importing}
          schedule={schedule}
          onClose={() => setImporting(false)}
          onImported={() => {
            setImporting(false);
            reexecute({ requestPolicy: 'network-only' });
          }}
        />
      )}
    </Stack>
  );
}

function scheduleContent(schedule: PeakTimesFieldsFragment): string {
  return JSON.stringify(toBlockInputs(fromServerBlocks(schedule.blocks)));
}

function ScheduleEditor({ schedule }: { schedule: PeakTimesFieldsFragment }) {
  // The schedule as saved when the editor opened (PeakTimesPage remounts it when that changes).
  const [saved] = useState(() => fromServerBlocks(schedule.blocks));
  const [draft, setDraft] = useState<BlockDraft[]>(saved);
  const [showErrors, setShowErrors] = useState(false);
  const [serverProblems, setServerProblems] = useState<FileProblem[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [{ fetching: saving }, replace] = useMutation(ReplacePeakTimesMutation);


  const dirty = !sameSchedule(draft, saved);
  const errors = validateBlocks(draft);
  const grid = dirty ? weekGridFromBlocks(draft) : schedule.weekGrid;

  const update = (i: number, patch: Partial<BlockDraft>) => {
    setServerProblems(null);
    setDraft((d) => d.map((b, j) => (j === i ? { ...b, ...patch } : b)));
  };

  const save = async () => {
    setShowErrors(true);
    setFailure(null);
    if (errors.size > 0) return;
    const result = await replace({ id: schedule.id, blocks: toBlockInputs(draft) });
    if (result.error || !result.data) {
      const problems = fileProblems(result.error);
      if (problems) setServerProblems(problems);
      else setFailure(apiErrorMessage(result.error));
      return;
    }
    const n = result.data.replacePeakTimes.blocks?.length ?? 0;
    notifications.show({
      color: 'teal',
      title: 'Peak times saved',
      message: `${n} ${n === 1 ? 'block' : 'blocks'}; calls analysed from now on use them.`,
    });
  };

  // The server numbers blocks in the order they were sent, which is the order shown.
  const serverErrorFor = (i: number) =>
    serverProblems
      ?.filter((p) => p.line === i + 1)
      .map((p) => p.reason)
      .join('; ');

  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" mb="xs">
          <Title order={4}>The week</Title>
          {dirty && (
            <Badge color="yellow" variant="light">
              Preview of unsaved changes
            </Badge>
          )}
        </Group>
        <WeekGrid grid={grid} caption="Each cell shows the band in force at the start of that hour." />
      </Paper>

      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" mb="sm">
          <div>
            <Title order={4}>Blocks</Title>
            <Text size="sm" c="dimmed">
              {draft.length === 0
                ? 'No blocks: the whole week is peak.'
                : `${draft.length} ${draft.length === 1 ? 'block' : 'blocks'}`}
            </Text>
          </div>
          <Button
            variant="subtle"
            size="xs"
            onClick={() => {
              setServerProblems(null);
              setDraft(standardUkSchedule());
            }}
          >
            Fill in the standard UK schedule
          </Button>
        </Group>

        <Stack gap="xs" role="list" aria-label="Blocks">
          {draft.map((b, i) => {
            const e = showErrors ? errors.get(i) : undefined;
            // Overlaps are shown as soon as they exist: they come from two blocks, not a typo in one.
            const overlap = errors.get(i)?.overlap;
            const serverError = serverErrorFor(i);
            return (
              <Paper key={b.key} withBorder radius="sm" p="sm" role="listitem" aria-label={`Block ${i + 1}`}>
                <Group align="flex-start" gap="sm" wrap="wrap">
                  <Text fw={600} w={24} mt={30} c="dimmed" aria-hidden>
                    {i + 1}
                  </Text>
                  <Select
                    label="Band"
                    aria-label={`Band of block ${i + 1}`}
                    data={BANDS.map((x) => ({ value: x, label: BAND_LABELS[x] }))}
                    value={b.band}
                    onChange={(v) => v && update(i, { band: v as Band })}
                    allowDeselect={false}
                    w={130}
                  />
                  <Checkbox.Group
                    label="Days"
                    aria-label={`Days of block ${i + 1}`}
                    value={b.days}
                    onChange={(v) => update(i, { days: v as Weekday[] })}
                    error={e?.days}
                  >
                    <Group gap={10} mt={8}>
                      {DAYS.map((d) => (
                        <Checkbox key={d} value={d} label={DAY_LABELS[d]} aria-label={`${DAY_LABELS[d]}, block ${i + 1}`} />
                      ))}
                    </Group>
                  </Checkbox.Group>
                  <TextInput
                    label="Start"
                    aria-label={`Start of block ${i + 1}`}
                    placeholder="HH:MM"
                    value={b.start}
                    onChange={(ev) => update(i, { start: ev.currentTarget.value })}
                    onBlur={() => setShowErrors(true)}
                    error={e?.start}
                    w={110}
                    autoComplete="off"
                    inputMode="numeric"
                  />
                  <TextInput
                    label="End"
                    aria-label={`End of block ${i + 1}`}
                    placeholder="HH:MM"
                    value={b.end}
                    onChange={(ev) => update(i, { end: ev.currentTarget.value })}
                    onBlur={() => setShowErrors(true)}
                    error={e?.end}
                    w={150}
                    autoComplete="off"
                    inputMode="numeric"
                  />
                  <Tooltip label={`Remove block ${i + 1}`}>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      mt={28}
                      aria-label={`Remove block ${i + 1}`}
                      onClick={() => {
                        setServerProblems(null);
                        setDraft((d) => d.filter((_, j) => j !== i));
                      }}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Tooltip>
                </Group>
                {(overlap || serverError) && (
                  <Text size="sm" c="red" mt={6} role="alert">
                    {[overlap, serverError].filter(Boolean).join('; ')}
                  </Text>
                )}
              </Paper>
            );
          })}
        </Stack>

        <Button
          mt="sm"
          variant="light"
          leftSection={<IconPlus size={16} />}
          onClick={() =>
            setDraft((d) => [...d, { key: newKey(), band: 'OFFPEAK', days: ['MON', 'TUE', 'WED', 'THU', 'FRI'], start: '', end: '' }])
          }
        >
          Add block
        </Button>
      </Paper>

      {serverProblems && (
        <ProblemsReport
          problems={serverProblems}
          title={`The peak times were not saved: ${problemCount(serverProblems.length)}`}
          lineLabel="Block"
          formatLine={(line) => (line > 0 ? String(line) : '—')}
        >
          Nothing was changed; the saved schedule stays in force.
        </ProblemsReport>
      )}
      {failure && (
        <Alert color="red" title="The peak times were not saved" role="alert">
          {failure}
        </Alert>
      )}
      {showErrors && errors.size > 0 && (
        <Text size="sm" c="red" role="alert">
          Fix the blocks marked in red before saving.
        </Text>
      )}

      <Group justify="flex-end">
        <Button
          variant="default"
          leftSection={<IconRestore size={16} />}
          disabled={!dirty || saving}
          onClick={() => {
            setDraft(saved);
            setShowErrors(false);
            setServerProblems(null);
          }}
        >
          Discard changes
        </Button>
        <Button leftSection={<IconDeviceFloppy size={16} />} onClick={save} loading={saving} disabled={!dirty}>
          Save peak times
        </Button>
      </Group>
    </Stack>
  );
}

interface ImportProps {
  schedule: PeakTimesFieldsFragment;
  onClose: () => void;
  onImported: () => void;
}

function ImportModal({ opened, ...props }: ImportProps & { opened: boolean }) {
  return (
    <Modal opened={opened} onClose={props.onClose} title="Import peak times from CSV" size="lg">
      {/* Mounted only while open, so each opening starts with no file and no report. */}
      {opened && <ImportForm {...props} />}
    </Modal>
  );
}

function ImportForm({ schedule, onClose, onImported }: ImportProps) {
  const [file, setFile] = useState<File | null>(null);
  const [problems, setProblems] = useState<FileProblem[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [{ fetching }, importCsv] = useMutation(ImportPeakTimesMutation);

  const submit = async () => {
    if (!file) return;
    setProblems(null);
    setFailure(null);
    const result = await importCsv({ id: schedule.id, file });
    if (result.error || !result.data) {
      const report = fileProblems(result.error);
      if (report) setProblems(report);
      else setFailure(apiErrorMessage(result.error));
      return;
    }
    const n = result.data.importPeakTimes.blocks?.length ?? 0;
    notifications.show({ color: 'teal', title: 'Peak times imported', message: `${file.name}: ${n} ${n === 1 ? 'block' : 'blocks'}` });
    onImported();
  };

  return (
    <Stack>
        <Text size="sm">
          The file replaces every block of {schedule.name}. Columns: <code>band,days,start,end</code>, e.g.{' '}
          <code>peak,Mon-Fri,08:00,18:00</code>.
        </Text>
        <CsvDropzone
          file={file}
          onFile={(f) => {
            setFile(f);
            setProblems(null);
            setFailure(null);
          }}
          title="Drop the peak-times CSV here"
          inputLabel="Peak times file"
        />
        {problems && (
          <ProblemsReport problems={problems} title={`The file was rejected: ${problemCount(problems.length)}`}>
            Nothing was changed; the current schedule stays in force.
          </ProblemsReport>
        )}
        {failure && (
          <Alert color="red" title="Not imported" role="alert">
            {failure}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={fetching}>
            Cancel
          </Button>
          <Button onClick={submit} loading={fetching} disabled={!file}>
            Replace the schedule
          </Button>
        </Group>
    </Stack>
  );
}
