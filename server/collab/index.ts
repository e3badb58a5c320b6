// The collab plane's public face: the plane itself, the HTTP client of its internal API that the control
// plane uses in a split deployment, the standalone collab server, the HTTP sender of its callbacks, and what
// a cluster of server processes plugs in (the internal API's router serves peers' calls).
export { createCollabPlane, type CollabPlane, type CollabPlaneCallbacks, type CollabPlaneOptions } from './collab-plane.ts';
export { acknowledgingCallbacks } from './acknowledging-callbacks.ts';
export { createCollabHttpClient } from './collab-http-client.ts';
export { startCollabServer, type CollabServerOptions, type RunningCollabServer } from './collab-server.ts';
export { createHttpCallbackSender, type HttpCallbackOptions, type HttpCallbackSender } from './http-callback-sender.ts';
export { createInternalRouter } from './internal-routes.ts';
export type { CollabCluster, CollabPlacement, ConnectionAttempts } from './collab-cluster.ts';
