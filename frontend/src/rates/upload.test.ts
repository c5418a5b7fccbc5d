import { Client, fetchExchange } from '@urql/core';
import { describe, expect, it, vi } from 'vitest';
import { ImportPeakTimesMutation } from '../peaktimes/documents';
import { UploadRateSheetMutation } from './documents';

// Uploads ride on urql's own fetchExchange: when the variables hold a File it
// sends a GraphQL multipart request (operations + map + one part per file),
// which gqlgen's MultipartForm transport reads. These tests pin that contract.
function recordingClient() {
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

describe('rate sheet upload request', () => {
  it('is a multipart form with operations, map and the file part', async () => {
    const { client, fetch } = recordingClient();
    const file = new File(['Destination,Minimum Charge\n'], 'uk.csv', { type: 'text/csv' });
    await client
      .mutation(UploadRateSheetMutation, {
        input: { tariffID: '7', providerID: null, direction: 'OUTBOUND', units: 'MINOR', file },
      })
      .toPromise();

    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe('/graphql');
    expect(init?.method).toBe('POST');
    const body = init?.body;
    expect(body).toBeInstanceOf(FormData);
    // The browser writes the multipart content type with its boundary; a JSON one would break it.
    const headers = new Headers(init?.headers);
    expect(headers.get('content-type')).toBeNull();

    const form = body as FormData;
    const operations = JSON.parse(form.get('operations') as string);
    expect(operations.query).toContain('uploadRateSheet');
    expect(operations.variables.input).toEqual({
      tariffID: '7',
      providerID: null,
      direction: 'OUTBOUND',
      units: 'MINOR',
      file: null,
    });
    expect(JSON.parse(form.get('map') as string)).toEqual({ '0': ['variables.input.file'] });
    const part = form.get('0') as File;
    expect(part.name).toBe('uk.csv');
    expect(await part.text()).toBe('Destination,Minimum Charge\n');
  });

  it('a peak-times import maps its top-level file variable', async () => {
    const { client, fetch } = recordingClient();
    const file = new File(['band,days,start,end\n'], 'peak.csv', { type: 'text/csv' });
    await client.mutation(ImportPeakTimesMutation, { file }).toPromise();
    const form = fetch.mock.calls[0][1]?.body as FormData;
    expect(JSON.parse(form.get('map') as string)).toEqual({ '0': ['variables.file'] });
    expect(JSON.parse(form.get('operations') as string).variables.file).toBeNull();
  });

  it('an ordinary mutation stays JSON', async () => {
    const { client, fetch } = recordingClient();
    await client.mutation(ImportPeakTimesMutation, { file: null as unknown as File }).toPromise();
    const init = fetch.mock.calls[0][1];
    expect(typeof init?.body).toBe('string');
    expect(new Headers(init?.headers).get('content-type')).toBe('application/json');
  });
});
