import { Alert, Button, Group, List, Modal, Skeleton, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useClient } from 'urql';
import { formatCount } from '../common/numbers';
import { useFormat } from '../common/useFormat';
import { apiErrorMessage } from '../graphql/errors';
import type { UploadRowFragment } from '../gql/graphql';
import { PricedCustomersQuery } from './documents';
import { customersPhrase, findPricedCustomers, pricedCallsWhere, type CustomerRef } from './pricedCustomers';

interface Props {
  upload: UploadRowFragment | null;
  /** Why the analysis may be out of date (the API's outdatedBecause); empty when current. */
  outdated: string[];
  processing: boolean;
  onClose: () => void;
  onConfirm: () => void;
  /** Closes the dialog and analyses the upload again instead. */
  onReanalyse: () => void;
}

/** Says plainly what processing does, and that it cannot be undone, before it happens. */
export function ProcessUploadModal({ upload, ...props }: Props) {
  return (
    <Modal
      opened={upload !== null}
      onClose={props.onClose}
      title={upload ? `Process ${upload.fileName}?` : 'Process the upload?'}
      size="lg"
    >
      {upload && <ProcessSummary upload={upload} {...props} />}
    </Modal>
  );
}

function ProcessSummary({
  upload: u,
  outdated,
  processing,
  onClose,
  onConfirm,
  onReanalyse,
}: Props & { upload: UploadRowFragment }) {
  const client = useClient();
  const [customers, setCustomers] = useState<{ list: CustomerRef[]; complete: boolean } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    findPricedCustomers(async (seen) => {
      const r = await client
        .query(PricedCustomersQuery, { where: pricedCallsWhere(u.id, seen) }, { requestPolicy: 'network-only' })
        .toPromise();
      if (r.error || !r.data) throw new Error(apiErrorMessage(r.error) || 'no answer');
      const edges = r.data.calls.edges ?? [];
      return { totalCount: r.data.calls.totalCount, customers: edges.map((e) => e?.node?.customer ?? null) };
    })
      .then((found) => !cancelled && setCustomers({ list: found.customers, complete: found.complete }))
      .catch((err: Error) => !cancelled && setFailure(err.message));
    return () => {
      cancelled = true;
    };
  }, [client, u.id]);

  const notCharged = u.withoutCustomer + u.withoutRate;
  const format = useFormat();
  const pricedCalls = u.priced === 1 ? '1 priced call' : `${formatCount(u.priced)} priced calls`;

  return (
    <Stack>
      {outdated.length > 0 && (
        <Alert color="orange" icon={<IconAlertTriangle size={20} />} title="The analysis is out of date">
          <Text size="sm">It was analysed before these changes:</Text>
          <List size="sm" spacing={2} mt={4} mb={6}>
            {outdated.map((why) => (
              <List.Item key={why}>{why}</List.Item>
            ))}
          </List>
          <Text size="sm">
            Processing charges what the analysis found: calls these changes would price stay uncharged. Re-analyse
            first, then process.
          </Text>
          <Button mt="sm" size="xs" leftSection={<IconRefresh size={14} />} onClick={onReanalyse} disabled={processing}>
            Re-analyse first
          </Button>
        </Alert>
      )}
      {customers ? (
        <Text>
          {u.priced === 0 ? (
            <>This file has no priced calls: processing charges nobody and closes the file.</>
          ) : (
            <>
              <b>{pricedCalls}</b> become unbilled calls of <b>{customersPhrase(customers.list, customers.complete)}</b>,{' '}
              <b>{format.total(u.totalPrice)}</b> in total. They go on each customer&apos;s next invoice.
            </>
          )}
        </Text>
      ) : failure ? (
        <Alert color="red" title="Could not count the customers">
          {failure}
        </Alert>
      ) : (
        <Skeleton height={48} aria-label="Counting the customers" />
      )}
      {customers && customers.list.length > 3 && (
        <List size="sm" spacing={2} type="unordered" aria-label="Customers charged">
          {customers.list.slice(0, 10).map((c) => (
            <List.Item key={c.id}>
              {c.name} ({c.reference})
            </List.Item>
          ))}
          {customers.list.length > 10 && <List.Item>and {customers.list.length - 10} more</List.Item>}
        </List>
      )}
      {notCharged > 0 && (
        <Text size="sm">
          {formatCount(u.withoutCustomer)} without a customer and {formatCount(u.withoutRate)} without a rate are{' '}
          <b>not charged</b>. If they should be, cancel, fix their CLIs or rates and re-analyse first.
        </Text>
      )}
      <Alert color="red" variant="light" icon={<IconAlertTriangle size={20} />} title="This cannot be undone">
        Once processed, the file can no longer be re-analysed and its calls stay with the customers they are charged to.
      </Alert>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose} disabled={processing}>
          Cancel
        </Button>
        <Button color="red" onClick={onConfirm} loading={processing} disabled={!customers && !failure}>
          Process {u.priced === 1 ? '1 call' : `${formatCount(u.priced)} calls`}
          {outdated.length > 0 && ' anyway'}
        </Button>
      </Group>
    </Stack>
  );
}
