import { useSubscription } from 'urql';
import type { UploadRowFragment } from '../gql/graphql';
import { UploadChangedSubscription } from './documents';

type Latest = Record<string, UploadRowFragment>;

/**
 * The latest progress event of each upload (or of one, given its id). urql's
 * document cache does not fold subscription results into queries, so pages
 * overlay these on what they queried (see newerUpload).
 */
export function useUploadEvents(id?: string): Latest {
  const [{ data }] = useSubscription(
    { query: UploadChangedSubscription, variables: { id: id ?? null } },
    (prev: Latest | undefined, event): Latest => ({ ...prev, [event.uploadChanged.id]: event.uploadChanged }),
  );
  return data ?? {};
}
