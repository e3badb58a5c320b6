// The wire contract shared by server, renderer, main, preload and tests.
export * from './enums.ts';
export * from './error-codes.ts';
export * from './close-codes.ts';
export * from './collab-messages.ts';
export * from './room-types.ts';
export * from './room-events.ts';
export * from './collab-control.ts';
export * from './health.ts';
export * from './execution-types.ts';
export * from './http-headers.ts';
export * from './collab-token.ts';
export * from './rules.ts';
