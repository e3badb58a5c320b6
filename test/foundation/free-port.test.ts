// The port helper of the tests: a port taken between the probe and the bind (by a parallel test file's
// outgoing connection, in CI) costs a retry, not a failed suite. Real listening sockets on 127.0.0.1.
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { onFreePort } from '../support/free-port.ts';

const open: Server[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

function listen(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
    open.push(server);
  });
}

describe('onFreePort', () => {
  it('starts again on another port when the first was taken before the bind', async () => {
    const ports: number[] = [];
    const server = await onFreePort(async (port) => {
      ports.push(port);
      if (ports.length === 1) await listen(port); // someone else takes it first
      return listen(port);
    });
    expect(ports).toHaveLength(2);
    expect(ports[1]).not.toBe(ports[0]);
    expect((server.address() as { port: number }).port).toBe(ports[1]);
  });

  it('recognises a child process reporting the bind failure in its own words', async () => {
    let calls = 0;
    const result = await onFreePort(async () => {
      if (++calls === 1) throw new Error('postgres exited: could not bind IPv4 address "127.0.0.1": Address already in use');
      return 'started';
    });
    expect([result, calls]).toEqual(['started', 2]);
  });

  it('passes other errors through at once, and gives up after the given number of tries', async () => {
    let calls = 0;
    await expect(onFreePort(async () => (calls++, Promise.reject(new Error('bad config'))))).rejects.toThrow('bad config');
    expect(calls).toBe(1);
    await expect(onFreePort(async (port) => (calls++, listen(port).then(() => listen(port))), 3)).rejects.toMatchObject({ code: 'EADDRINUSE' });
    expect(calls).toBe(4);
  });
});
