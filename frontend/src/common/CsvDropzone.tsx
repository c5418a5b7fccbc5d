import '@mantine/dropzone/styles.css';
import { Group, Stack, Text } from '@mantine/core';
import { Dropzone, type FileRejection } from '@mantine/dropzone';
import { IconFileSpreadsheet, IconUpload, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { formatBytes } from './numbers';

/** Browsers label CSV files differently (Windows says Excel); the extension is what counts. */
export const CSV_ACCEPT = {
  'text/csv': ['.csv'],
  'application/vnd.ms-excel': ['.csv'],
  'text/plain': ['.csv'],
  'application/csv': ['.csv'],
};

interface Props {
  onFile: (file: File) => void;
  /** Shown in the idle state, e.g. "Drop the rate sheet CSV here". */
  title: string;
  hint?: string;
  file?: File | null;
  loading?: boolean;
  disabled?: boolean;
  /** Accessible name of the file input, for people and tests. */
  inputLabel: string;
}

/** One CSV file by drag and drop or the file picker (Enter / Space opens it). */
export function CsvDropzone({ onFile, title, hint, file, loading, disabled, inputLabel }: Props) {
  const [rejected, setRejected] = useState<string | null>(null);
  return (
    <Stack gap={4}>
      <Dropzone
        onDrop={(files) => {
          setRejected(null);
          if (files[0]) onFile(files[0]);
        }}
        onReject={(rejections: FileRejection[]) => setRejected(rejectionMessage(rejections))}
        accept={CSV_ACCEPT}
        multiple={false}
        loading={loading}
        disabled={disabled}
        inputProps={{ 'aria-label': inputLabel }}
      >
        <Group justify="center" gap="md" mih={96} style={{ pointerEvents: 'none' }} wrap="nowrap">
          <Dropzone.Accept>
            <IconUpload size={36} stroke={1.5} color="var(--mantine-color-blue-6)" />
          </Dropzone.Accept>
          <Dropzone.Reject>
            <IconX size={36} stroke={1.5} color="var(--mantine-color-red-6)" />
          </Dropzone.Reject>
          <Dropzone.Idle>
            <IconFileSpreadsheet size={36} stroke={1.5} color="var(--mantine-color-dimmed)" />
          </Dropzone.Idle>
          <div>
            {file ? (
              <>
                <Text fw={500}>{file.name}</Text>
                <Text size="sm" c="dimmed">
                  {formatBytes(file.size)} · drop another file or click to choose again
                </Text>
              </>
            ) : (
              <>
                <Text fw={500}>{title}</Text>
                <Text size="sm" c="dimmed">
                  {hint ?? 'or click to choose a .csv file'}
                </Text>
              </>
            )}
          </div>
        </Group>
      </Dropzone>
      {rejected && (
        <Text size="sm" c="red" role="alert">
          {rejected}
        </Text>
      )}
    </Stack>
  );
}

function rejectionMessage(rejections: FileRejection[]): string {
  if (rejections.length > 1) return 'Drop one file at a time.';
  const r = rejections[0];
  if (!r) return 'That file cannot be used.';
  if (r.errors.some((e) => e.code === 'file-invalid-type')) return `${r.file.name} is not a CSV file (.csv).`;
  return `${r.file.name}: ${r.errors.map((e) => e.message).join('; ')}`;
}
