import { Button, Code, CopyButton, Group } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';

/** A one-time link shown once to staff, with a copy button and the dialog's Done. */
export function OneTimeLink({ link, label, onDone }: { link: string; label: string; onDone: () => void }) {
  return (
    <>
      <Code block aria-label={label}>
        {link}
      </Code>
      <Group justify="flex-end">
        <CopyButton value={link}>
          {({ copied, copy }) => (
            <Button leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />} onClick={copy} variant="light">
              {copied ? 'Copied' : 'Copy the link'}
            </Button>
          )}
        </CopyButton>
        <Button onClick={onDone}>Done</Button>
      </Group>
    </>
  );
}
