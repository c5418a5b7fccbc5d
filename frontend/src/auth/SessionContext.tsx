import { Alert, Button, Center, Loader } from '@mantine/core';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { fetchSession, type SessionState } from './session';

const SessionContext = createContext<SessionState | null>(null);

/**
 * Asks the server who this browser is before anything else is drawn: a
 * page drawn for nobody would only fail. Its children get the state.
 */
export function SessionProvider({ children }: { children: (s: SessionState) => ReactNode }) {
  const [state, setState] = useState<SessionState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    fetchSession().then(setState, (e: Error) => setError(e.message));
  }, [attempt]);
  const retry = () => {
    setError(null);
    setAttempt((n) => n + 1);
  };
  if (error) {
    return (
      <Center h="100vh" p="md">
        <Alert color="red" title="Tollgate could not tell who you are" maw={520}>
          {error}
          <Button mt="sm" variant="light" color="red" display="block" onClick={retry}>
            Try again
          </Button>
        </Alert>
      </Center>
    );
  }
  if (!state) {
    return (
      <Center h="100vh" aria-busy="true" aria-label="Loading Tollgate">
        <Loader />
      </Center>
    );
  }
  return <SessionContext value={state}>{children(state)}</SessionContext>;
}

/** The signed-in person (or the development admin), for the header and role checks. */
export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession needs a SessionProvider above it');
  return s;
}
