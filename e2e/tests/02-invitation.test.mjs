// Journey 2: a therapist adds a household and shows the invitation; the
// caregiver opens it on a phone, sets a password, picks Spanish and lands on
// /home in Spanish; the link then works no more.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  a11yCollector, account, htmlLang, newContext, pathOf, screenshot, signIn, useApp,
} from '../lib/index.mjs';

const app = useApp();
const a11y = a11yCollector();
const stamp = Date.now().toString(36);
const family = {
  child: `Valentina E2E ${stamp}`,
  caregiver: `Rosa E2E ${stamp}`,
  email: `rosa.e2e.${stamp}@example.com`,
  password: `sunlit-harbor-tortilla-${stamp}`,
};
let inviteURL;

test('a therapist adds a household and sees the invitation link and QR code', async () => {
  const context = await newContext(app.browser, { viewport: 'laptop' });
  const page = await context.newPage();
  await signIn(page, app.baseURL, account(app.server, 'therapist'));
  const response = await page.goto(app.url('/households/new'));
  assert.equal(response.status(), 200, 'GET /households/new');
  await a11y.check(page, '02-household-new');

  await page.locator('[name="child_name"]').fill(family.child);
  await page.locator('[name="caregiver_name"]').fill(family.caregiver);
  await page.locator('[name="caregiver_email"]').fill(family.email);
  const relationships = await page.locator('select[name="relationship"] option').evaluateAll(
    (options) => options.map((o) => o.value).filter(Boolean),
  );
  assert.ok(relationships.length > 0, 'the relationship select has options');
  await page.locator('select[name="relationship"]').selectOption(relationships.includes('grandparent') ? 'grandparent' : relationships[0]);
  await page.locator('select[name="access"]').selectOption('guardian');
  await Promise.all([
    page.waitForNavigation(),
    page.locator('form:has([name="child_name"]) [type="submit"]').first().click(),
  ]);

  const link = page.locator('[data-testid="invite-link"]');
  await link.waitFor();
  inviteURL = ((await link.getAttribute('href')) ?? (await link.innerText())).trim();
  assert.match(inviteURL, new RegExp(`^${app.baseURL.replace(/[.]/g, '\\.')}/invite/[0-9a-f]{32}[.][0-9a-f]{64}$`), 'an absolute, unguessable invitation URL');
  assert.ok(await page.locator('[data-testid="invite-qr"] svg').isVisible(), 'the QR code is shown');
  await a11y.check(page, '02-invite-shown');
  await context.close();
});

test('the caregiver opens the invitation on a phone and lands on /home in Spanish', async () => {
  assert.ok(inviteURL, 'needs the invitation of the previous test');
  const context = await newContext(app.browser, { viewport: 'phone' });
  const page = await context.newPage();
  const response = await page.goto(inviteURL);
  assert.equal(response.status(), 200, 'GET the invitation');
  await a11y.check(page, '02-invite-accept');

  await page.locator('input[name="password"]').fill(family.password);
  await page.locator('input[name="password_confirm"]').fill(family.password);
  await page.locator('select[name="lang"]').selectOption('es');
  await Promise.all([
    page.waitForNavigation(),
    page.locator('form:has([name="password_confirm"]) [type="submit"]').first().click(),
  ]);
  assert.equal(pathOf(page), '/home');
  assert.equal(await htmlLang(page), 'es', 'the caregiver chose Spanish');
  await a11y.check(page, '02-home-new-caregiver');
  assert.equal(await htmlLang(page), 'es', 'still Spanish after the a11y round trip');
  await context.close();
});

test('the used invitation shows a message and no password form', async () => {
  assert.ok(inviteURL, 'needs the invitation of the first test');
  const context = await newContext(app.browser, { viewport: 'phone' });
  const page = await context.newPage();
  const response = await page.goto(inviteURL);
  assert.ok(response.status() < 500, `no server error (got ${response.status()})`);
  assert.equal(await page.locator('input[name="password_confirm"], input[name="password"]').count(), 0, 'no password form');
  const text = (await page.locator('main').innerText()).trim();
  assert.ok(text.length > 0, 'a message explains the link is used or expired');
  await a11y.check(page, '02-invite-used');
  await screenshot(page, '02-invite-used');
  await context.close();
});

test('the new caregiver signs in from an English browser and still gets Spanish', async () => {
  assert.ok(inviteURL, 'needs the accepted invitation');
  const context = await newContext(app.browser, { viewport: 'phone', locale: 'en-US' });
  const page = await context.newPage();
  await signIn(page, app.baseURL, { email: family.email, password: family.password });
  assert.equal(pathOf(page), '/home');
  assert.equal(await htmlLang(page), 'es', 'the language is chosen per person, not per browser');
  await context.close();
});

test('no axe violations on the pages of journey 2 (English and Spanish)', (t) => a11y.assertClean(t));
