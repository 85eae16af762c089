// The harness itself: server, browser, axe, screenshots and page weights,
// against the landing page that exists from the first build on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkA11yBothLanguages, describeWeights, htmlLang, newContext, pageWeights, screenshot, useApp,
} from '../lib/index.mjs';

const app = useApp();

test('the landing page on a phone passes axe in English and Spanish', async () => {
  const context = await newContext(app.browser, { viewport: 'phone' });
  const page = await context.newPage();
  const response = await page.goto(app.url('/'));
  assert.equal(response.status(), 200);
  assert.equal(await htmlLang(page), 'en');
  await checkA11yBothLanguages(page, '00-landing');
  assert.equal(await htmlLang(page), 'en', 'switched back to English');
  await screenshot(page, '00-landing-phone');
  await context.close();
});

test('a Spanish browser gets the landing page in Spanish', async () => {
  const context = await newContext(app.browser, { viewport: 'phone', locale: 'es-MX' });
  const page = await context.newPage();
  await page.goto(app.url('/'));
  assert.equal(await htmlLang(page), 'es');
  await context.close();
});

test('page weights of the landing page are measured and stay on our host', async () => {
  const context = await newContext(app.browser, { viewport: 'phone' });
  const page = await context.newPage();
  const w = await pageWeights(page, app.url('/'));
  console.log(describeWeights(w));
  assert.ok(w.resources.some((r) => r.type === 'document'), 'the HTML document was measured');
  assert.ok(w.resources.some((r) => r.type === 'stylesheet'), 'the stylesheet was measured');
  assert.ok(w.htmlCssBytes > 0 && w.htmlCssBytes <= 14 * 1024, `HTML+CSS ${w.htmlCssBytes} B`);
  assert.ok(w.jsBytes <= 20 * 1024, `JS ${w.jsBytes} B`);
  assert.deepEqual(w.hosts, [new URL(app.baseURL).host]);
  await context.close();
});
