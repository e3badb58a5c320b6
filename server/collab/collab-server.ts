import { sendUnknownRoute, sendUpgradeRequired } from '../http/respond.ts';
import { createHttpListener } from '../http/http-listener.ts';
import { openOrUnwind } from '../cleanup-stack.ts';
import type { CollabCallbacks } from '../protocol/index.ts';
import type { Logger } from '../server-options.ts';
import { createCollabPlane, type CollabPlane, type CollabPlaneCallbacks, type CollabPlaneOptions } from './collab-plane.ts';
import { createHttpCallbackSender } from './http-callback-sender.ts';
import { createInternalRouter } from './internal-routes.ts';

export interface CollabServerOptions extends CollabPlaneOptions {
  host?: string;
  port?: number;
  internalSecret: string;
  /** The control plane's internal base URL the callbacks are POSTed to; or callbacks given directly. */
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
 * The collab plane as its own process (split deployment): `/collab` WebSockets and the internal `/internal`
 * API on one port, callbacks to the control plane over HTTP. A failed start (e.g. the port is taken) closes
 * whatever it had opened before rejecting.
 */
export function startCollabServer(options: CollabServerOptions): Promise<RunningCollabServer> {
  return openOrUnwind(async (stack) => {
    let callbacks: CollabPlaneCallbacks;
    if ('baseUrl' in options.callbacks) {
      const sender = createHttpCallbackSender({ ...options.callbacks, internalSecret: options.internalSecret, log: options.log });
      stack.defer(() => sender.close());
      callbacks = sender;
    } else {
      callbacks = options.callbacks;
    }
    const plane = await createCollabPlane(options);
    stack.defer(() => plane.close());
    plane.start(callbacks);
    const router = createInternalRouter(plane.control, options.internalSecret, options.log);
    const listener = createHttpListener(
      (req, res) => {
        const path = (req.url ?? '/').split('?')[0]!;
        if (path === '/collab' || path.startsWith('/collab/')) {
          sendUpgradeRequired(res);
        } else if (path.startsWith('/internal/')) {
          void router.handle(req, res);
        } else {
          sendUnknownRoute(res);
        }
      },
      (req, socket, head) => {
        const path = (req.url ?? '/').split('?')[0]!;
        if (path.startsWith('/collab/')) plane.handleUpgrade(req, socket, head);
        else socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      },
    );
    // Not awaited here: upgraded sockets keep the HTTP server open until the plane has closed them.
    stack.defer(() => void listener.close());
    await listener.listen(options.port ?? 0, options.host ?? '127.0.0.1');
    let closing: Promise<void> | undefined;
    return {
      url: listener.url(),
      port: listener.port(),
      plane,
      close() {
        // Stop accepting, close the plane (its sockets with 1001), then the sender; the server is closed last.
        closing ??= (async () => {
          const stopped = listener.close();
          await stack.dispose();
          await stopped;
        })();
        return closing;
      },
    };
  });
}
