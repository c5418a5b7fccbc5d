import { Progress, Stack, Text } from '@mantine/core';
import type { UploadRowFragment } from '../gql/graphql';
import { isMeasured, isRunning, percent, progressSummary } from './progress';

/** A live progress bar with the phase, per cent, lines, pace and time left underneath. */
export function UploadProgressBar({ upload, size = 'md' }: { upload: UploadRowFragment; size?: 'sm' | 'md' | 'lg' }) {
  const running = isRunning(upload.status);
  // Outside the reading phase there is no measure of what is left: a full, moving bar says "under way".
  const underWay = running && !isMeasured(upload.progress);
  const value = underWay ? 100 : percent(upload.progress.fraction, !running);
  const summary = progressSummary(upload.progress);
  return (
    <Stack gap={4} miw={180}>
      <Progress
        value={value}
        striped={running}
        animated={running}
        color={upload.status === 'PROCESSING' ? 'violet' : underWay ? 'gray' : 'blue'}
        size={size}
        aria-label={`Progress of ${upload.fileName}`}
        aria-valuetext={summary}
      />
      <Text size="xs" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }} aria-live="polite">
        {summary}
      </Text>
    </Stack>
  );
}
