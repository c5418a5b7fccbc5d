import { Client, fetchExchange } from '@urql/core';
import { vi } from 'vitest';

// Uploads ride on urql's own fetchExchange: when the variables hold a File it
// sends a GraphQL multipart request (operations + map + one part per file),
// which gqlgen's MultipartForm transport reads. These tests pin that contract.
export function recordingClient() {
  const fetch = vi.fn(
    async (_url: RequestInfo | URL, _init?: RequestInit) =>
      new Response(JSON.stringify({ data: null, errors: [{ message: 'stop', extensions: { code: 'INVALID' } }] }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      }),
  );
  const client = new Client({ url: '/graphql', exchanges: [fetchExchange], fetch, preferGetMethod: false });
  return { client, fetch };
}
