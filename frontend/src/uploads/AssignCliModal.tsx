import { Alert, Button, Group, Modal, SegmentedControl, Skeleton, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { DayInput } from '../common/DayInput';
import { formatCount } from '../common/numbers';
import { dayStart, nowInZone } from '../common/time';
import { useFormat } from '../common/useFormat';
import { ParentCustomerSelect } from '../customers/pickers';
import { apiErrorMessage } from '../graphql/errors';
import { AssignCliMutation, EarliestUnmatchedCallQuery } from './documents';
import { valueAtStake } from './reconcile';

export interface UnmatchedGroup {
  source: string;
  /** source as people write it: 0113 496 0001. */
  sourceDisplay: string;
  account?: string | null;
  calls: number;
  value: string;
  unvalued: number;
}

export interface Assigned {
  /** The CLI as people write it. */
  display: string;
  customer: { id: string; name: string; reference: string };
}

interface Props {
  uploadId: string;
  group: UnmatchedGroup | null;
  onClose: () => void;
  onAssigned: (a: Assigned) => void;
}

/**
 * The one-click fix for calls without a customer: give the CLI to the
 * customer who owns it, valid from the earliest of these calls (so earlier
 * calls of a previous owner stay theirs), then re-analyse.
 */
export function AssignCliModal({ group, onClose, ...props }: Props) {
  return (
    <Modal
      opened={group !== null}
      onClose={onClose}
      title={group ? `Assign ${group.sourceDisplay} to a customer` : 'Assign to a customer'}
      size="lg"
    >
      {group && <AssignForm group={group} onClose={onClose} {...props} />}
    </Modal>
  );
}

function AssignForm({ uploadId, group, onClose, onAssigned }: Omit<Props, 'group'> & { group: UnmatchedGroup }) {
  const [customerId, setCustomerId] = useState<string | null>(null);
  const [which, setWhich] = useState<'number' | 'account'>('number');
  // Issue 10, item 9: from the first of these calls (earlier calls may be a previous owner's), always, or a chosen day.
  const [from, setFrom] = useState<'first' | 'always' | 'date'>('first');
  const [missing, setMissing] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const format = useFormat();
  const [{ data, fetching, error }] = useQuery({
    query: EarliestUnmatchedCallQuery,
    variables: { where: { uploadID: uploadId, status: 'NO_CUSTOMER', source: group.source } },
    requestPolicy: 'network-only',
  });
  const [{ fetching: saving }, assign] = useMutation(AssignCliMutation);
  const earliest = data?.calls.edges?.[0]?.node?.start ?? null;
  const value = which === 'account' && group.account ? group.account : group.source;
  const [day, setDay] = useState<string | null>(() => nowInZone(format.zone).day);
  // A chosen day starts at 00:00 in the deployment's zone.
  const chosenFrom = day ? dayStart(day, format.zone) : null;
  const [dayMissing, setDayMissing] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setMissing(!customerId);
    setDayMissing(from === 'date' && !chosenFrom);
    if (!customerId || !earliest || (from === 'date' && !chosenFrom)) return;
    setFailure(null);
    const validFrom = from === 'first' ? earliest : from === 'date' ? chosenFrom : null;
    const result = await assign(
      { input: { customerID: customerId, value, ...(validFrom ? { validFrom } : {}) } },
      { additionalTypenames: ['Cli', 'Customer'] },
    );
    if (result.error || !result.data) {
      setFailure(apiErrorMessage(result.error) || 'The CLI was not added.');
      return;
    }
    const cli = result.data.createCli;
    notifications.show({
      color: 'teal',
      title: `${cli.display} now belongs to ${cli.customer.name}`,
      message: 'Re-analyse the upload to match its calls.',
    });
    onAssigned({ display: cli.display, customer: cli.customer });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Assign to a customer">
      <Stack>
        <Text size="sm">
          {group.calls === 1 ? '1 call' : `${formatCount(group.calls)} calls`} from <b>{group.sourceDisplay}</b> matched no customer; their
          value at the default tariff is {valueAtStake(group, format.total)}. Choose the customer this number belongs to.
        </Text>
        {group.account && (
          <Stack gap={4}>
            <Text size="sm" fw={500} id="assign-which-label">
              Match by
            </Text>
            <SegmentedControl
              aria-labelledby="assign-which-label"
              value={which}
              onChange={(v) => setWhich(v as 'number' | 'account')}
              data={[
                { value: 'number', label: `Number ${group.sourceDisplay}` },
                { value: 'account', label: `Account code ${group.account}` },
              ]}
            />
          </Stack>
        )}
        <ParentCustomerSelect
          label="Customer"
          withAsterisk
          data-autofocus
          value={customerId}
          onChange={(id) => {
            setCustomerId(id);
            setMissing(false);
          }}
          error={missing ? 'Choose the customer who owns this number' : undefined}
        />
        {fetching && !data ? (
          <Skeleton height={20} width={320} />
        ) : error ? (
          <Alert color="red" title="Could not find the first call">
            {apiErrorMessage(error)}
          </Alert>
        ) : earliest ? (
          <Stack gap={4}>
            <Text size="sm" fw={500} id="assign-from-label">
              Valid from
            </Text>
            <SegmentedControl
              aria-labelledby="assign-from-label"
              value={from}
              onChange={(v) => setFrom(v as 'first' | 'always' | 'date')}
              data={[
                { value: 'first', label: `The first of these calls, ${format.dateTime(earliest, { withZone: true })}` },
                { value: 'always', label: 'Always' },
                { value: 'date', label: 'A date' },
              ]}
            />
            {from === 'date' && (
              <DayInput
                label="Valid from the start of"
                valueFormat="YYYY-MM-DD"
                placeholder="YYYY-MM-DD"
                value={day}
                onChange={(d) => {
                  setDay(d);
                  setDayMissing(false);
                }}
                w={200}
                error={dayMissing ? 'Enter the day (YYYY-MM-DD) the number became the customer’s' : undefined}
              />
            )}
            <Text size="sm" c="dimmed">
              {from === 'first'
                ? `The CLI ${value} is added valid from ${format.dateTime(earliest, { withZone: true })}, the first of these calls, with no end date: earlier calls stay with whoever had the number then.`
                : from === 'always'
                  ? `The CLI ${value} is added valid always, with no start or end date: every call from it, in any upload, is the customer's.`
                  : `The CLI ${value} is added valid from ${chosenFrom ? format.dateTime(chosenFrom, { withZone: true }) : 'the day you choose'}, with no end date: calls before it stay with whoever had the number then.`}{' '}
              Then re-analyse the upload to price them for the customer.
            </Text>
          </Stack>
        ) : (
          <Alert color="yellow" title="These calls are no longer without a customer">
            The upload may have been re-analysed since. Close this and look again.
          </Alert>
        )}
        {failure && (
          <Alert color="red" title="The CLI was not added" role="alert">
            {failure}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={saving}>
            Cancel
          </Button>
          <Button type="submit" loading={saving} disabled={!earliest}>
            Assign CLI
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
