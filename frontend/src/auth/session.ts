/**
 * The browser's side of signing in: the session's state from the server,
 * sign-in, sign-out and one-time links. The session cookie is HTTP-only;
 * what the page keeps is the CSRF token the server told it, which every
 * GraphQL request and upload sends back in the X-CSRF-Token header.
 */

export type AuthMode = 'session' | 'dev' | 'none';

export interface SessionUser {
  email: string;
  kind: 'STAFF' | 'PORTAL';
  role?: 'ADMIN' | 'BILLING' | 'READONLY';
  development?: boolean;
}

export interface SessionState {
  mode: AuthMode;
  signedIn: boolean;
  user?: SessionUser;
  csrfToken?: string;
  noUsersYet?: boolean;
  /** A customer may register for the portal themselves (TOLLGATE_PORTAL_REGISTRATION). */
  portalRegistration?: boolean;
}

export interface LinkInfo {
  purpose: 'SETUP' | 'INVITE' | 'RESET';
  email: string;
  expiresAt: string;
}

/** A refusal from /auth/*, with the server's words for the person at the form. */
export class AuthError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Any failure of a form's request as an AuthError, to show in the form. */
export function asAuthError(err: unknown): AuthError {
  return err instanceof AuthError ? err : new AuthError(String(err), 'INTERNAL');
}

let csrf = '';

/** The header every request that may change something carries. */
export function csrfHeaders(): Record<string, string> {
  return csrf ? { 'X-CSRF-Token': csrf } : {};
}

export function rememberSession(s: SessionState): SessionState {
  csrf = s.csrfToken ?? '';
  return s;
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { credentials: 'same-origin', ...init });
  } catch {
    throw new AuthError('Tollgate did not answer: check your connection and try again.', 'NETWORK');
  }
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const e = body?.errors?.[0];
    throw new AuthError(
      e?.message ?? `Tollgate answered HTTP ${res.status}; try again.`,
      e?.extensions?.code ?? 'HTTP',
      e?.extensions?.field,
    );
  }
  return body as T;
}

function post<T>(path: string, body: unknown): Promise<T> {
  return call<T>(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...csrfHeaders() },
    body: JSON.stringify(body),
  });
}

export async function fetchSession(): Promise<SessionState> {
  return rememberSession(await call<SessionState>('/auth/session', { cache: 'no-store' }));
}

export async function signIn(email: string, password: string): Promise<SessionState> {
  return rememberSession(await post<SessionState>('/auth/sign-in', { email, password }));
}

export async function signOut(): Promise<void> {
  await post('/auth/sign-out', {});
  csrf = '';
}

export function describeLink(secret: string): Promise<LinkInfo> {
  return call<LinkInfo>(`/auth/link?secret=${encodeURIComponent(secret)}`, {
    cache: 'no-store',
  });
}

export async function redeemLink(secret: string, email: string, password: string): Promise<SessionState> {
  return rememberSession(await post<SessionState>('/auth/link', { secret, email, password }));
}

/** Where a signed-out visitor goes, remembering the page they wanted. */
export function signInPath(location: Pick<Location, 'pathname' | 'search'>): string {
  const here = location.pathname + location.search;
  if (here === '/' || here.startsWith('/sign-in')) return '/sign-in';
  return `/sign-in?next=${encodeURIComponent(here)}`;
}

/** The page to open after signing in: only a path of this site, never another site. */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}

/** Asks for a reset email; the answer is the same whether or not the account exists. */
export async function forgotPassword(email: string): Promise<string> {
  const r = await post<{ message: string }>('/auth/forgot', { email });
  return r.message;
}

/** A customer's request for a portal account; the answer is the same whether or not the details matched. */
export async function registerForPortal(email: string, reference: string, invoiceNumber: string): Promise<string> {
  const r = await post<{ message: string }>('/auth/register', { email, reference, invoiceNumber });
  return r.message;
}
