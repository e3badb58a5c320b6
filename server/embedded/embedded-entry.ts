// The embedded server's process entry. main forks this file by path (Electron utilityProcess; tests use
// child_process.fork), sends `start` with its options, and waits for `ready`. `stop` closes it cleanly.
import {
  isEmbeddedParentMessage,
  type EmbeddedChildMessage,
  type EmbeddedStartOptions,
} from '../protocol/embedded-messages.ts';
import { startServer } from '../start-server.ts';
import { consoleLogger } from '../logger.ts';
import { releaseMemoryWhenIdle } from '../idle-memory.ts';
import { exitOnUncaughtErrors } from '../fatal-errors.ts';
import type { RunningServer } from '../server-options.ts';

interface ParentChannel {
  send(message: EmbeddedChildMessage): void;
  onMessage(listener: (message: unknown) => void): void;
}

/** Electron's utilityProcess gives `process.parentPort`; child_process.fork gives `process.send`. */
function parentChannel(): ParentChannel {
  const parentPort = (process as { parentPort?: ElectronParentPort }).parentPort;
  if (parentPort) {
    return {
      send: (m) => parentPort.postMessage(m),
      onMessage: (listener) => parentPort.on('message', (e) => listener(e.data)),
    };
  }
  if (process.send) {
    return {
      send: (m) => void process.send!(m),
      onMessage: (listener) => process.on('message', listener),
    };
  }
  throw new Error('embedded-entry must be forked by the desktop app (no parent channel).');
}

interface ElectronParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

async function start(options: EmbeddedStartOptions): Promise<RunningServer> {
  const common = {
    mode: 'embedded' as const,
    host: '127.0.0.1',
    dataDir: options.dataDir,
    launchSecret: options.launchSecret,
    webRoot: options.webRoot,
    ...(options.problemsDir !== undefined ? { problemsDir: options.problemsDir } : {}),
    ...(options.ai ? { ai: options.ai } : {}),
    log: consoleLogger,
  };
  try {
    return await startServer({ ...common, port: options.port });
  } catch (error) {
    // The previous port was taken meanwhile: any free port will do (the window reloads from the new origin).
    // Safe in this process: a failed startServer has already closed everything it opened (database, planes,
    // clocks), so the retry is the only server over the data directory.
    if (options.port !== 0 && (error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      return startServer({ ...common, port: 0 });
    }
    throw error;
  }
}

// In Electron's utilityProcess, process.execPath is the Electron binary: children the server spawns with
// it (the execution plane runs JavaScript with process.execPath) must behave as plain Node.
if (process.versions.electron) process.env.ELECTRON_RUN_AS_NODE = '1';

const parent = parentChannel();
exitOnUncaughtErrors(consoleLogger);
let server: RunningServer | undefined;
let stopping = false;

async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await server?.close();
  parent.send({ type: 'stopped' });
  process.exit(0);
}

parent.onMessage((message) => {
  if (!isEmbeddedParentMessage(message)) return;
  if (message.type === 'stop') {
    void stop();
    return;
  }
  if (server || stopping) return;
  start(message.options).then(
    (s) => {
      server = s;
      releaseMemoryWhenIdle(consoleLogger);
      parent.send({ type: 'ready', url: s.url, port: s.port });
    },
    (error: unknown) => {
      parent.send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
      process.exit(1);
    },
  );
});
// child_process.fork: the parent died or closed the channel; utilityProcess children die with main.
process.on('disconnect', () => void stop());
