// The load generator of `npm run bench:collab`, run as its own process so it does not share the server's
// event loop. Reads one JSON config from argv[2]; writes JSON lines: {event:"start"}, {event:"stop"},
// then {event:"result", ...}.
import { performance } from 'node:perf_hooks';
import { SignJWT } from 'jose';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

export type GeneratorConfig =
  | {
      kind: 'ops';
      collabUrl: string;
      /** Several server processes: client i of each room connects to collabUrls[i % length] instead. */
      collabUrls?: string[];
      jwtSecret: string;
      rooms: string[];
      clientsPerRoom: number;
      opsPerSec: number;
      /** Load before the measured window (nothing of it is counted): the servers' JIT and first-edit work. */
      warmupMs?: number;
      durationMs: number;
      /** 'provider': stock WebsocketProvider per client; 'light': raw socket, own edits only (see lightClient). */
      client: 'provider' | 'light';
    }
  | { kind: 'join'; collabUrl: string; jwtSecret: string; roomId: string; edits: number; editsPerUpdate: number; charsPerEdit: number; joins: number; settleMs: number };

/** Resolves once the line is handed to the pipe, so exiting right after cannot truncate it. */
const emit = (line: Record<string, unknown>): Promise<void> =>
  new Promise((resolve) => process.stdout.write(JSON.stringify(line) + '\n', () => resolve()));
let userCounter = 0;

async function token(cfg: GeneratorConfig, roomId: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ roomId, role: 'host', name: 'bench', color: '#123456', typ: 'collab' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(`00000000-0000-4000-8000-${String(++userCounter).padStart(12, '0')}`)
    .setIssuedAt(now)
    .setExpirationTime(now + 3600)
    .sign(new TextEncoder().encode(cfg.jwtSecret));
}

async function runOps(cfg: Extract<GeneratorConfig, { kind: 'ops' }>): Promise<void> {
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const clients: { ydoc: Y.Doc; synced: () => boolean; destroy: () => void }[] = [];
  const observe = (now: number, client: number, clock: number): void => {
    const t = sentAt.get(`${client}:${clock}`);
    if (t !== undefined) latencies.push(now - t);
  };
  for (const roomId of cfg.rooms) {
    for (let i = 0; i < cfg.clientsPerRoom; i++) {
      const url = cfg.collabUrls?.[i % cfg.collabUrls.length] ?? cfg.collabUrl;
      const t = await token(cfg, roomId);
      clients.push(cfg.client === 'light' ? lightClient(url, roomId, t, observe) : providerClient(url, roomId, t, observe));
    }
  }
  while (!clients.every((c) => c.synced())) await new Promise((r) => setTimeout(r, 20));
  let ops = 0;
  let measuring = false;
  const period = 1000 / cfg.opsPerSec;
  const timers: NodeJS.Timeout[] = [];
  for (const { ydoc } of clients) {
    const op = (): void => {
      const text = ydoc.getText('code');
      if (measuring) sentAt.set(`${ydoc.clientID}:${Y.getState(ydoc.store, ydoc.clientID)}`, performance.now());
      text.insert(Math.floor(Math.random() * (text.length + 1)), 'x');
      if (measuring) ops++;
    };
    timers.push(setTimeout(() => timers.push(setInterval(op, period)), Math.random() * period));
  }
  await new Promise((r) => setTimeout(r, cfg.warmupMs ?? 0));
  measuring = true;
  emit({ event: 'start' });
  const started = performance.now();
  await new Promise((r) => setTimeout(r, cfg.durationMs));
  for (const t of timers) clearInterval(t);
  const elapsedMs = performance.now() - started;
  emit({ event: 'stop' });
  await new Promise((r) => setTimeout(r, 1000)); // let the last relays arrive
  for (const c of clients) c.destroy();
  await emit({ event: 'result', ops, elapsedMs, latencies, expected: ops * (cfg.clientsPerRoom - 1) });
}

type Observe = (now: number, client: number, clock: number) => void;

/** A stock provider: the peer observes an op once its Y.Doc applied it. */
function providerClient(collabUrl: string, roomId: string, token: string, observe: Observe) {
  const ydoc = new Y.Doc();
  const provider = new WebsocketProvider(collabUrl, `${roomId}/code`, ydoc, {
    params: { token },
    disableBc: true,
    WebSocketPolyfill: WebSocket as never,
  });
  provider.messageHandlers[100] = (_e, d) => void decoding.readVarString(d);
  ydoc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== provider) return;
    const now = performance.now();
    for (const s of Y.decodeUpdate(update).structs) observe(now, s.id.client, s.id.clock);
  });
  return { ydoc, synced: () => provider.synced, destroy: () => provider.destroy() };
}

/**
 * A light peer for the 400-client scenario: it edits its own Y.Doc and observes relayed updates by reading
 * the first struct id of each frame, without applying them. Two cores cannot host 400 full Yjs peers and the
 * server at once; this keeps the generator's own work from dominating what is measured.
 */
