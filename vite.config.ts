import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const monacoApi = fileURLToPath(new URL('./node_modules/monaco-editor/esm/vs/editor/editor.api.js', import.meta.url));

// The renderer is one build for the desktop app and the browser: the server serves dist/renderer at `/`.
export default defineConfig({
  root: 'renderer',
  base: '/',
  publicDir: 'public',
  plugins: [react()],
  resolve: {
    // y-monaco imports this deep path, which monaco-editor's `exports` map no longer exposes.
    alias: [{ find: /^monaco-editor\/esm\/vs\/editor\/editor\.api(\.js)?$/, replacement: monacoApi }],
  },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 6000,
    // tldraw fetch()es its translation JSON and the CSP's connect-src has no data:, so its assets stay files.
    assetsInlineLimit: (file) => (file.includes('@tldraw/assets') ? false : undefined),
  },
  // Dev pre-bundling would move imports.vite.js away from the asset files its `?url` imports point at.
  optimizeDeps: { exclude: ['@tldraw/assets'] },
  server: {
    proxy: {
      '/v1': 'http://127.0.0.1:3000',
      '/collab': { target: 'ws://127.0.0.1:3000', ws: true },
    },
  },
});
