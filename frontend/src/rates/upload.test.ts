import { describe, expect, it } from 'vitest';
import { recordingClient } from '../test/recordingClient';
import { UploadRateSheetMutation } from './documents';

// The contract is in test/recordingClient.ts: a File in the variables makes a multipart request.
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
});
