import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import * as Y from 'yjs';
import { LocalStore } from '../../main/local-store/local-store.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { pollUntil } from '../support/poll.ts';

const writer = join(import.meta.dirname, 'fixtures', 'store-writer.ts');
const key = { server: 'http://127.0.0.1:1', roomId: 'room', doc: 'code' } as const;

describe('local store crash safety', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const c of cleanups.splice(0).reverse()) c();
  });

  it.each([40, 97])('a writer killed with SIGKILL after ~%i appends leaves a consistent store', async (target) => {
    const dir = makeTempDir('syncode-crash-');
    cleanups.push(dir.remove);
    const file = join(dir.path, 'local-store.sqlite');
    const child: ChildProcess = spawn(process.execPath, [writer, file], { stdio: ['ignore', 'pipe', 'inherit'] });
    cleanups.push(() => child.kill('SIGKILL'));
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise((r) => child.once('exit', r));
    await pollUntil(() => out.split('\n').length - 1, (n) => n >= target, { what: `${target} appends` });
    child.kill('SIGKILL');
    await exited;
    const lines = out.split('\n').slice(0, -1); // the last part may be a torn line
    const committed = Number(lines.at(-1));

    const store = new LocalStore({ file });
    cleanups.push(() => store.close());
    const doc = new Y.Doc();
    Y.applyUpdate(doc, store.load(key)!);
    const entries = doc.getText('code').toString().split(';').slice(0, -1);
    // Every reported append is there, in order, nothing torn; at most the one in flight beyond it.
    expect(entries.length === committed + 1 || entries.length === committed + 2).toBe(true);
    entries.forEach((e, i) => expect(e).toBe(`${i}:${'x'.repeat(2000)}`));
    expect(store.updateCount(key)).toBeLessThanOrEqual(9);
  });
});
