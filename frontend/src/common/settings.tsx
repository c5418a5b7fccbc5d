import { Alert, Button, Center, Loader } from '@mantine/core';
import { createContext, useContext, type ReactNode } from 'react';
import { useQuery } from 'urql';
import { apiErrorMessage } from '../graphql/errors';
import type { SettingsQuery as SettingsQueryResult } from '../gql/graphql';
import { SettingsQuery } from './documents';

/** What the deployment is set to: its currency, time zone and money places (the `settings` query). */
export type Settings = Omit<SettingsQueryResult['settings'], '__typename'>;

export const SettingsContext = createContext<Settings | null>(null);

// The settings never change while the server runs: read them once.
const once = { requestPolicy: 'cache-first' } as const;

/**
 * Reads the settings once and gives them to every page below. Nothing is
 * shown before they arrive: a page drawn with a guessed currency or zone
 * would show wrong money and wrong times.
 */
export function SettingsProvider({ children }: { children: ReactNode }) {
  const [{ data, error }, reexecute] = useQuery({ query: SettingsQuery, ...once });
  if (data) return <SettingsContext value={data.settings}>{children}</SettingsContext>;
  if (error) {
    return (
      <Center h="100vh" p="md">
        <Alert color="red" title="Tollgate could not load its settings" maw={520}>
          {apiErrorMessage(error)}
          <Button mt="sm" variant="light" color="red" display="block" onClick={() => reexecute({ requestPolicy: 'network-only' })}>
            Try again
          </Button>
        </Alert>
      </Center>
    );
  }
  return (
    <Center h="100vh" aria-busy="true" aria-label="Loading Tollgate">
      <Loader />
    </Center>
  );
}

export function useSettings(): Settings {
  const s = useContext(SettingsContext);
  if (!s) throw new Error('useSettings needs a SettingsProvider above it');
  return s;
}
