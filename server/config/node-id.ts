import { hostname } from 'node:os';

/**
 * SYNCODE_NODE_ID's default: the host name and the port; with port 0 (picked when binding, after the logs need
 * the name) the process id stands in for it, so that processes on one host never share a name.
 */
export function defaultNodeId(port: number): string {
  return `${hostname()}-${port === 0 ? `pid${process.pid}` : port}`;
}
