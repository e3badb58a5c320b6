import { createServer } from 'node:http';
import { sendUnknownRoute, sendUpgradeRequired } from '../http/respond.ts';
import type { CollabCallbacks } from '../protocol/index.ts';
import type { Logger } from '../server-options.ts';
import { createCollabPlane, type CollabPlane, type CollabPlaneOptions } from './collab-plane.ts';
import { createHttpCallbackSender, type HttpCallbackSender } from './http-callback-sender.ts';
import { createInternalRouter } from './internal-routes.ts';

export interface CollabServerOptions extends Omit<CollabPlaneOptions, 'callbacks'> {
  host?: string;
  port?: number;
  internalSecret: string;
  /** The control plane's internal base URL for §13 callbacks; or callbacks given directly. */
  callbacks: { baseUrl: string; retryDelaysMs?: readonly number[]; flushIntervalMs?: number } | CollabCallbacks;
  log: Logger;
}

export interface RunningCollabServer {
  url: string;
  port: number;
  plane: CollabPlane;
  close(): Promise<void>;
}

/**
 * The collab plane as its own process (split deployment, collab-plane.md §1): `/collab` WebSockets and the
 * §12 `/internal` API on one port, callbacks to the control plane over HTTP (§13).
 */
export async function startCollabServer(options: CollabServerOptions): Promise<RunningCollabServer> {
  let sender: HttpCallbackSender | undefined;
  let callbacks: CollabPlaneOptions['callbacks'];
  if ('baseUrl' in options.callbacks) {
    sender = createHttpCallbackSender({ ...options.callbacks, internalSecret: options.internalSecret, log: options.log });
    callbacks = sender;
  } else {
    callbacks = options.callbacks;
  }
  const plane = createCollabPlane({ ...options, callbacks });
  const router = createInternalRouter(plane.control, options.internalSecret, options.log);
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (path === '/collab' || path.startsWith('/collab/')) {
      sendUpgradeRequired(res);
    } else if (path.startsWith('/internal/')) {
      void router.handle(req, res);
    } else {
      sendUnknownRoute(res);
    }
  });
  server.on('upgrade', (req, socket, head) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (path.startsWith('/collab/')) plane.handleUpgrade(req, socket, head);
    else socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    plane,
    close() {
      closing ??= (async () => {
        await plane.close();
        sender?.close();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
      })();
      return closing;
    },
  };
}
