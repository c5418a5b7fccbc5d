import { Button, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { formatCount } from '../common/numbers';
import { apiErrorMessage } from '../graphql/errors';
import type { UploadRowFragment } from '../gql/graphql';
import { DeleteUploadMutation } from './documents';

/** Whether the server accepts deleting an upload in this status (a live analysis may still refuse). */
export function canDeleteUpload(status: UploadRowFragment['status']): boolean {
  return status !== 'PROCESSING' && status !== 'PROCESSED';
}

function deletedPhrase(u: UploadRowFragment): string {
  const calls = u.linesRead - u.unreadable;
  if (u.status === 'FAILED') return 'The file and what its analysis found are deleted.';
  if (calls <= 0) return 'The file is deleted.';
  return `The file and its ${formatCount(calls)} ${calls === 1 ? 'call are' : 'calls are'} deleted.`;
}

/** Deletes an upload that is not processed, with its calls, after a confirmation naming the file. */
export function DeleteUploadButton({ upload, disabled }: { upload: UploadRowFragment; disabled?: boolean }) {
  const navigate = useNavigate();
  const [deleting, deleteUpload] = useMutation(DeleteUploadMutation);

  const confirm = () =>
    modals.openConfirmModal({
      title: `Delete ${upload.fileName}?`,
      children: (
        <Text size="sm">
          {deletedPhrase(upload)} Nobody has been charged for them; the same file can be uploaded again afterwards.
        </Text>
      ),
      labels: { confirm: 'Delete upload', cancel: 'Keep it' },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        // The mutation answers only an ID: name the types so cached lists drop the upload and its calls.
        const result = await deleteUpload({ id: upload.id }, { additionalTypenames: ['CdrUpload', 'Call'] });
        if (result.error) {
          notifications.show({ color: 'red', title: 'Upload not deleted', message: apiErrorMessage(result.error) });
          return;
        }
        notifications.show({ color: 'teal', title: 'Upload deleted', message: upload.fileName });
        navigate('/uploads');
      },
    });

  return (
    <Button
      variant="light"
      color="red"
      leftSection={<IconTrash size={16} />}
      onClick={confirm}
      loading={deleting.fetching}
      disabled={disabled}
    >
      Delete…
    </Button>
  );
}
