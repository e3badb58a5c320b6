import { fileURLToPath } from 'node:url';

/** Repository-relative defaults; the desktop app passes its own (packaged) paths in ServerOptions. */
export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../dist/renderer', import.meta.url));
export const DEFAULT_PROBLEMS_DIR = fileURLToPath(new URL('../resources/problems', import.meta.url));
