import { Alert, Button, Center, Loader } from '@mantine/core';
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { useQuery } from 'urql';
import { WelcomePage } from '../auth/WelcomePage';
import { SettingsContext, type Settings } from '../common/settings';
import type { PortalSettingsQuery as PortalSettingsData } from '../gql/graphql';
import { apiErrorMessage } from '../graphql/errors';
import { PortalSettingsQuery } from './documents';
import { PortalLayout } from './PortalLayout';

export type PortalCustomer = PortalSettingsData['portal']['customers'][number];

/** Who the portal is for: the reseller's name and the customers the user may see (their own first). */
export interface PortalAccount {
  companyName: string;
  customers: PortalCustomer[];
}

const PortalAccountContext = createContext<PortalAccount | null>(null);

export function usePortalAccount(): PortalAccount {
  const a = useContext(PortalAccountContext);
  if (!a) throw new Error('usePortalAccount needs the PortalApp above it');
  return a;
}

function createPortalRouter() {
  return createBrowserRouter([
    {
      path: '/portal',
      element: <PortalLayout />,
      HydrateFallback: PageLoading,
      children: [
        { index: true, lazy: async () => ({ Component: (await import('./PortalHomePage')).PortalHomePage }) },
        { path: 'invoices', lazy: async () => ({ Component: (await import('./PortalInvoicesPage')).PortalInvoicesPage }) },
        { path: 'invoices/:id', lazy: async () => ({ Component: (await import('./PortalInvoicePage')).PortalInvoicePage }) },
        { path: 'calls', lazy: async () => ({ Component: (await import('./PortalCallsPage')).PortalCallsPage }) },
        { path: '*', element: <Navigate to="/portal" replace /> },
      ],
    },
    // A one-time link (a password reset) still works while signed in.
    { path: '/welcome', element: <WelcomePage /> },
    { path: '*', element: <Navigate to="/portal" replace /> },
  ]);
}

/**
 * The whole app of a customer's portal user: its own pages under /portal,
 * with the deployment's settings read from `portal { settings }` (the staff
 * `settings` query is not theirs) so amounts and times read as on the invoices.
 */
export function PortalApp() {
  const [router] = useState(createPortalRouter);
  return (
    <PortalSettings>
      <RouterProvider router={router} />
    </PortalSettings>
  );
}

const once = { requestPolicy: 'cache-first' } as const;

function PortalSettings({ children }: { children: ReactNode }) {
  const [{ data, error }, reexecute] = useQuery({ query: PortalSettingsQuery, ...once });
  // The same objects for the same answer, so the formatters below are not remade on every render.
  const [account, settings] = useMemo((): [PortalAccount | null, Settings | null] => {
    if (!data) return [null, null];
    const { companyName, ...rest } = data.portal.settings;
    return [{ companyName, customers: data.portal.customers }, rest];
  }, [data]);
  if (account && settings) {
    return (
      <SettingsContext value={settings}>
        <PortalAccountContext value={account}>{children}</PortalAccountContext>
      </SettingsContext>
    );
  }
  if (error) {
    return (
      <Center h="100vh" p="md">
        <Alert color="red" title="Your account could not be loaded" maw={520}>
          {apiErrorMessage(error)}
          <Button mt="sm" variant="light" color="red" display="block" onClick={() => reexecute({ requestPolicy: 'network-only' })}>
            Try again
          </Button>
        </Alert>
      </Center>
    );
  }
  return <PageLoading />;
}

function PageLoading() {
  return (
    <Center h="100dvh" aria-busy="true" aria-label="Loading your account">
      <Loader />
    </Center>
  );
}
