import { useState } from 'react';
import { createBrowserRouter, Navigate, RouterProvider, useLocation } from 'react-router';
import { RegisterPage } from './RegisterPage';
import { signInPath } from './session';
import { SignInPage } from './SignInPage';
import { WelcomePage } from './WelcomePage';

/** Every page of a signed-out browser: sign-in, one-time links, and a way to sign-in from anywhere else. */
export function SignedOut({ noUsersYet, portalRegistration }: { noUsersYet?: boolean; portalRegistration?: boolean }) {
  const [router] = useState(() =>
    createBrowserRouter([
      { path: '/sign-in', element: <SignInPage noUsersYet={noUsersYet} portalRegistration={portalRegistration} /> },
      { path: '/welcome', element: <WelcomePage /> },
      // Customers ask for a portal account themselves, when the deployment lets them.
      ...(portalRegistration ? [{ path: '/portal/register', element: <RegisterPage /> }] : []),
      { path: '*', element: <ToSignIn /> },
    ]),
  );
  return <RouterProvider router={router} />;
}

function ToSignIn() {
  const location = useLocation();
  return <Navigate to={signInPath(location)} replace />;
}
