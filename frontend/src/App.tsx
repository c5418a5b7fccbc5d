import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { Provider as UrqlProvider } from 'urql';
import { SessionProvider } from './auth/SessionContext';
import { SignedOut } from './auth/SignedOut';
import { SettingsProvider } from './common/settings';
import { createTollgateClient } from './graphql/client';
import { PortalApp } from './portal/PortalApp';
import { createRouter } from './router';
import { theme } from './theme';
import toasts from './toasts.module.css';

export function App() {
  const [client] = useState(createTollgateClient);
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto">
      <DatesProvider settings={{ firstDayOfWeek: 1 }}>
        <UrqlProvider value={client}>
          <ModalsProvider>
            <Notifications position="top-right" classNames={toasts} />
            <SessionProvider>
              {(session) =>
                session.mode === 'session' && !session.signedIn ? (
                  <SignedOut noUsersYet={session.noUsersYet} portalRegistration={session.portalRegistration} />
                ) : session.user?.kind === 'PORTAL' ? (
                  <PortalApp />
                ) : (
                  <StaffApp />
                )
              }
            </SessionProvider>
          </ModalsProvider>
        </UrqlProvider>
      </DatesProvider>
    </MantineProvider>
  );
}

/** The staff app; its router is made only for staff (a portal user's browser has the portal's own). */
function StaffApp() {
  const [router] = useState(createRouter);
  return (
    <SettingsProvider>
      <RouterProvider router={router} />
    </SettingsProvider>
  );
}
