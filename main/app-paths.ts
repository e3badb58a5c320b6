// Where the built pieces are, relative to the main bundle (dist/main/main.js): the same layout in
// `npm start` and inside the packaged app.asar (electron-builder.yml `files`).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface AppPaths {
  preload: string;
  embeddedEntry: string;
  webRoot: string;
  problemsDir: string;
}

export function appPaths(mainModuleUrl: string): AppPaths {
  const distDir = fileURLToPath(new URL('..', mainModuleUrl));
  return {
    preload: join(distDir, 'preload', 'preload.cjs'),
    embeddedEntry: join(distDir, 'embedded-entry.js'),
    webRoot: join(distDir, 'renderer'),
    problemsDir: join(distDir, '..', 'resources', 'problems'),
  };
}
