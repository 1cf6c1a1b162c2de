/**
 * The one Content-Security-Policy of the UI, for both hosts: the Electron shell's app://
 * protocol and browser mode's loopback server. Default-deny: only the app's own files; no
 * inline script, no eval, no remote origin of any kind (the kiosk never needs the network).
 * Images may be data:/blob: (QR codes, camera frames); media may be the camera stream.
 * If a feature bundles WebAssembly, 'wasm-unsafe-eval' belongs in script-src, with a test.
 */
export const CSP_DIRECTIVES: ReadonlyArray<readonly [string, ...string[]]> = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self'", 'data:', 'blob:'],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['media-src', "'self'", 'mediastream:', 'blob:'],
  ['worker-src', "'self'", 'blob:'],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.map((d) => d.join(' ')).join('; ');

/**
 * The same policy as a `<meta http-equiv>` tag in index.html, for any loader that does not send
 * our header. A meta policy cannot carry frame-ancestors (browsers ignore it there), so it is
 * left out; the header still sends it. A unit test keeps index.html equal to this.
 */
export const META_CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.filter(([name]) => name !== 'frame-ancestors')
  .map((d) => d.join(' '))
  .join('; ');

/** Parses a policy into directive → sources (lower-cased names), for tests and checks. */
export function parseCsp(policy: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), sources);
  }
  return out;
}
