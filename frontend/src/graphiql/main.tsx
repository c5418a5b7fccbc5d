// GraphiQL for the API, built into the binary with the SPA (a second Vite
// entry, graphiql.html) so that /graphiql works with no internet: every
// script, style, font and editor worker comes from the server itself.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { createClient } from 'graphql-ws';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

const endpoint = new URL('/graphql', window.location.href);
const socket = new URL(endpoint);
socket.protocol = endpoint.protocol === 'https:' ? 'wss:' : 'ws:';

// Queries and mutations over HTTP; subscriptions (uploadChanged,
// customerChanged) over the graphql-transport-ws socket the SPA uses too.
const fetcher = createGraphiQLFetcher({
  url: endpoint.href,
  wsClient: createClient({ url: socket.href, lazy: true }),
});

// The colours the clerk chose in the SPA's header (Mantine keeps the choice
// under this key on the same origin); "auto" follows the system, as there.
const scheme = window.localStorage.getItem('mantine-color-scheme-value');
const theme = scheme === 'light' || scheme === 'dark' ? scheme : 'system';

createRoot(document.getElementById('graphiql')!).render(
  <StrictMode>
    <GraphiQL fetcher={fetcher} forcedTheme={theme} />
  </StrictMode>,
);
