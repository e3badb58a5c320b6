// Where each npm dependency of package.json may run. The layering lint rejects an import of a package
// from a folder whose runtime does not provide what the package needs, and any dependency missing here
// (a new package must be classified before it can be used).

/**
 * `pure`: plain JS, runs anywhere (server/protocol included). `node`: needs Node (native modules, sockets,
 * the file system). `dom`: needs a browser. `electron`: Electron's own API (main and preload processes).
 * `types`: type declarations, never imported at run time. `dev`: tests, benchmarks and build tooling only, never
 * imported by the product's folders (a production install has no devDependencies).
 */
export type PackageRuntime = 'pure' | 'node' | 'dom' | 'electron' | 'types' | 'dev';

export const PACKAGE_RUNTIMES: Readonly<Record<string, PackageRuntime>> = {
  // The whiteboard's record schema (validators only); the collab plane checks records with it.
  '@tldraw/tlschema': 'pure',
  lib0: 'pure',
  marked: 'pure',
  'y-protocols': 'pure',
  'y-utility': 'pure',
  'y-websocket': 'pure',
  yjs: 'pure',
  zod: 'pure',

  'better-sqlite3': 'node',
  esbuild: 'node',
  // Static analysis of JS: runs inside the sandbox (server/execution/analysis/script-analysis-runner.ts).
  eslint: 'node',
  jose: 'node',
  keytar: 'node',
  'livekit-server-sdk': 'node',
  // Password-reset emails over SMTP (server/control/auth/smtp-mailer.ts); hosted servers only.
  nodemailer: 'node',
  // The AI plane's one OpenAI-compatible client; server-side only, so provider keys never reach a browser.
  openai: 'node',
  pg: 'node',
  ioredis: 'node',
  pino: 'node',
  'prom-client': 'node',
  ws: 'node',
  typescript: 'node',
  // A devDependency, loaded only where installed: the server builds a missing web client with it (web-client-build.ts).
  vite: 'node',

  '@tldraw/assets': 'dom',
  dompurify: 'dom',
  'livekit-client': 'dom',
  'monaco-editor': 'dom',
  react: 'dom',
  'react-dom': 'dom',
  tldraw: 'dom',
  'y-indexeddb': 'dom',
  'y-monaco': 'dom',

  electron: 'electron',

  '@doyensec/electronegativity': 'dev',
  '@vitejs/plugin-react': 'dev',
  // The accessibility rules engine: its script is read from disk and run inside Chromium (axeViolations, test/e2e/e2e-helpers.ts).
  'axe-core': 'dev',
  'electron-builder': 'dev',
  'playwright-core': 'dev',
  // The real SMTP server reset emails are sent to in tests (test/support/test-smtp-server.ts).
  'smtp-server': 'dev',
  vitest: 'dev',

  '@types/better-sqlite3': 'types',
  '@types/node': 'types',
  '@types/pg': 'types',
  '@types/react': 'types',
  '@types/react-dom': 'types',
  '@types/ws': 'types',
};

/** The runtimes whose packages each folder may import (test/, scripts/ and bench/ may import any). */
export const FOLDER_RUNTIMES: readonly { folder: string; runtimes: readonly PackageRuntime[] }[] = [
  { folder: 'server/protocol', runtimes: ['pure'] },
  { folder: 'server', runtimes: ['pure', 'node'] },
  { folder: 'main', runtimes: ['pure', 'node', 'electron'] },
  { folder: 'preload', runtimes: ['pure', 'electron'] },
  { folder: 'renderer', runtimes: ['pure', 'dom'] },
];

/** The only files that may take ipcMain / ipcRenderer from 'electron': each hands it to its typed wrapper. */
export const RAW_IPC_FILES: Readonly<Record<string, string>> = {
  ipcMain: 'main/main.ts',
  ipcRenderer: 'preload/preload.ts',
};