function lightClient(collabUrl: string, roomId: string, token: string, observe: Observe) {
  const ydoc = new Y.Doc();
  const ws = new WebSocket(`${collabUrl}/${roomId}/code?token=${token}`);
  let synced = false;
  ydoc.on('update', (u: Uint8Array) => {
    if (ws.readyState === ws.OPEN) ws.send(syncUpdateFrame(u));
  });
  ws.on('message', (data: Buffer) => {
    const now = performance.now();
    const d = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(d) !== 0) return;
    const sub = decoding.readVarUint(d);
    if (sub === 0) synced = true;
    if (sub !== 2) return;
    const u = decoding.createDecoder(decoding.readVarUint8Array(d));
    if (decoding.readVarUint(u) === 0) return; // no structs
    decoding.readVarUint(u); // number of structs
    const client = decoding.readVarUint(u);
    observe(now, client, decoding.readVarUint(u));
  });
  ws.on('error', () => {});
  return { ydoc, synced: () => synced, destroy: () => ws.close() };
}

async function runJoin(cfg: Extract<GeneratorConfig, { kind: 'join' }>): Promise<void> {
  // The builder and the joiners are different users: a second connection of the builder's user to the document
  // would replace the builder (4009) while its last updates are still on their way.
  const builder = new WebSocket(`${cfg.collabUrl}/${cfg.roomId}/code?token=${await token(cfg, cfg.roomId)}`);
  const url = `${cfg.collabUrl}/${cfg.roomId}/code?token=${await token(cfg, cfg.roomId)}`;
  await new Promise((r) => builder.once('open', r));
  const ydoc = new Y.Doc();
  const text = ydoc.getText('code');
  ydoc.on('update', (u: Uint8Array) => builder.send(syncUpdateFrame(u)));
  let cursor = 0;
  const chunk = 'abcdefghijklmnopqrstuvwxyz'.slice(0, cfg.charsPerEdit);
  for (let i = 0; i < cfg.edits; i += cfg.editsPerUpdate) {
    ydoc.transact(() => {
      for (let j = i; j < Math.min(cfg.edits, i + cfg.editsPerUpdate); j++) {
        // Typing runs with a cursor jump every 50 edits, like a person moving around the file.
        if (j % 50 === 0) cursor = Math.floor(Math.random() * (text.length + 1));
        text.insert(cursor, chunk);
        cursor += chunk.length;
      }
    });
    if (i % 2000 === 0) while (builder.bufferedAmount > 1 << 20) await new Promise((r) => setTimeout(r, 5));
  }
  const expected = text.length;
  // The builder's last update is in once the server's state vector matches ours.
  await waitForStateVector(url, Y.encodeStateVector(ydoc));
  builder.close();
  // Let the server settle after the build burst (V8 gives memory back once idle) before measuring joins.
  await new Promise((r) => setTimeout(r, cfg.settleMs));
  emit({ event: 'start' });
  const joinMs: number[] = [];
  let mismatches = 0;
  const room = text.toString();
  for (let j = 0; j < cfg.joins; j++) {
    const join = await timeJoin(url);
    joinMs.push(join.ms);
    if (join.text !== room) mismatches++;
  }
  emit({ event: 'stop' });
  await emit({ event: 'result', joinMs, mismatches, textBytes: expected, edits: cfg.edits, updates: Math.ceil(cfg.edits / cfg.editsPerUpdate) });
}

function syncUpdateFrame(update: Uint8Array, subType = 2): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, subType);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

/**
 * Connect → SyncStep1 sent on open → the full SyncStep2 received, in ms; and the text the joiner holds at
 * that moment (what a stock client sees at its `synced` event), having applied every update before it.
 */
function timeJoin(url: string): Promise<{ ms: number; text: string }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const ws = new WebSocket(url);
    const frames: Uint8Array[] = [];
    ws.on('open', () => ws.send(syncUpdateFrame(Y.encodeStateVector(new Y.Doc()), 0)));
    ws.on('message', (data: Buffer) => {
      const d = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(d) !== 0) return;
      const sub = decoding.readVarUint(d);
      if (sub === 0) return;
      frames.push(decoding.readVarUint8Array(d));
      if (sub !== 1) return;
      const ms = performance.now() - t0;
      ws.close();
      const joiner = new Y.Doc();
      for (const update of frames) Y.applyUpdate(joiner, update);
      resolve({ ms, text: joiner.getText('code').toString() });
      joiner.destroy();
    });
    ws.on('error', reject);
  });
}

/** Polls the server's state vector until it covers `want`; a probe socket that closes early is retried. */
async function waitForStateVector(url: string, want: Uint8Array, deadlineMs = 120_000): Promise<void> {
  const target = Y.decodeStateVector(want);
  const deadline = performance.now() + deadlineMs;
  for (;;) {
    const sv = await new Promise<Map<number, number>>((resolve) => {
      const ws = new WebSocket(url);
      ws.on('message', (data: Buffer) => {
        const d = decoding.createDecoder(new Uint8Array(data));
        if (decoding.readVarUint(d) === 0 && decoding.readVarUint(d) === 0) {
          ws.close();
          resolve(Y.decodeStateVector(decoding.readVarUint8Array(d)));
        }
      });
      // A refused or dropped probe (a loaded server) counts as "not there yet" instead of hanging the run.
      ws.on('error', () => resolve(new Map()));
      ws.on('close', () => resolve(new Map()));
    });
    if ([...target].every(([c, clock]) => (sv.get(c) ?? 0) >= clock)) return;
    if (performance.now() > deadline) throw new Error(`the server did not hold the built document within ${deadlineMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

// y-websocket registers one process 'exit' listener per provider.
process.setMaxListeners(0);
const cfg = JSON.parse(process.argv[2]!) as GeneratorConfig;
await (cfg.kind === 'ops' ? runOps(cfg) : runJoin(cfg));
process.exit(0);
