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
 * left out; the header still sends it. Its scripts are stricter than the header's 'self': in the
 * source page they are 'none', and the build (pinEntryScript, run by electron.vite.config.ts)
 * replaces that by the hash of the one bundled entry script. Both policies apply, so the page
 * runs exactly that file, from our own origin. A unit test keeps index.html equal to this.
 */
export const META_CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.filter(([name]) => name !== 'frame-ancestors')
  .map(([name, ...sources]) => (name === 'script-src' ? "script-src 'none'" : [name, ...sources].join(' ')))
  .join('; ');

/**
 * The built page's script policy: the entry script by its subresource-integrity hash, and
 * 'strict-dynamic' so that chunks it imports itself load too (the header's 'self' still keeps
 * them on our origin).
 */
export function pinnedScriptSources(integrity: string): string {
  return `script-src '${integrity}' 'strict-dynamic'`;
}

/**
 * Pins the built index.html to its entry script: adds `integrity` to the one module script tag
 * and puts its hash in the meta policy. `integrityOf` gets the tag's src and returns
 * `sha384-<base64>` of that file's bytes. Throws unless there is exactly one such tag and the
 * meta policy still says script-src 'none': a page that silently kept either would not run.
 */
export function pinEntryScript(html: string, integrityOf: (src: string) => string): string {
  const tags = [...html.matchAll(/<script type="module" crossorigin src="([^"]+)"><\/script>/g)];
  if (tags.length !== 1) throw new Error(`pinEntryScript: expected one module script in index.html, found ${tags.length}`);
  const [tag, src] = tags[0] as RegExpMatchArray & [string, string];
  const integrity = integrityOf(src);
  if (!/^sha384-[A-Za-z0-9+/]+={0,2}$/.test(integrity)) throw new Error(`pinEntryScript: not a sha384 integrity value: ${integrity}`);
  const unpinned = "script-src 'none'";
  if (html.split(unpinned).length !== 2) throw new Error("pinEntryScript: the meta policy must say script-src 'none' exactly once");
  return html
    .replace(tag, `<script type="module" crossorigin integrity="${integrity}" src="${src}"></script>`)
    .replace(unpinned, pinnedScriptSources(integrity));
}

/** Parses a policy into directive → sources (lower-cased names), for tests and checks. */
export function parseCsp(policy: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), sources);
  }
  return out;
}
