import { timingSafeEqual } from 'node:crypto';

/**
 * Browser mode listens on loopback only, but any web page the kiosk's browser opens could still
 * try to reach it. Requests must name our own host (stops DNS rebinding), API calls must come
 * from our own origin (or none, for non-browser clients) and carry the per-launch token.
 */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host !== undefined && allowedHosts(port).has(host.toLowerCase());
}

export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

export function tokenMatches(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

// The policy is shared with the Electron shell: one definition in src/shared/security/csp.ts.
export { CONTENT_SECURITY_POLICY } from '../shared/security/csp';
