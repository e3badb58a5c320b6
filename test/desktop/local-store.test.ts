import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import * as Y from 'yjs';
import { LocalStore } from '../../main/local-store/local-store.ts';
import type { LocalDocKey } from '../../preload/api.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const codeKey: LocalDocKey = { server: 'http://127.0.0.1:4000', roomId: 'r1', doc: 'code' };
const boardKey: LocalDocKey = { ...codeKey, doc: 'whiteboard' };

/** A doc that records each update it produces, like the renderer's persistence adapter does. */
function recordingDoc(): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  return { doc, updates };
}

function textOf(update: Uint8Array | null): string {
  const doc = new Y.Doc();
  if (update) Y.applyUpdate(doc, update);
  return doc.getText('code').toString();
}

describe('local store on a real SQLite file', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const c of cleanups.splice(0).reverse()) c();
  });
  function open(options: Partial<ConstructorParameters<typeof LocalStore>[0]> = {}): { store: LocalStore; file: string } {
    const dir = makeTempDir('syncode-store-');
    cleanups.push(dir.remove);
    const file = join(dir.path, 'local-store.sqlite');
    const store = new LocalStore({ file, ...options });
    cleanups.push(() => store.close());
    return { store, file };
  }

  it('appends and loads per (server, room, doc), and survives reopening', () => {
    const { store, file } = open();
    const { doc, updates } = recordingDoc();
    doc.getText('code').insert(0, 'def solve():');
    doc.getText('code').insert(12, '\n    return 42');
    for (const u of updates) store.append(codeKey, u);
    expect(store.load(boardKey)).toBeNull();
    expect(store.load({ ...codeKey, server: 'https://other.example' })).toBeNull();
    expect(textOf(store.load(codeKey))).toBe('def solve():\n    return 42');
    store.close();
    const reopened = new LocalStore({ file });
    cleanups.push(() => reopened.close());
    expect(textOf(reopened.load(codeKey))).toBe('def solve():\n    return 42');
  });

  it('compacts the log past the threshold without changing the state', () => {
    const { store } = open({ compactAfterUpdates: 5 });
    const { doc, updates } = recordingDoc();
    for (let i = 0; i < 23; i++) doc.getText('code').insert(doc.getText('code').length, `${i} `);
    doc.getText('code').delete(0, 2);
    for (const u of updates) store.append(codeKey, u);
    expect(store.updateCount(codeKey)).toBeLessThanOrEqual(5);
    expect(textOf(store.load(codeKey))).toBe(doc.getText('code').toString());
    store.compact(codeKey);
    expect(store.updateCount(codeKey)).toBe(1);
    expect(textOf(store.load(codeKey))).toBe(doc.getText('code').toString());
  });

  it('clear drops one document only', () => {
    const { store } = open();
    const a = recordingDoc();
    a.doc.getText('code').insert(0, 'keep me out');
    store.append(codeKey, a.updates[0]!);
    store.append(boardKey, a.updates[0]!);
    store.clear(codeKey);
    expect(store.load(codeKey)).toBeNull();
    expect(store.updateCount(codeKey)).toBe(0);
    expect(textOf(store.load(boardKey))).toBe('keep me out');
  });

  it('drops documents past the retention period on open', () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const { store, file } = open({ now: () => now });
    const a = recordingDoc();
    a.doc.getText('code').insert(0, 'old');
    store.append(codeKey, a.updates[0]!);
    now += 10 * 86_400_000;
    store.append(boardKey, a.updates[0]!);
    store.close();
    now += 25 * 86_400_000; // code doc is 35 days old, whiteboard 25
    const reopened = new LocalStore({ file, now: () => now, retentionMs: 30 * 86_400_000 });
    cleanups.push(() => reopened.close());
    expect(reopened.load(codeKey)).toBeNull();
    expect(reopened.load(boardKey)).not.toBeNull();
  });

  it('keeps settings and the newest recent rooms', () => {
    let now = 1_000;
    const { store } = open({ recentLimit: 3, now: () => now++ });
    store.setSetting('window', { width: 1000 });
    store.setSetting('window', { width: 1200 });
    expect(store.getSetting('window')).toEqual({ width: 1200 });
    expect(store.getSetting('missing')).toBeUndefined();
    for (const id of ['a', 'b', 'c', 'd']) store.addRecentRoom({ server: 'https://s.example', roomId: id, name: `Room ${id}` });
    store.addRecentRoom({ server: 'https://s.example', roomId: 'b', name: 'Room b renamed' });
    expect(store.listRecentRooms().map((r) => [r.roomId, r.name])).toEqual([
      ['b', 'Room b renamed'],
      ['d', 'Room d'],
      ['c', 'Room c'],
    ]);
  });
});
