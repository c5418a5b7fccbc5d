import { Alert, Button, CloseButton, Group, Paper, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useMutation } from 'urql';
import { countOf } from '../common/numbers';
import { apiErrorMessage } from '../graphql/errors';
import { SetCustomersTariffMutation } from './documents';
import { TariffSelect } from './pickers';

interface Chosen {
  id: string;
  name: string;
}

/** Puts every chosen customer on one tariff in one change: all of them, or none when any is refused. */
export function BulkTariffBar({ customers, onDone }: { customers: Chosen[]; onDone: () => void }) {
  const [tariffId, setTariffId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [{ fetching }, setTariff] = useMutation(SetCustomersTariffMutation);
  const who = customers.length === 1 ? customers[0].name : countOf(customers.length, 'customer');

  const apply = async () => {
    setError(null);
    const result = await setTariff({ ids: customers.map((c) => c.id), tariffID: tariffId }, { additionalTypenames: ['Customer'] });
    if (result.error || !result.data) {
      setError(apiErrorMessage(result.error));
      return;
    }
    const name = result.data.setCustomersTariff[0]?.tariff?.name;
    notifications.show({
      color: 'teal',
      title: 'Tariff set',
      message: `${who} ${customers.length === 1 ? 'is' : 'are'} now on ${name ?? 'the default tariff'}. Calls already analysed keep their prices until their upload is analysed again.`,
    });
    onDone();
  };

  return (
    <Paper withBorder radius="md" p="sm" role="region" aria-label="Change the chosen customers">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Text fw={600} mb={6}>
          {countOf(customers.length, 'customer')} chosen
        </Text>
        <TariffSelect label="Put them on" value={tariffId} onChange={setTariffId} w={260} />
        <Button onClick={apply} loading={fetching}>
          Set tariff of {who}
        </Button>
        <CloseButton aria-label="Clear the choice" onClick={onDone} mb={6} />
      </Group>
      {error && (
        <Alert color="red" mt="sm" title="No tariff was changed">
          {error}
        </Alert>
      )}
    </Paper>
  );
}
