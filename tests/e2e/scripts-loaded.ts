import type { Page } from '@playwright/test';

/**
 * The renderer's script files this page has asked for, by name without the build's hash
 * ("index", "CameraScanner"): to check what a first paint loads and what waits until needed.
 */
export function scriptsLoaded(page: Page): () => string[] {
  const names: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() !== 'script') return;
    const file = new URL(request.url()).pathname.split('/').pop() ?? '';
    names.push(file.replace(/-[\w-]{8}\.js$/, ''));
  });
  return () => [...names];
}
