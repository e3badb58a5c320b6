import { createServer } from 'node:net';

/** A TCP port on 127.0.0.1 that was free a moment ago (for servers that cannot bind port 0 themselves). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Node's EADDRINUSE, or a child process's own words for it in the error's message. */
function portTaken(error: unknown): boolean {
  return (error as NodeJS.ErrnoException)?.code === 'EADDRINUSE' || /EADDRINUSE|already in use/i.test(String((error as Error)?.message));
}

/**
 * Runs `start` on a port from `freePort()`, and again on a new one when someone took the port between the
 * probe and `start`'s bind (an outgoing connection of a parallel test file can get it as its local port).
 * `start` cleans up after itself when it throws.
 */
export async function onFreePort<T>(start: (port: number) => Promise<T>, tries = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    try {
      return await start(port);
    } catch (error) {
      if (attempt >= tries || !portTaken(error)) throw error;
    }
  }
}
