import { Navigate, useSearchParams } from 'react-router';
import { safeNext } from './session';

/** /sign-in for someone signed in: on to the page they were going to. */
export function SignedInAlready() {
  const [params] = useSearchParams();
  return <Navigate to={safeNext(params.get('next'))} replace />;
}
