import { Client, cacheExchange, fetchExchange, mapExchange, subscriptionExchange } from 'urql';
import { createClient as createWSClient } from 'graphql-ws';
import { csrfHeaders, signInPath } from '../auth/session';

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
    // The session cookie goes by itself; the page's CSRF token goes in a header.
    fetchOptions: () => ({ credentials: 'same-origin', headers: csrfHeaders() }),
    // Always POST: queries stay out of URLs and proxy logs, and every server transport accepts it.
    preferGetMethod: false,
    // Cached results are shown at once and refreshed in the background, so a
    // clerk coming back to a list sees it immediately and up to date soon after.
    requestPolicy: 'cache-and-network',
    exchanges: [
      // A session that ended (signed out in another tab, expired) sends the
      // clerk to sign in, and back to this page afterwards.
      mapExchange({
        onError(error) {
          if (error.response?.status === 401 && !window.location.pathname.startsWith('/sign-in')) {
            window.location.assign(signInPath(window.location));
          }
        },
      }),
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
