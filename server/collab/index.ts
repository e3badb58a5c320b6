// The collab plane's public face (collab-plane.md): the plane itself, the §12 HTTP client the control plane
// uses in a split deployment, the standalone collab server, and the §13 HTTP callback sender.
export { createCollabPlane, type CollabPlane, type CollabPlaneCallbacks, type CollabPlaneOptions } from './collab-plane.ts';
export { acknowledgingCallbacks } from './acknowledging-callbacks.ts';
export { createCollabHttpClient } from './collab-http-client.ts';
export { startCollabServer, type CollabServerOptions, type RunningCollabServer } from './collab-server.ts';
export { createHttpCallbackSender, type HttpCallbackOptions, type HttpCallbackSender } from './http-callback-sender.ts';
