import {
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCircleCheck, IconList, IconPlayerPlay, IconRefresh } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { isNotFound, Missing } from '../common/Missing';
import { LoadError } from '../common/loading';
import { DIRECTION_LABELS } from '../common/labels';
import { formatBytes, formatCount } from '../common/numbers';
import { useFormat } from '../common/useFormat';
import { apiErrorMessage } from '../graphql/errors';
import type { UploadDetailQuery } from '../gql/graphql';
import { usePageTitle } from '../shell/usePageTitle';
import { AssignCliModal, type Assigned, type UnmatchedGroup } from './AssignCliModal';
import { CountsBreakdown, type DetailedUpload } from './CountsBreakdown';
import { canDeleteUpload, DeleteUploadButton } from './DeleteUploadButton';
import { ProcessUploadMutation, ReanalyseUploadMutation, UploadDetailQuery as UploadDetailDocument } from './documents';
import { ProcessUploadModal } from './ProcessUploadModal';
import { isRunning, shownUpload, STATUS_COLORS, STATUS_LABELS } from './progress';
import { ExcludedSection, UnmatchedClisSection, UnratedSection, UnreadableSection } from './Reconciliation';
import { UploadProgressBar } from './UploadProgressBar';
import { useStallRefetch } from './useStallRefetch';
import { useUploadEvents } from './useUploadEvents';

const detailContext = { additionalTypenames: ['CdrUpload'] };

function asUpload(node: UploadDetailQuery['node'] | undefined): DetailedUpload | null {
  return node && 'fileName' in node ? (node as DetailedUpload) : null;
}

