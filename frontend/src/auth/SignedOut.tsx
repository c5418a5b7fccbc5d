import { useState } from 'react';
import { createBrowserRouter, Navigate, RouterProvider, useLocation } from 'react-router';
import { signInPath } from './session';
import { SignInPage } from './SignInPage';
import { WelcomePage } from './WelcomePage';

/** Every page of a signed-out browser: sign-in, one-time links, and a way to sign-in from anywhere else. */
export function SignedOut({ noUsersYet }: { noUsersYet?: boolean }) {
  const [router] = useState(() =>
    createBrowserRouter([
      { path: '/sign-in', element: <SignInPage noUsersYet={noUsersYet} /> },
      { path: '/welcome', element: <WelcomePage /> },
      { path: '*', element: <ToSignIn /> },
    ]),
  );
  return <RouterProvider router={router} />;
}

function ToSignIn() {
  const location = useLocation();
  return <Navigate to={signInPath(location)} replace />;
}
