import { Center, Loader } from '@mantine/core';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { CustomerDetailPage } from './customers/CustomerDetailPage';
import { CustomerEditPage } from './customers/CustomerEditPage';
import { CustomerListPage } from './customers/CustomerListPage';
import { CustomerNewPage } from './customers/CustomerNewPage';
import { SignedInAlready } from './auth/SignedInAlready';
import { WelcomePage } from './auth/WelcomePage';
import { StaffPortalPage } from './portal/StaffPortalPage';
import { areas } from './shell/areas';
import { ComingSoon } from './shell/ComingSoon';
import { Layout } from './shell/Layout';
import { NotFound } from './shell/NotFound';

const comingSoon: RouteObject[] = areas
  .filter((a) => !a.built)
  .map((a) => (a.path === '/' ? { index: true, element: <ComingSoon area={a} /> } : { path: `${a.path.slice(1)}/*`, element: <ComingSoon area={a} /> }));

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Layout />,
    // Shown while a lazily loaded page's code arrives on the first load.
    HydrateFallback: PageLoading,
    children: [
      ...comingSoon,
      // The dashboard draws charts (recharts): a chunk of its own.
      { index: true, lazy: async () => ({ Component: (await import('./dashboard/DashboardPage')).DashboardPage }) },
      { path: 'customers', element: <CustomerListPage /> },
      { path: 'customers/new', element: <CustomerNewPage /> },
      { path: 'customers/:id', element: <CustomerDetailPage tab="details" /> },
      { path: 'customers/:id/clis', element: <CustomerDetailPage tab="clis" /> },
      { path: 'customers/:id/sites', element: <CustomerDetailPage tab="sites" /> },
      { path: 'customers/:id/calls', element: <CustomerDetailPage tab="calls" /> },
      { path: 'customers/:id/charges', element: <CustomerDetailPage tab="charges" /> },
      { path: 'customers/:id/invoices', element: <CustomerDetailPage tab="invoices" /> },
      { path: 'customers/:id/edit', element: <CustomerEditPage /> },
      // Tariffs & rates and Peak times load on first visit (dropzone, editors): a separate chunk.
      { path: 'tariffs', lazy: async () => ({ Component: (await import('./rates/TariffListPage')).TariffListPage }) },
      { path: 'tariffs/quote', lazy: async () => ({ Component: (await import('./quote/QuotePage')).QuotePage }) },
      { path: 'tariffs/:id', lazy: async () => tariffPage('rates') },
      { path: 'tariffs/:id/quote', lazy: async () => tariffPage('quote') },
      { path: 'peak-times', lazy: async () => ({ Component: (await import('./peaktimes/PeakTimesPage')).PeakTimesPage }) },
      // Providers, CDR uploads and calls load on first visit too.
      { path: 'providers', lazy: async () => ({ Component: (await import('./providers/ProviderListPage')).ProviderListPage }) },
      { path: 'uploads', lazy: async () => ({ Component: (await import('./uploads/UploadListPage')).UploadListPage }) },
      { path: 'uploads/:id', lazy: async () => ({ Component: (await import('./uploads/UploadDetailPage')).UploadDetailPage }) },
      { path: 'calls', lazy: async () => ({ Component: (await import('./calls/CallListPage')).CallListPage }) },
      { path: 'products', lazy: async () => ({ Component: (await import('./products/ProductListPage')).ProductListPage }) },
      { path: 'schedules', lazy: async () => ({ Component: (await import('./schedules/ScheduleListPage')).ScheduleListPage }) },
      { path: 'billing-runs', lazy: async () => ({ Component: (await import('./billingruns/BillingRunsPage')).BillingRunsPage }) },
      { path: 'billing-runs/:id', lazy: async () => ({ Component: (await import('./billingruns/BillingRunPage')).BillingRunPage }) },
      { path: 'invoices', lazy: async () => ({ Component: (await import('./invoices/InvoiceListPage')).InvoiceListPage }) },
      { path: 'invoices/:id', lazy: async () => ({ Component: (await import('./invoices/InvoiceDetailPage')).InvoiceDetailPage }) },
      { path: 'outbox', lazy: async () => ({ Component: (await import('./outbox/OutboxPage')).OutboxPage }) },
      { path: 'settings', lazy: async () => ({ Component: (await import('./settings/SettingsPage')).SettingsPage }) },
      // Admins' pages: API tokens and the audit log.
      { path: 'settings/users', lazy: async () => ({ Component: (await import('./access/UsersPage')).UsersPage }) },
      { path: 'settings/tokens', lazy: async () => ({ Component: (await import('./access/TokensPage')).TokensPage }) },
      { path: 'settings/audit', lazy: async () => ({ Component: (await import('./access/AuditPage')).AuditPage }) },
      { path: '*', element: <NotFound /> },
    ],
  },
  { path: '/portal/*', element: <StaffPortalPage /> },
  // Signed in already: a one-time link still works (a reset for another
  // account, say), and the sign-in page goes where it was asked to.
  { path: '/welcome', element: <WelcomePage /> },
  { path: '/sign-in', element: <SignedInAlready /> },
];

function PageLoading() {
  return (
    <Center h="100dvh">
      <Loader aria-label="Loading the page" />
    </Center>
  );
}

async function tariffPage(tab: 'rates' | 'quote') {
  const { TariffDetailPage } = await import('./rates/TariffDetailPage');
  return { element: <TariffDetailPage tab={tab} /> };
}

export function createRouter() {
  return createBrowserRouter(routes);
}
