import { Alert, Skeleton, Stack } from '@mantine/core';
import type { CombinedError } from 'urql';
import { apiErrorMessage } from '../graphql/errors';

/** Grey rows where a list will be, while its first page loads. */
export function LoadingRows({ label, rows, height }: { label: string; rows: number; height: number }) {
  return (
    <Stack gap="xs" aria-busy="true" aria-label={label}>
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} height={height} />
      ))}
    </Stack>
  );
}

/** Why a page could not load what it shows, in the server's words. */
export function LoadError({ title, error }: { title: string; error: CombinedError | null | undefined }) {
  if (!error) return null;
  return (
    <Alert color="red" title={title}>
      {apiErrorMessage(error)}
    </Alert>
  );
}
