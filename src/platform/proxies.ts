/**
 * Fastify's `trustProxy` for a number of reverse proxies in front of the app: the client is the
 * address `hops` entries from the right of X-Forwarded-For (the one the outermost trusted proxy
 * wrote), never one further left, which the client can write itself.
 *
 * Fastify 5.12 no longer honours a bare number (it fails closed and trusts no proxy), because a
 * client that reaches the app directly could then forge the entries; hence this function. The app
 * must be reachable only through its proxies (docs/decisions/0006-client-addresses.md).
 */
export function trustProxyHops(hops: number): false | ((address: string, hop: number) => boolean) {
  if (hops === 0) return false
  return (_address, hop) => hop < hops
}
