import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { usePageTitle } from '../shell/usePageTitle';
import { asAuthError, AuthError, registerForPortal } from './session';
import { AuthCard } from './SignInPage';

/**
 * A customer asks for a portal account: their email, their customer
 * reference and the number of one of their invoices. The server answers
 * the same words whether or not they matched; a match gets a link by email.
 */
export function RegisterPage() {
  usePageTitle('Register for the portal');
  const [email, setEmail] = useState('');
  const [reference, setReference] = useState('');
  const [invoiceNumber, setInvoiceNumber] = useState('');
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<string | null>(null);
  const [error, setError] = useState<AuthError | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setSent(await registerForPortal(email.trim(), reference.trim(), invoiceNumber.trim()));
    } catch (err) {
      setError(asAuthError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthCard title="Register for the portal">
      <form onSubmit={submit} aria-label="Register for the portal">
        <Stack>
          <Text size="sm">
            See your invoices and calls online. Give your email, your customer reference and the number of any invoice of yours (both are
            printed on your invoices); we email you a link to choose a password.
          </Text>
          <TextInput label="Email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
          <TextInput
            label="Customer reference"
            placeholder="As on your invoice"
            required
            value={reference}
            onChange={(e) => setReference(e.currentTarget.value)}
          />
          <TextInput
            label="Invoice number"
            inputMode="numeric"
            placeholder="Any one of your invoices"
            required
            value={invoiceNumber}
            onChange={(e) => setInvoiceNumber(e.currentTarget.value)}
          />
          {sent && (
            <Alert color="teal" role="status">
              {sent}
            </Alert>
          )}
          {error && (
            <Alert color={error.code === 'RATE_LIMITED' ? 'orange' : 'red'} role="alert" title={error.code === 'RATE_LIMITED' ? 'Too many tries' : undefined}>
              {error.message}
            </Alert>
          )}
          <Button type="submit" loading={busy} fullWidth>
            Register
          </Button>
          <Anchor component={Link} to="/sign-in" size="sm" ta="center">
            Back to sign-in
          </Anchor>
        </Stack>
      </form>
    </AuthCard>
  );
}
