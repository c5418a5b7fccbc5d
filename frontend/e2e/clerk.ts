import { expect, type APIRequestContext, type Page } from '@playwright/test';

// Small API helpers for the specs that set up their data through GraphQL
// and then look at one page as a clerk would.

/** Console errors a page logs; a test fails on any it did not expect. */
export function consoleErrorsOf(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}

/** Runs a GraphQL operation that must succeed. */
export async function api<T = Record<string, unknown>>(
  request: APIRequestContext,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const res = await request.post('/graphql', { data: { query, variables } });
  expect(res.ok()).toBe(true);
  const body = await res.json();
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data as T;
}

/** Sends one file as the Upload variable `file` of a multipart GraphQL request; answers the whole body. */
export async function apiWithFile(
  request: APIRequestContext,
  query: string,
  variables: Record<string, unknown>,
  filePath: string,
  file: { name: string; buffer: Buffer; mimeType?: string },
): Promise<{ data?: Record<string, unknown>; errors?: { message: string; extensions?: Record<string, unknown> }[] }> {
  const res = await request.post('/graphql', {
    multipart: {
      operations: JSON.stringify({ query, variables }),
      map: JSON.stringify({ file: [filePath] }),
      file: { name: file.name, mimeType: file.mimeType ?? 'text/csv', buffer: file.buffer },
    },
  });
  return res.json();
}

/** A new Asterisk provider with a unique name; answers its id. */
export async function newAsteriskProvider(request: APIRequestContext, name: string): Promise<string> {
  const { createProvider } = await api<{ createProvider: { id: string } }>(
    request,
    `mutation($input: CreateProviderInput!) { createProvider(input: $input) { id } }`,
    { input: { name, cdrFormat: 'ASTERISK' } },
  );
  return createProvider.id;
}

/** Uploads a CDR file for a provider; answers the upload's id. */
export async function uploadCdr(request: APIRequestContext, providerID: string, name: string, buffer: Buffer) {
  const body = await apiWithFile(
    request,
    `mutation($input: UploadCdrInput!) { uploadCdr(input: $input) { id } }`,
    { input: { providerID, file: null } },
    'variables.input.file',
    { name, buffer },
  );
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return (body.data!.uploadCdr as { id: string }).id;
}
