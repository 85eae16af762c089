// The API's documentation page and the account page where tokens are made:
// served by the app, nothing from another host, accessible in both languages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  account, checkA11yBothLanguages, newContext, pageWeights, screenshot, signIn, useApp,
} from '../lib/index.mjs';

const app = useApp();

test('the API docs load with no request to another host and pass axe', async () => {
  const context = await newContext(app.browser, { viewport: 'laptop' });
  const page = await context.newPage();
  const w = await pageWeights(page, app.url('/api/v1/docs'));
  assert.deepEqual(w.hosts, [new URL(app.baseURL).host], 'nothing loaded from elsewhere');
  assert.equal(w.jsBytes, 0, 'no script at all');
  await page.goto(app.url('/api/v1/docs'));
  assert.equal(await page.locator('h3 code').first().innerText(), 'GET /api/v1/children');
  await checkA11yBothLanguages(page, '06-api-docs');
  await screenshot(page, '06-api-docs');
  await context.close();
});

test('a guardian makes a token on a phone, sees it once, and revokes it', async () => {
  const context = await newContext(app.browser, { viewport: 'phone' });
  const page = await context.newPage();
  await signIn(page, app.baseURL, account(app.server, 'caregiver'));
  await page.goto(app.url('/account/tokens'));
  await page.locator('#name').fill('my notes script');
  await Promise.all([page.waitForNavigation(), page.locator('form[action="/account/tokens"] [type="submit"]').click()]);
  const token = (await page.locator('[data-testid="new-token"]').innerText()).trim();
  assert.match(token, /^[0-9a-f]{32}\.[0-9a-f]{64}$/);
  const api = await context.request.get(app.url('/api/v1/me'), { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(api.status(), 200);
  await checkA11yBothLanguages(page, '06-tokens');
  await page.goto(app.url('/account/tokens'));
  assert.equal(await page.locator('[data-testid="new-token"]').count(), 0, 'shown only once');
  await Promise.all([page.waitForNavigation(), page.locator('form[action$="/revoke"] [type="submit"]').first().click()]);
  const refused = await context.request.get(app.url('/api/v1/me'), { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(refused.status(), 401);
  await screenshot(page, '06-tokens-phone');
  await context.close();
});
