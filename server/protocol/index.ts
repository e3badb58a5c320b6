// The wire contract shared by server, renderer, main, preload and tests.
export * from './enums.ts';
export * from './error-codes.ts';
export * from './close-codes.ts';
export * from './collab-messages.ts';
export * from './edits-after-answer.ts';
export * from './room-types.ts';
export * from './room-events.ts';
// Types only: the zod schemas of the internal API are imported from collab-control.ts by the server, so
// the renderer, which imports this index, never builds them.
export type * from './collab-control.ts';
export * from './health.ts';
export * from './execution-types.ts';
export * from './http-headers.ts';
export * from './collab-token.ts';
export * from './rules.ts';
export * from './output-compare.ts';
export * from './uri-decoding.ts';
