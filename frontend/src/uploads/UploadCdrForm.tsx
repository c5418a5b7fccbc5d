import { Alert, Anchor, Button, EmptyState, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconBuildingBroadcastTower, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { CsvDropzone } from '../common/CsvDropzone';
import { DIRECTION_LABELS } from '../common/labels';
import { apiErrorMessage, apiErrors } from '../graphql/errors';
import type { CdrUploadDirection } from '../gql/graphql';
import { ProviderListQuery } from '../providers/documents';
import { ProviderSelect } from '../providers/ProviderSelect';
import { UploadCdrMutation } from './documents';
import { DIRECTION_HELP } from './progress';

// A constant: urql runs the query again whenever the context object changes.
const providersContext = { additionalTypenames: ['Provider'] };

interface Refusal {
  message: string;
  /** The upload a CONFLICT names: the same file uploaded before. */
  earlierUploadId?: string;
}

/** Drop a CDR file, say whose it is and which way its calls go, and start its analysis. */
export function UploadCdrForm({ initialProviderId }: { initialProviderId?: string | null }) {
  const navigate = useNavigate();
  const [{ data: providersData }] = useQuery({ query: ProviderListQuery, context: providersContext });
  const providers = (providersData?.providers.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  const [picked, setPicked] = useState<string | null>(initialProviderId ?? null);
  // With a single provider there is nothing to choose.
  const providerId = picked ?? (providers.length === 1 ? providers[0].id : null);
  const [direction, setDirection] = useState<CdrUploadDirection>('OUTBOUND');
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState<{ provider?: string; file?: string }>({});
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [{ fetching }, uploadCdr] = useMutation(UploadCdrMutation);
  const chosen = providers.find((p) => p.id === providerId);


  if (providersData && providers.length === 0) {
    return (
      <EmptyState
        variant="light"
        icon={<IconBuildingBroadcastTower size={28} />}
        title="Add a provider first"
        description="Every CDR file comes from a provider, whose format and time zone decide how the file is read."
      >
        <EmptyState.Actions>
          <Button component={Link} to="/providers" leftSection={<IconPlus size={16} />}>
            Add a provider
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    );
  }

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const m = {
      provider: providerId ? undefined : 'Choose the provider the file comes from',
      file: file ? undefined : 'Choose the CDR file to upload',
    };
    setMissing(m);
    if (!providerId || !file) return;
    const result = await uploadCdr(
      { input: { providerID: providerId, direction, file } },
      { additionalTypenames: ['CdrUpload', 'Call'] },
    );
    if (result.error || !result.data) {
      const conflict = apiErrors(result.error).find((x) => x.code === 'CONFLICT');
      const earlier = result.error?.graphQLErrors.find((x) => x.extensions?.earlierUploadID != null)?.extensions
        ?.earlierUploadID;
      setRefusal({
        message: conflict?.message ?? (apiErrorMessage(result.error) || 'The file was not uploaded.'),
        earlierUploadId: earlier != null ? String(earlier) : undefined,
      });
      return;
    }
    navigate(`/uploads/${result.data.uploadCdr.id}`);
  };

  return (
    <Paper withBorder radius="md" p="md">
      <form onSubmit={submit} noValidate aria-label="Upload a CDR file">
        <Stack gap="sm">
          <Group grow align="flex-start">
            <ProviderSelect
              label="Provider"
              description="Its CDR format and time zone decide how the file is read"
              withAsterisk
              value={providerId}
              onChange={(id) => {
                setPicked(id);
                setRefusal(null);
                setMissing((x) => ({ ...x, provider: undefined }));
              }}
              error={missing.provider}
            />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="cdr-direction-label">
                Direction
              </Text>
              <Text size="xs" c="dimmed" id="cdr-direction-help">
                One direction per file. {DIRECTION_HELP[direction]}
              </Text>
              <SegmentedControl
                aria-labelledby="cdr-direction-label"
                aria-describedby="cdr-direction-help"
                value={direction}
                onChange={(v) => {
                  setDirection(v as CdrUploadDirection);
                  setRefusal(null);
                }}
                data={(['OUTBOUND', 'INBOUND'] as const).map((d) => ({ value: d, label: DIRECTION_LABELS[d] }))}
              />
            </Stack>
          </Group>
          <div>
            <CsvDropzone
              file={file}
              onFile={(f) => {
                setFile(f);
                setRefusal(null);
                setMissing((x) => ({ ...x, file: undefined }));
              }}
              title="Drop a CDR file here"
              hint="or click to choose it: the provider's call records as .csv"
              inputLabel="CDR file"
            />
            {missing.file && (
              <Text size="sm" c="red" mt={4} role="alert">
                {missing.file}
              </Text>
            )}
          </div>
          {chosen?.cdrFormat === 'CSV' && !chosen.csvMapping && (
            <Alert color="yellow" title={`${chosen.name} has no column mapping yet`}>
              Its files cannot be read until its columns are described.{' '}
              <Anchor component={Link} to="/providers">
                Describe them on the Providers page
              </Anchor>
              .
            </Alert>
          )}
          {refusal && (
            <Alert color="red" title="The file was not uploaded" role="alert">
              {refusal.message}
              {refusal.earlierUploadId && (
                <>
                  {' '}
                  <Anchor component={Link} to={`/uploads/${refusal.earlierUploadId}`}>
                    Open the earlier upload
                  </Anchor>
                </>
              )}
            </Alert>
          )}
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              The file is analysed as soon as it arrives: every call is matched to a customer and priced. Nothing is
              charged until you process it.
            </Text>
            <Button type="submit" loading={fetching}>
              Upload and analyse
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
