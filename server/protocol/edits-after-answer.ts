// The client's side of R5 (collab-plane.md §8: an update the server cannot fully integrate is rejected, and
// its clientID banned). The stock y-websocket provider sends every local edit as soon as its socket is open.
// After a reconnect with edits made offline, an edit typed before the client has answered the server's
// SyncStep1 depends on those offline structs, which the server does not have yet: R5 rejects it, and the
// client must discard its document, offline edits included. Held back until the client's SyncStep2 (its
// answer to the server's SyncStep1, computed from the whole local document) has been written, every such
// edit travels inside that SyncStep2 instead, and nothing later can depend on what the server lacks.
import * as decoding from 'lib0/decoding';
import type { WebsocketProvider } from 'y-websocket';
import { MessageType, SyncMessageType } from './collab-messages.ts';

/** Makes `provider` send local edits only once it has answered this connection's SyncStep1. */
export function sendEditsAfterAnswer(provider: WebsocketProvider): void {
  let answered = false;
  const handleSync = provider.messageHandlers[MessageType.SYNC]!;
  provider.messageHandlers[MessageType.SYNC] = (encoder, decoder, p, emitSynced, messageType) => {
    const subType = decoding.peekVarUint(decoder);
    handleSync(encoder, decoder, p, emitSynced, messageType);
    // The reply the provider sends right after this handler holds every local edit made so far.
    if (subType === SyncMessageType.STEP1) answered = true;
  };
  // Every status change starts or ends a connection; the server's SyncStep1 comes after `connected`.
  provider.on('status', () => {
    answered = false;
  });
  const send = provider._updateHandler;
  const guarded = (update: Uint8Array, origin: unknown): void => {
    if (answered) send(update, origin);
  };
  provider.doc.off('update', send);
  provider.doc.on('update', guarded);
  // destroy() unregisters `_updateHandler`: it must be the handler actually registered.
  provider._updateHandler = guarded;
}
