// The production ForkEmbedded: Electron's utilityProcess (a Node child that dies with the app).
import { utilityProcess } from 'electron';
import type { EmbeddedParentMessage } from '../server/protocol/embedded-messages.ts';
import { serverMallocEnv } from '../server/protocol/malloc-arenas.ts';
import type { EmbeddedChild, ForkEmbedded } from './server-supervisor.ts';

export const forkUtilityProcess: ForkEmbedded = (entryPath): EmbeddedChild => {
  // The server's malloc arena limit is set here: a utility process cannot replace itself as the CLIs do.
  const env = serverMallocEnv(process.env, process.platform) ?? process.env;
  const child = utilityProcess.fork(entryPath, [], { serviceName: 'SynCode server', stdio: 'inherit', env });
  // Messages posted before the child has spawned are held back until it has.
  let queue: EmbeddedParentMessage[] | null = [];
  child.once('spawn', () => {
    for (const m of queue ?? []) child.postMessage(m);
    queue = null;
  });
  return {
    postMessage: (m) => (queue ? queue.push(m) : child.postMessage(m)),
    onMessage: (listener) => void child.on('message', listener),
    onExit: (listener) => void child.on('exit', (code) => listener(code)),
    kill: () => void child.kill(),
  };
};
