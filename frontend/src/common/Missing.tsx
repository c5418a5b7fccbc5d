import { Alert, Anchor } from '@mantine/core';
import { Link } from 'react-router';
import type { CombinedError } from 'urql';

interface Props {
  /** What the address names, in the clerk's words: "customer", "tariff", "CDR upload". */
  what: string;
  /** The id in the address. */
  id: string | undefined;
  /** The list to go back to, and its name: "/customers", "the customer list". */
  back: { to: string; label: string };
}

/**
 * A detail page whose id names nothing says what was not found, and the way
 * back (issue 10, item 15): "No customer with id 999".
 */
export function Missing({ what, id, back }: Props) {
  return (
    <Alert color="yellow" title={`No ${what} with id ${id ?? ''}`.trim()} role="alert">
      It may have been deleted, or the link may be mistyped.{' '}
      <Anchor component={Link} to={back.to}>
        Back to {back.label}
      </Anchor>
    </Alert>
  );
}

/** Whether the server answered that what was asked for does not exist (code NOT_FOUND). */
export function isNotFound(error: CombinedError | null | undefined): boolean {
  return !!error?.graphQLErrors.some((e) => e.extensions?.code === 'NOT_FOUND');
}
