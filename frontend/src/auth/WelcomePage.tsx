import { Alert, Button, Loader, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { usePageTitle } from '../shell/usePageTitle';
import { asAuthError, AuthError, describeLink, redeemLink, type LinkInfo } from './session';
import { AuthCard } from './SignInPage';

const MIN = 10;

const titles: Record<LinkInfo['purpose'], string> = {
  SETUP: 'Set up Tollgate',
  INVITE: 'Choose your password',
  RESET: 'Choose a new password',
};

/** The page behind a one-time link: the first admin's set-up, an invitation, a reset. */
export function WelcomePage() {
  usePageTitle('Welcome');
  const [params] = useSearchParams();
  const secret = params.get('link') ?? '';
  const [link, setLink] = useState<LinkInfo | null>(null);
  const [gone, setGone] = useState<string | null>(null);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AuthError | null>(null);

  useEffect(() => {
    describeLink(secret).then(setLink, (e: Error) => setGone(e.message));
  }, [secret]);

  if (gone) {
    return (
      <AuthCard title="This link does not work">
        <Alert color="orange" role="alert">
          {gone}
        </Alert>
        <Button component={Link} to="/sign-in" variant="light" mt="md" fullWidth>
          Go to sign-in
        </Button>
      </AuthCard>
    );
  }
  if (!link) {
    return (
      <AuthCard title="Welcome">
        <Loader aria-label="Reading the link" />
      </AuthCard>
    );
  }

  const short = password.length > 0 && password.length < MIN;
  const mismatch = again.length > 0 && again !== password;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (password !== again) return;
    setBusy(true);
    setError(null);
    try {
      const session = await redeemLink(secret, email, password);
      // A customer's portal user starts on their portal; staff on the dashboard.
      window.location.assign(session.user?.kind === 'PORTAL' ? '/portal' : '/');
    } catch (err) {
      setError(asAuthError(err));
      setBusy(false);
    }
  }

  return (
    <AuthCard title={titles[link.purpose]}>
      <form onSubmit={submit} aria-label={titles[link.purpose]}>
        <Stack>
          {link.purpose === 'SETUP' ? (
            <Text size="sm">
              You are the first admin. Give the email you will sign in with and choose a password; you can invite everyone else afterwards.
            </Text>
          ) : (
            <Text size="sm">
              For <b>{link.email}</b>. The link works once.
            </Text>
          )}
          {link.purpose === 'SETUP' && (
            <TextInput
              label="Email"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={error?.field === 'email' ? error.message : undefined}
            />
          )}
          <PasswordInput
            label="Password"
            description={`At least ${MIN} characters; a few unrelated words make a good one.`}
            autoComplete="new-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={short ? `${password.length} of at least ${MIN} characters` : error?.field === 'password' ? error.message : undefined}
          />
          <PasswordInput
            label="The password again"
            autoComplete="new-password"
            required
            value={again}
            onChange={(e) => setAgain(e.currentTarget.value)}
            error={mismatch ? 'The two passwords differ' : undefined}
          />
          {error && !error.field && (
            <Alert color="red" role="alert">
              {error.message}
            </Alert>
          )}
          <Button type="submit" loading={busy} disabled={short || mismatch} fullWidth>
            {link.purpose === 'SETUP' ? 'Create the admin and sign in' : 'Save the password and sign in'}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
