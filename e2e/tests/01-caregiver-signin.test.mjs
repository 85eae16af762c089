// Journey 1: a caregiver signs in on a phone, with touch and with the keyboard
// alone, and the home screen fits the phone budgets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  a11yCollector, account, describeWeights, newContext, pageWeights, pathOf, screenshot, signIn, tabTo, useApp,
} from '../lib/index.mjs';

const app = useApp();
const a11y = a11yCollector();

async function assertSignedInHome(page) {
  assert.equal(pathOf(page), '/home');
  const h1 = (await page.locator('h1').first().innerText()).trim();
  assert.ok(h1.length > 0, '/home has a non-empty <h1>');
  assert.ok(await page.locator('form[action="/logout"] [type="submit"]').count() >= 1, 'a sign-out button');
}

test('a caregiver signs in on a phone and reaches /home', async () => {
  const context = await newContext(app.browser, { viewport: 'phone' });
  const page = await context.newPage();
  await page.goto(app.url('/login'));
  await a11y.check(page, '01-login');
  await signIn(page, app.baseURL, account(app.server, 'caregiver'));
  await assertSignedInHome(page);
  await a11y.check(page, '01-home-caregiver');
  await context.close();
});

test('a caregiver signs in with the keyboard alone', async () => {
  const context = await newContext(app.browser, { viewport: 'phone' });
  const page = await context.newPage();
  const { email, password } = account(app.server, 'caregiver');
  await page.goto(app.url('/login'));
  await tabTo(page, 'input[name="email"]');
  await page.keyboard.type(email);
  await tabTo(page, 'input[name="password"]', 5);
  await page.keyboard.type(password);
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  await assertSignedInHome(page);
  await screenshot(page, '01-home-after-keyboard-signin');
  await context.close();
});

test('the caregiver home fits the phone budgets and stays on our host', async () => {
  const context = await newContext(app.browser, { viewport: 'phone' });
  const page = await context.newPage();
  await signIn(page, app.baseURL, account(app.server, 'caregiver'));
  const w = await pageWeights(page, app.url('/home'));
  console.log(describeWeights(w));
  const doc = w.resources.find((r) => r.type === 'document');
  assert.equal(new URL(doc.url).pathname, '/home', 'measured the signed-in home, not a redirect target');
  assert.ok(w.htmlCssBytes <= 14 * 1024, `HTML+CSS ${w.htmlCssBytes} B compressed > 14 KB`);
  assert.ok(w.jsBytes <= 20 * 1024, `JS ${w.jsBytes} B compressed > 20 KB`);
  assert.deepEqual(w.hosts, [new URL(app.baseURL).host], 'no request to another host');
  await context.close();
});

test('no axe violations on the pages of journey 1 (English and Spanish)', (t) => a11y.assertClean(t));
