import { Alert } from '@mantine/core';

/** The server's messages that belong to the form as a whole, above it. */
export function FormErrors({ title, errors, mb }: { title?: string; errors: readonly string[]; mb?: string }) {
  if (errors.length === 0) return null;
  return (
    <Alert color="red" title={title} role="alert" mb={mb}>
      {errors.map((m, i) => (
        <div key={i}>{m}</div>
      ))}
    </Alert>
  );
}
