import { Client, cacheExchange, fetchExchange, subscriptionExchange } from 'urql';
import { createClient as createWSClient } from 'graphql-ws';

/** The API lives on the same origin as the SPA (the Go server embeds it). */
export const GRAPHQL_PATH = '/graphql';

/** ws:// or wss:// URL of the subscription endpoint, matching the page's scheme. */
export function graphqlWebSocketURL(location: Pick<Location, 'protocol' | 'host'>): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${GRAPHQL_PATH}`;
}

export function createTollgateClient(): Client {
  // lazy: the socket opens with the first subscription (upload analysis
  // progress, billing runs) and closes when the last one ends.
  const ws = createWSClient({
    url: graphqlWebSocketURL(window.location),
    lazy: true,
    retryAttempts: 5,
  });

  return new Client({
    url: GRAPHQL_PATH,
    fetchOptions: { credentials: 'same-origin' },
    // Always POST: queries stay out of URLs and proxy logs, and every server transport accepts it.
    preferGetMethod: false,
    // Cached results are shown at once and refreshed in the background, so a
    // clerk coming back to a list sees it immediately and up to date soon after.
    requestPolicy: 'cache-and-network',
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query || '' };
          return {
            subscribe(sink) {
              const unsubscribe = ws.subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
}
