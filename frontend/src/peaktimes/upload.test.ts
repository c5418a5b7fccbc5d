import { describe, expect, it } from 'vitest';
import { recordingClient } from '../test/recordingClient';
import { ImportPeakTimesMutation } from './documents';

// A peak-times CSV travels as a GraphQL multipart request like a rate sheet (rates/upload.test.ts).
describe('peak-times import request', () => {
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
