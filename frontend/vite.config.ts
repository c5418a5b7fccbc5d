/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The Go server (`tollgate serve`) listens on :8080 by default; in development
// Vite serves the SPA and forwards the API, including the graphql-ws socket.
const apiTarget = process.env.TOLLGATE_API ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/graphql': { target: apiTarget, ws: true, changeOrigin: true },
      '/healthz': { target: apiTarget },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // GraphiQL's editor (Monaco) is a few large chunks, loaded only by /graphiql.
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      // Two pages: the SPA, and GraphiQL served at /graphiql from the binary.
      input: { main: 'index.html', graphiql: 'graphiql.html' },
      // GraphiQL's packages start modules with React Compiler directives
      // ("use no memo") that bundling drops harmlessly: hundreds of warnings of noise.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  test: {
    environment: 'jsdom',
    // The browser of the tests is in New York and the deployment (src/test/settings.tsx)
    // in London: a time shown in the browser's zone instead of the deployment's fails.
    env: { TZ: 'America/New_York' },
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
  },
});
