/**
 * Node's `http` module, taken without an ESM import. Node builds the namespace of an ESM import of a built-in
 * module by reading every export, and `http`'s `WebSocket`, `CloseEvent` and `MessageEvent` exports are
 * getters that load Node's bundled undici: 0.75 MB of source kept on the heap and its compiled code, in every
 * server process, used or not. Take `http` from here; `import type … from 'node:http'` costs nothing.
 */
export const nodeHttp = process.getBuiltinModule('node:http');
