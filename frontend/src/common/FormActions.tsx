import { Button, Group } from '@mantine/core';

/** Cancel and save at the foot of a form; cancelling waits while a save runs. */
export function FormActions({ submitLabel, saving, onCancel }: { submitLabel: string; saving: boolean; onCancel: () => void }) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel} disabled={saving}>
        Cancel
      </Button>
      <Button type="submit" loading={saving}>
        {submitLabel}
      </Button>
    </Group>
  );
}
