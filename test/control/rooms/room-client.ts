// A stock y-websocket client as the product client configures it (token param, `disableBc: true`), plus a type-100
// handler that records room events and a record of close codes (terminal codes stop reconnecting).
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CloseCode, MessageType, readRoomEvent, type CollabDoc } from '../../../server/protocol/index.ts';
import { pollUntil } from '../../support/poll.ts';

const TERMINAL = new Set<number>([
  CloseCode.NORMAL.code,
  CloseCode.UNAUTHORIZED.code,
  CloseCode.KICKED.code,
  CloseCode.ROOM_CLOSED.code,
  CloseCode.ROOM_NOT_FOUND.code,
  CloseCode.REPLACED.code,
]);

export interface RoomClient {
  ydoc: Y.Doc;
  provider: WebsocketProvider;
  events: any[];
  closes: number[];
  text(): string;
  eventsOf(type: string): any[];
  destroy(): void;
}

export function connectRoomClient(joined: { collabUrl: string; collabToken: string; docs: Record<CollabDoc, string> }, doc: CollabDoc = 'code'): RoomClient {
  const ydoc = new Y.Doc();
  const events: any[] = [];
  const closes: number[] = [];
  const provider = new WebsocketProvider(joined.collabUrl, joined.docs[doc], ydoc, {
    params: { token: joined.collabToken },
    disableBc: true,
    WebSocketPolyfill: WebSocket as never,
    maxBackoffTime: 200,
    shouldReconnect: (event: CloseEvent) => !TERMINAL.has(event.code),
  });
  provider.messageHandlers[MessageType.ROOM_EVENT] = (_encoder, decoder) => {
    const reading = readRoomEvent(decoder);
    if (!reading.ok) throw new Error(reading.error);
    events.push(reading.event);
  };
  provider.on('connection-close', (event) => {
    if (event) closes.push(event.code);
  });
  return {
    ydoc,
    provider,
    events,
    closes,
    text: () => ydoc.getText('code').toString(),
    eventsOf: (type) => events.filter((e) => e.type === type),
    destroy() {
      provider.destroy();
      ydoc.destroy();
    },
  };
}

/** Connects and waits until the provider is synced. */
export async function connectSynced(joined: Parameters<typeof connectRoomClient>[0], doc: CollabDoc = 'code'): Promise<RoomClient> {
  const client = connectRoomClient(joined, doc);
  await pollUntil(() => client.provider.synced, Boolean, { what: `${doc} provider synced` });
  return client;
}
