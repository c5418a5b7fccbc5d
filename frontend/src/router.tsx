import { createBrowserRouter, type RouteObject } from 'react-router';
import { CustomerDetailPage } from './customers/CustomerDetailPage';
import { CustomerEditPage } from './customers/CustomerEditPage';
import { CustomerListPage } from './customers/CustomerListPage';
import { CustomerNewPage } from './customers/CustomerNewPage';
import { PeakTimesPage } from './peaktimes/PeakTimesPage';
import { PortalHome } from './portal/PortalHome';
import { QuotePage } from './quote/QuotePage';
import { TariffDetailPage } from './rates/TariffDetailPage';
import { TariffListPage } from './rates/TariffListPage';
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
    children: [
      ...comingSoon,
      { path: 'customers', element: <CustomerListPage /> },
      { path: 'customers/new', element: <CustomerNewPage /> },
      { path: 'customers/:id', element: <CustomerDetailPage tab="details" /> },
      { path: 'customers/:id/clis', element: <CustomerDetailPage tab="clis" /> },
      { path: 'customers/:id/sites', element: <CustomerDetailPage tab="sites" /> },
      { path: 'customers/:id/edit', element: <CustomerEditPage /> },
      { path: 'tariffs', element: <TariffListPage /> },
      { path: 'tariffs/quote', element: <QuotePage /> },
      { path: 'tariffs/:id', element: <TariffDetailPage tab="rates" /> },
      { path: 'tariffs/:id/quote', element: <TariffDetailPage tab="quote" /> },
      { path: 'peak-times', element: <PeakTimesPage /> },
      { path: '*', element: <NotFound /> },
    ],
  },
  { path: '/portal/*', element: <PortalHome /> },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
