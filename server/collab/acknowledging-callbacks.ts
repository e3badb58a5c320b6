import type { CollabCallbacks } from '../protocol/index.ts';

/**
 * Callbacks that only acknowledge (a `CallbackAckResponse`, see docs/collab-protocol.md, "Callbacks"): what the
 * in-process plane reports to until the control plane's receiver exists. Snapshots handed here are acknowledged
 * and not kept anywhere else.
 */
export const acknowledgingCallbacks: CollabCallbacks = {
  snapshotReady: async (payload) => ({ received: payload.snapshots.length }),
  userDisconnected: async () => ({ received: 1 }),
};
