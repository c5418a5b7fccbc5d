import { defineConfig } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Every run starts the real server (`make build` puts it in bin/, the SPA
// embedded) on an empty data directory and a free port, unless
// TOLLGATE_E2E_URL names a server that is already running. Playwright loads
// this file in each worker too; the environment variables keep them all on
// the first load's directory and port.
process.env.TOLLGATE_E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'tollgate-e2e-'));
const dataDir = process.env.TOLLGATE_E2E_DATA_DIR;

/** A port nothing listens on now: the kernel's pick for port 0, asked synchronously in a child node. */
function freePort(): string {
  const script =
    "const s = require('node:net').createServer();" +
    "s.listen(0, '127.0.0.1', () => { process.stdout.write(String(s.address().port)); s.close(); });";
  return execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim();
}

const external = process.env.TOLLGATE_E2E_URL;
if (!external) process.env.TOLLGATE_E2E_PORT ??= freePort();
// A second server, with sign-in, for the sign-in specs (e2e/signin.spec.ts):
// its first admin is created before it starts, and the one-time link that
// `tollgate user create` prints is kept in its data directory.
process.env.TOLLGATE_E2E_SIGNIN_DIR ??= mkdtempSync(join(tmpdir(), 'tollgate-e2e-signin-'));
process.env.TOLLGATE_E2E_SIGNIN_PORT ??= freePort();
const signInDir = process.env.TOLLGATE_E2E_SIGNIN_DIR;
const signInPort = process.env.TOLLGATE_E2E_SIGNIN_PORT;
const signInURL = `http://127.0.0.1:${signInPort}`;
const port = process.env.TOLLGATE_E2E_PORT;
const baseURL = external ?? `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: './e2e',
  // One server, one database: tests run one at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL,
    headless: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      // Debian's chromium: Playwright cannot download its own browser here.
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: [
    ...(external
      ? []
      : [
          {
            // DATABASE_URL / REDIS_URL, when set, reach the server through the environment.
            // Most specs are the clerk's work, not signing in: this server is the development admin.
            command: `../bin/tollgate serve --addr 127.0.0.1:${port} --data-dir ${dataDir}`,
            url: `${baseURL}/healthz`,
            reuseExistingServer: false,
            timeout: 60_000,
            // Merged over process.env. The request log is noise here; warnings and errors still show.
            env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', TOLLGATE_AUTH: 'dev' },
            stdout: 'ignore' as const,
            stderr: 'pipe' as const,
          },
        ]),
    {
      command:
        `../bin/tollgate user create --admin admin@example.com --data-dir ${signInDir} > ${signInDir}/admin-link.txt && ` +
        // The portal spec's own admin (e2e/portal.spec.ts), so the sign-in spec's first admin link stays unused.
        `../bin/tollgate user create --admin portal-admin@example.com --data-dir ${signInDir} > ${signInDir}/portal-admin-link.txt && ` +
        `../bin/tollgate serve --addr 127.0.0.1:${signInPort} --data-dir ${signInDir}`,
      url: `${signInURL}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
      // Always embedded, on its own data directory, whatever the other server uses.
      env: {
        LOG_LEVEL: 'warn',
        TOLLGATE_AUTH: 'session',
        TOLLGATE_PUBLIC_URL: signInURL,
        // Customers may ask for a portal account themselves (the register page).
        TOLLGATE_PORTAL_REGISTRATION: 'true',
        DATABASE_URL: '',
        REDIS_URL: '',
        BLOB_URL: '',
        SMTP_URL: '',
      },
      stdout: 'ignore' as const,
      stderr: 'pipe' as const,
    },
  ],
});
