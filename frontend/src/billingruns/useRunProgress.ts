import { useSubscription } from 'urql';
import type { BillingRunFieldsFragment } from '../gql/graphql';
import { BillingRunProgressSubscription } from './documents';
import { furtherRun, isUnderWay } from './wizard';

/**
 * The run as it stands: what the page holds, overlaid with the latest
 * progress event while the worker is on it (urql does not fold
 * subscription results into queries).
 */
export function useRunProgress(run: BillingRunFieldsFragment | null | undefined): BillingRunFieldsFragment | null {
  const follow = !!run && isUnderWay(run.status);
  const [{ data }] = useSubscription({
    query: BillingRunProgressSubscription,
    variables: { id: run?.id ?? '' },
    pause: !follow,
  });
  if (!run) return null;
  const live = data?.billingRunProgress;
  return live && live.id === run.id ? furtherRun(run, live) : run;
}
