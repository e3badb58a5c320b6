// The production ForkEmbedded: Electron's utilityProcess (a Node child that dies with the app).
import { utilityProcess } from 'electron';
import type { EmbeddedParentMessage } from '../server/protocol/embedded-messages.ts';
import type { EmbeddedChild, ForkEmbedded } from './server-supervisor.ts';

export const forkUtilityProcess: ForkEmbedded = (entryPath): EmbeddedChild => {
  const child = utilityProcess.fork(entryPath, [], { serviceName: 'SynCode server', stdio: 'inherit' });
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
