// The client address used for rate limits and the audit log. Behind a reverse proxy every request arrives
// from the proxy, so the address it forwards in X-Forwarded-For is used instead — but only when the direct
// peer is one of the configured trusted proxies (SYNCODE_TRUSTED_PROXIES); anyone else could write any
// address there and get a fresh rate-limit bucket with every request.
import type { IncomingMessage } from 'node:http';

/** An address or network: its bytes (4 for IPv4, 16 for IPv6) and how many leading bits must match. */
interface Network {
  bytes: number[];
  prefix: number;
}

/** Resolves a request's client address. */
export type ClientIpResolver = (req: IncomingMessage) => string;

/** Without trusted proxies: the socket's peer address. */
export const peerAddress: ClientIpResolver = (req) => req.socket.remoteAddress ?? '';

/**
 * `entries` are addresses or CIDRs (`10.0.0.0/8`, `fd00::/8`, `127.0.0.1`); throws naming the first invalid
 * one. The client is the right-most address of the forwarded chain (proxies append the peer they saw) that is
 * not itself a trusted proxy; the chain is read only when the direct peer is trusted.
 */
export function createClientIpResolver(entries: readonly string[]): ClientIpResolver {
  if (entries.length === 0) return peerAddress;
  const isTrusted = createNetworkMatcher(entries);
  return (req) => {
    let client = peerAddress(req);
    if (!isTrusted(client)) return client;
    const header = req.headers['x-forwarded-for'];
    const chain = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',');
    for (let i = chain.length - 1; i >= 0; i--) {
      const hop = stripPort(chain[i]!.trim());
      // A hop that is not an address was not written by a trusted proxy: the last trusted one is the client.
      if (parseAddress(hop) === undefined) return client;
      client = hop;
      if (!isTrusted(hop)) return hop;
    }
    return client;
  };
}

/**
 * Whether an address (as a socket or X-Forwarded-For reports it) lies in one of `entries`, addresses or CIDRs;
 * throws naming the first invalid entry.
 */
export function createNetworkMatcher(entries: readonly string[]): (address: string) => boolean {
  const networks = entries.map((entry) => {
    const network = parseNetwork(entry);
    if (!network) throw new Error(`Invalid trusted proxy: "${entry}" (an IPv4/IPv6 address or CIDR)`);
    return network;
  });
  return (address) => {
    const bytes = parseAddress(address);
    return bytes !== undefined && networks.some((network) => contains(network, bytes));
  };
}

/** True when `entry` is an IPv4/IPv6 address or CIDR, as SYNCODE_TRUSTED_PROXIES accepts. */
export function isValidNetwork(entry: string): boolean {
  return parseNetwork(entry) !== undefined;
}

function parseNetwork(entry: string): Network | undefined {
  const [address, prefixText, extra] = entry.trim().split('/');
  if (extra !== undefined || address === undefined) return undefined;
  let bytes = parseAddress(address, false);
  if (!bytes) return undefined;
  let prefix = bytes.length * 8;
  if (prefixText !== undefined) {
    if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > prefix) return undefined;
    prefix = Number(prefixText);
  }
  // An IPv4-mapped IPv6 network (::ffff:10.0.0.0/104) is the IPv4 network it maps.
  if (bytes.length === 16 && isMapped(bytes) && prefix >= 96) {
    bytes = bytes.slice(12);
    prefix -= 96;
  }
  return { bytes, prefix };
}

function contains(network: Network, bytes: number[]): boolean {
  if (network.bytes.length !== bytes.length) return false;
  for (let bit = 0; bit < network.prefix; bit += 8) {
    const mask = network.prefix - bit >= 8 ? 0xff : (0xff << (8 - (network.prefix - bit))) & 0xff;
    const index = bit / 8;
    if ((network.bytes[index]! & mask) !== (bytes[index]! & mask)) return false;
  }
  return true;
}

/**
 * The bytes of an IPv4 or IPv6 address (an IPv6 zone `%eth0` ignored). With `unmap`, an IPv4-mapped IPv6
 * address (`::ffff:1.2.3.4`, how a dual-stack socket reports IPv4 peers) gives its IPv4 bytes.
 */
function parseAddress(text: string, unmap = true): number[] | undefined {
  if (text.includes(':')) {
    const bytes = parseIpv6(text.replace(/%[\w.-]+$/, ''));
    return bytes && unmap && isMapped(bytes) ? bytes.slice(12) : bytes;
  }
  return parseIpv4(text);
}

function parseIpv4(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255)) return undefined;
  return parts.map(Number);
}

function parseIpv6(text: string): number[] | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (half: string | undefined): number[] | undefined => {
    if (!half) return [];
    const bytes: number[] = [];
    const parts = half.split(':');
    for (const [i, part] of parts.entries()) {
      if (i === parts.length - 1 && part.includes('.')) {
        const v4 = parseIpv4(part);
        if (!v4) return undefined;
        bytes.push(...v4);
      } else if (/^[0-9a-f]{1,4}$/i.test(part)) {
        const value = parseInt(part, 16);
        bytes.push(value >> 8, value & 0xff);
      } else {
        return undefined;
      }
    }
    return bytes;
  };
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  if (!head || !tail) return undefined;
  const missing = 16 - head.length - tail.length;
  if (halves.length === 2 ? missing < 2 : missing !== 0) return undefined;
  return [...head, ...new Array<number>(missing).fill(0), ...tail];
}

function isMapped(bytes: number[]): boolean {
  return bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
}

/** `1.2.3.4:5678` and `[::1]:80` (some proxies forward the port) → the address alone. */
function stripPort(hop: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(hop);
  if (bracketed) return bracketed[1]!;
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(hop);
  return v4 ? v4[1]! : hop;
}