export function UploadDetailPage() {
  const format = useFormat();
  const { id = '' } = useParams();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: UploadDetailDocument,
    variables: { id },
    context: detailContext,
  });
  const refetch = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const events = useUploadEvents(id);
  const [reanalysing, reanalyse] = useMutation(ReanalyseUploadMutation);
  const [processing, processUpload] = useMutation(ProcessUploadMutation);
  const [assigning, setAssigning] = useState<UnmatchedGroup | null>(null);
  const [assigned, setAssigned] = useState<Assigned[]>([]);
  const [confirming, setConfirming] = useState(false);

  const queried = asUpload(data?.node);
  const live = events[id];
  // Progress events carry the row's fields; the query adds totals, reconciliation and reports.
  const shown = queried ? shownUpload(queried, live) : null;
  const upload: DetailedUpload | null = shown?.upload ?? null;
  const final = !!shown?.final;
  usePageTitle(upload?.fileName ?? 'Upload');

  // When the work ends, load what it produced: until then the figures held are not final.
  const running = !!upload && isRunning(upload.status);
  const settling = !!upload && !running && !final;
  const liveAt = live?.updatedAt;
  useEffect(() => {
    if (settling) refetch();
  }, [settling, liveAt, refetch]);

  useStallRefetch(running || settling, liveAt, refetch);

  const startReanalysis = async () => {
    if (!upload) return;
    const result = await reanalyse({ id: upload.id }, detailContext);
    if (result.error) {
      notifications.show({ color: 'red', title: 'Not re-analysed', message: apiErrorMessage(result.error) });
      return;
    }
    setAssigned([]);
  };

  const confirmProcess = async () => {
    if (!upload) return;
    const result = await processUpload({ id: upload.id }, { additionalTypenames: ['CdrUpload', 'Customer', 'Call'] });
    setConfirming(false);
    if (result.error) {
      notifications.show({ color: 'red', title: 'Not processed', message: apiErrorMessage(result.error) });
      return;
    }
    notifications.show({
      color: 'teal',
      title: `Processing ${upload.fileName}`,
      message: 'Its priced calls are being added to their customers’ unbilled calls.',
    });
  };

  const analysed =
    final && upload && (upload.status === 'READY' || upload.status === 'PROCESSING' || upload.status === 'PROCESSED');
  const canReanalyse = final && upload && (upload.status === 'READY' || upload.status === 'FAILED');

  return (
    <Stack gap="md">
      <Breadcrumbs>
        <Anchor component={Link} to="/uploads">
          Uploads (CDR)
        </Anchor>
        <span>{upload?.fileName ?? 'Upload'}</span>
      </Breadcrumbs>

      <LoadError title="Could not load the upload" error={isNotFound(error) ? null : error} />
      {fetching && !upload && (
        <Stack>
          <Skeleton height={34} width={320} />
          <Skeleton height={240} />
        </Stack>
      )}
      {((!fetching && !error && !upload) || isNotFound(error)) && (
        <Missing what="CDR upload" id={id} back={{ to: '/uploads', label: 'the uploads' }} />
      )}

      {upload && (
        <>
          <Group justify="space-between" align="flex-start">
            <div>
              <Group gap="sm">
                <Title order={2}>{upload.fileName}</Title>
                <Badge color={settling ? 'gray' : STATUS_COLORS[upload.status]} variant="light" size="lg">
                  {settling ? 'Loading the figures' : STATUS_LABELS[upload.status]}
                </Badge>
              </Group>
              <Text c="dimmed" size="sm">
                {upload.provider.name} · {DIRECTION_LABELS[upload.direction]} · {formatBytes(upload.sizeBytes)} ·
                uploaded {format.dateTime(upload.createdAt, { withZone: true })}
                {upload.analysedAt && ` · analysed ${format.dateTime(upload.analysedAt, { withZone: true })}`}
              </Text>
            </div>
            <Group gap="xs">
              {analysed && (
                <Button
                  component={Link}
                  to={`/calls?upload=${encodeURIComponent(upload.id)}`}
                  variant="default"
                  leftSection={<IconList size={16} />}
                >
                  Browse calls
                </Button>
              )}
              {upload.status !== 'PROCESSED' && upload.status !== 'PROCESSING' && (
                <Tooltip label="Wait for the analysis to finish" disabled={!running}>
                  <Button
                    variant="default"
                    leftSection={<IconRefresh size={16} />}
                    onClick={startReanalysis}
                    loading={reanalysing.fetching}
                    disabled={!canReanalyse}
                  >
                    Re-analyse
                  </Button>
                </Tooltip>
              )}
              {canDeleteUpload(upload.status) && (
                <DeleteUploadButton upload={upload} disabled={running && upload.progress.phase !== 'WAITING_FOR_QUEUE'} />
              )}
              {(upload.status === 'READY' || upload.status === 'ANALYSING' || upload.status === 'UPLOADED') && (
                <Button
                  leftSection={<IconPlayerPlay size={16} />}
                  onClick={() => setConfirming(true)}
                  disabled={upload.status !== 'READY' || !final}
                >
                  Process…
                </Button>
              )}
            </Group>
          </Group>

          {upload.status === 'FAILED' && (
            <Alert color="red" variant="filled" icon={<IconAlertTriangle size={22} />} title="The analysis failed" role="alert">
              <Text size="md" fw={500}>
                {upload.failureReason || 'No reason was given.'}
              </Text>
              <Text size="sm" mt={6}>
                Check that the file comes from {upload.provider.name} and that the provider&apos;s CDR format is right,
                then re-analyse; or upload a corrected file.
              </Text>
            </Alert>
          )}

          {running && (
            <Paper withBorder radius="md" p="lg" aria-label="Progress">
              <Text fw={500} mb="xs">
                {upload.status === 'PROCESSING' ? 'Processing' : 'Analysing'} {upload.fileName}
              </Text>
              <UploadProgressBar upload={upload} size="lg" />
            </Paper>
          )}

          {settling && (
            <Paper withBorder radius="md" p="lg" aria-label="Progress">
              <Text fw={500}>Loading the final figures of {upload.fileName}…</Text>
            </Paper>
          )}

          {upload.status === 'PROCESSED' && final && (
            <Alert color="green" icon={<IconCircleCheck size={20} />} title="Processed">
              {upload.processedAt && <>On {format.dateTime(upload.processedAt, { withZone: true })}, its </>}
              {!upload.processedAt && <>Its </>}
              {formatCount(upload.priced)} priced {upload.priced === 1 ? 'call' : 'calls'} became unbilled calls of their
              customers. A processed file can no longer be re-analysed.
            </Alert>
          )}

          {final && (assigned.length > 0 || upload.outdatedBecause.length > 0) && upload.status === 'READY' && (
            <Alert color="blue" title="Re-analyse to match the calls" role="status">
              <Group justify="space-between" align="center">
                <Text size="sm">
                  {assigned.length > 0
                    ? `${assigned.map((a) => `${a.display} → ${a.customer.name}`).join('; ')}. The calls are matched when the upload is analysed again.`
                    : `The analysis is out of date: ${upload.outdatedBecause.join('; ')}. Re-analyse to price the calls with these changes.`}
                </Text>
                <Button size="xs" leftSection={<IconRefresh size={14} />} onClick={startReanalysis} loading={reanalysing.fetching}>
                  Re-analyse now
                </Button>
              </Group>
            </Alert>
          )}

          {analysed && (
            <>
              <CountsBreakdown upload={upload} />
              <UnmatchedClisSection upload={upload} canFix={upload.status === 'READY'} onAssign={setAssigning} />
              <UnratedSection upload={upload} />
              <SimpleGrid cols={{ base: 1, md: 2 }}>
                <ExcludedSection upload={upload} />
                <UnreadableSection upload={upload} />
              </SimpleGrid>
            </>
          )}

          <AssignCliModal
            uploadId={upload.id}
            group={assigning}
            onClose={() => setAssigning(null)}
            onAssigned={(a) => {
              setAssigning(null);
              setAssigned((list) => [...list, a]);
              refetch();
            }}
          />
          <ProcessUploadModal
            upload={confirming ? upload : null}
            outdated={upload.outdatedBecause}
            processing={processing.fetching}
            onClose={() => setConfirming(false)}
            onConfirm={confirmProcess}
            onReanalyse={() => {
              setConfirming(false);
              void startReanalysis();
            }}
          />
        </>
      )}
    </Stack>
  );
}
