import { Progress, Stack, Text } from '@mantine/core';
import type { UploadRowFragment } from '../gql/graphql';
import { isRunning, percent, progressSummary } from './progress';

/** A live progress bar with the phase, per cent, lines, pace and time left underneath. */
export function UploadProgressBar({ upload, size = 'md' }: { upload: UploadRowFragment; size?: 'sm' | 'md' | 'lg' }) {
  const running = isRunning(upload.status);
  const value = percent(upload.progress.fraction, !running);
  const summary = progressSummary(upload.progress);
  return (
    <Stack gap={4} miw={180}>
      <Progress
        value={running && value === 0 ? 100 : value}
        striped={running}
        animated={running}
        color={upload.status === 'PROCESSING' ? 'violet' : running && value === 0 ? 'gray' : 'blue'}
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
