// The floor of `npm run bench:collab`: the least a Yjs WebSocket server can do, run as its own process and
// driven by the same load generator as SynCode's server. It keeps one Y.Doc per URL path in memory and answers
// the y-websocket sync protocol as y-websocket's reference server does (y-protocols' sync handler, each applied
// update relayed to the document's other connections), with no authentication, no persistence, no checks
// and no awareness. What SynCode's server costs beyond this row is what it does beyond relaying.
// Prints "listening on http://127.0.0.1:<port>" once it accepts connections.
import { createServer } from 'node:http';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocketServer, type WebSocket } from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

const SYNC = 0;

interface RelayedDoc {
  ydoc: Y.Doc;
  connections: Set<WebSocket>;
}

const docs = new Map<string, RelayedDoc>();

function docAt(path: string): RelayedDoc {
  let doc = docs.get(path);
  if (doc) return doc;
  const created: RelayedDoc = { ydoc: new Y.Doc(), connections: new Set() };
  created.ydoc.on('update', (update: Uint8Array, origin: unknown) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, SYNC);
    syncProtocol.writeUpdate(encoder, update);
    const frame = encoding.toUint8Array(encoder);
    for (const c of created.connections) if (c !== origin) c.send(frame);
  });
  docs.set(path, (doc = created));
  return doc;
}

const http = createServer();
const wss = new WebSocketServer({ server: http });
wss.on('connection', (ws, request) => {
  const doc = docAt((request.url ?? '/').split('?')[0]!);
  doc.connections.add(ws);
  ws.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(decoder) !== SYNC) return;
    const reply = encoding.createEncoder();
    encoding.writeVarUint(reply, SYNC);
    syncProtocol.readSyncMessage(decoder, reply, doc.ydoc, ws);
    if (encoding.length(reply) > 1) ws.send(encoding.toUint8Array(reply));
  });
  ws.on('close', () => doc.connections.delete(ws));
  const step1 = encoding.createEncoder();
  encoding.writeVarUint(step1, SYNC);
  syncProtocol.writeSyncStep1(step1, doc.ydoc);
  ws.send(encoding.toUint8Array(step1));
});
http.listen(0, '127.0.0.1', () => {
  const address = http.address();
  if (address && typeof address === 'object') process.stdout.write(`listening on http://127.0.0.1:${address.port}\n`);
});
