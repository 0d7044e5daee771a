/**
 * Logs carry no personal data: no query strings (searches hold names), no one-time tokens in
 * paths, no cookies or headers, no client addresses.
 */
export function requestForLog(request: { method: string; url: string; routeOptions?: { url?: string } }) {
  const path = request.url.split('?')[0]!.replace(/\/(accept-invite|reset-password)\/[^/]+/, '/$1/[token]')
  return { method: request.method, url: path, route: request.routeOptions?.url }
}
