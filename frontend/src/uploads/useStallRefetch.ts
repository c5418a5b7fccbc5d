import { useEffect } from 'react';

/**
 * Progress events are the fast path; a query is the safety net. A small file
 * can finish before the subscription is listening, and a socket can drop:
 * when work is running and no event has arrived for `ms`, ask again.
 */
export function useStallRefetch(running: boolean, lastEvent: string | undefined, refetch: () => void, ms = 2500) {
  useEffect(() => {
    if (!running) return;
    const t = window.setTimeout(refetch, ms);
    return () => window.clearTimeout(t);
  }, [running, lastEvent, refetch, ms]);
}
