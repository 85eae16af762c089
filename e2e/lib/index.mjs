// One import for journeys: `import { useApp, ... } from '../lib/index.mjs'`.
import { after, before } from 'node:test';
import { launchBrowser } from './browser.mjs';
import { startServer } from './server.mjs';

export * from './a11y.mjs';
export * from './browser.mjs';
export * from './screenshot.mjs';
export * from './server.mjs';
export * from './weights.mjs';

/**
 * Registers before/after hooks in the calling test file: one demo server and
 * one browser for the whole file, both stopped even when a test fails.
 * The returned object is filled in when `before` has run.
 */
export function useApp(serverOptions) {
  const app = { url: (p) => new URL(p, app.baseURL).href };
  before(async () => {
    app.server = await startServer(serverOptions);
    app.baseURL = app.server.baseURL;
    app.browser = await launchBrowser();
  });
  after(async () => {
    await app.browser?.close();
    await app.server?.stop();
  });
  return app;
}
