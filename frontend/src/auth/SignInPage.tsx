import { Alert, Anchor, Button, Divider, Center, Paper, PasswordInput, Stack, Text, TextInput, ThemeIcon, Title } from '@mantine/core';
import { IconReceipt2 } from '@tabler/icons-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { usePageTitle } from '../shell/usePageTitle';
import { asAuthError, AuthError, forgotPassword, safeNext, signIn } from './session';

/** The frame of the signed-out pages: the product's name over a card. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Center mih="100dvh" p="md" component="main">
      <Stack w="100%" maw={400} gap="lg">
        <Stack align="center" gap={6}>
          <ThemeIcon size={44} radius="md" aria-hidden>
            <IconReceipt2 size={26} />
          </ThemeIcon>
          <Text fw={700} size="xl">
            Tollgate
          </Text>
        </Stack>
        <Paper withBorder shadow="sm" p="xl" radius="md">
          <Title order={1} size="h3" mb="md">
            {title}
          </Title>
          {children}
        </Paper>
      </Stack>
    </Center>
  );
}

export function SignInPage({ noUsersYet, portalRegistration }: { noUsersYet?: boolean; portalRegistration?: boolean }) {
  usePageTitle('Sign in');
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AuthError | null>(null);
  const [forgetting, setForgetting] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(email, password);
      // A whole new page: nothing cached for nobody survives into the session.
      window.location.assign(safeNext(params.get('next')));
    } catch (err) {
      setError(asAuthError(err));
      setBusy(false);
    }
  }

  return (
    <AuthCard title="Sign in">
      {noUsersYet && (
        <Alert color="blue" mb="md" title="No one can sign in yet">
          Tollgate has no users. The first admin opens the one-time set-up link that <code>tollgate serve</code> printed when it started (a
          restart prints a new one), or an operator runs <code>tollgate user create --admin EMAIL</code>.
        </Alert>
      )}
      <form onSubmit={submit} aria-label="Sign in">
        <Stack>
          <TextInput
            label="Email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            autoFocus
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          {error && (
            <Alert
              color={error.code === 'RATE_LIMITED' ? 'orange' : 'red'}
              role="alert"
              title={error.code === 'RATE_LIMITED' ? 'Locked for now' : 'Not signed in'}
            >
              {error.message}
            </Alert>
          )}
          <Button type="submit" loading={busy} fullWidth>
            Sign in
          </Button>
          <Anchor component="button" type="button" size="sm" onClick={() => setForgetting(true)}>
            Forgotten your password?
          </Anchor>
        </Stack>
      </form>
      {forgetting && <ForgotForm initialEmail={email} />}
      {portalRegistration && (
        <>
          <Divider my="lg" />
          <Text size="sm" ta="center">
            Customer?{' '}
            <Anchor component={Link} to="/portal/register">
              Register for the portal
            </Anchor>
          </Text>
        </>
      )}
    </AuthCard>
  );
}

/** A reset link by email: the answer never says whether the account exists. */
function ForgotForm({ initialEmail }: { initialEmail: string }) {
  const [email, setEmail] = useState(initialEmail);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <Divider my="lg" />
      <form
        aria-label="Reset the password"
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          setError(null);
          try {
            setSent(await forgotPassword(email));
          } catch (err) {
            setError(err instanceof Error ? err.message : String(err));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Stack>
          <Text size="sm">We email you a link with which you choose a new password. It works once, for an hour.</Text>
          <TextInput label="Your email" type="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
          {sent && (
            <Alert color="teal" role="status">
              {sent}
            </Alert>
          )}
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <Button type="submit" variant="light" loading={busy}>
            Email me a reset link
          </Button>
        </Stack>
      </form>
    </>
  );
}
