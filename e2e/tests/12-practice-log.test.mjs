// Journey 12 (issue 12 part A): a caregiver logs practice from "This week"
// on a phone. The test counts the taps (at most three); a log whose answer
// is lost on a dropped connection is sent again and stored once; the keyboard
// alone does it too. Axe checks every page in English and Spanish, and the
// home stays within the phone budgets with its script.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  a11yCollector, account, describeWeights, newContext, pageWeights, pathOf, signIn, tabTo, useApp,
} from '../lib/index.mjs';

const app = useApp();
const a11y = a11yCollector();
const state = {};

/** The child of the first card, from its log button. */
async function childOf(page) {
  const href = await page.locator('[data-testid="log-button"]').first().getAttribute('href');
  return /\/children\/([0-9a-f-]+)\//.exec(href)[1];
}

/** How many logs the API lists for the child (the page's own session), page by page. */
async function logCount(page, child) {
  let count = 0;
  let cursor = '';
  do {
    const response = await page.request.get(app.url(`/api/v1/children/${child}/logs?limit=100${cursor ? `&cursor=${cursor}` : ''}`));
    assert.equal(response.status(), 200);
    const body = await response.json();
    count += body.items.length;
    cursor = body.next_cursor ?? '';
  } while (cursor);
  return count;
}

async function phone() {
  const context = await newContext(app.browser, { viewport: 'phone' });
  const page = await context.newPage();
  await signIn(page, app.baseURL, account(app.server, 'caregiver', 0));
  assert.equal(pathOf(page), '/home');
  return { context, page };
}

test('a caregiver logs a practice from the home screen in at most three taps', async () => {
  const { context, page } = await phone();
  state.child = await childOf(page);
  await a11y.check(page, '12-home');
  const before = await logCount(page, state.child);

  let taps = 0;
  const tap = async (locator) => { taps += 1; await locator.click(); };
  const card = page.locator('[data-testid="week-card"]').first();
  await tap(card.locator('[data-testid="log-button"]'));
  await tap(card.locator('form[data-quick-log] button[value="went_well"]'));
  await assert.doesNotReject(card.locator('[data-log-done]').waitFor({ state: 'visible' }));
  assert.match(await card.locator('[data-log-done]').innerText(), /Saved/);
  assert.ok(taps <= 3, `${taps} taps`);
  assert.equal(pathOf(page), '/home', 'logged without leaving the page');
  assert.equal(await logCount(page, state.child), before + 1);
  await context.close();
});

test('a log whose answer is lost on a dropped connection is sent again and stored once', async () => {
  const { context, page } = await phone();
  const before = await logCount(page, state.child);
  let posts = 0;
  // The first post reaches the server, then the connection drops before the
  // answer arrives; the script sends it again with the same id.
  await page.route('**/children/*/logs', async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    posts += 1;
    if (posts === 1) {
      await route.fetch({ maxRedirects: 0 });
      return route.abort('connectionreset');
    }
    return route.continue();
  });
  const card = page.locator('[data-testid="week-card"]').nth(1);
  await card.locator('[data-testid="log-button"]').click();
  await card.locator('form[data-quick-log] button[value="mixed"]').click();
  await card.locator('[data-log-done]').waitFor({ state: 'visible' });
  assert.match(await card.locator('[data-log-done]').innerText(), /Saved/);
  assert.equal(posts, 2, 'sent twice');
  assert.equal(await logCount(page, state.child), before + 1, 'stored once');
  await context.close();
});

test('the keyboard alone logs a practice', async () => {
  const { context, page } = await phone();
  const before = await logCount(page, state.child);
  await tabTo(page, '[data-testid="log-button"]', 40);
  await page.keyboard.press('Enter');
  const focused = await page.evaluate(() => document.activeElement?.getAttribute('value'));
  assert.equal(focused, 'went_well', 'focus moves to the first answer');
  await page.keyboard.press('Enter');
  const done = page.locator('[data-testid="week-card"]').first().locator('[data-log-done]');
  await done.waitFor({ state: 'visible' });
  assert.equal(await logCount(page, state.child), before + 1);
  await context.close();
});

test('without JavaScript the log form page takes the same taps', async () => {
  const context = await app.browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(15_000);
  const page = await context.newPage();
  await signIn(page, app.baseURL, account(app.server, 'caregiver', 0));
  const before = await logCount(page, state.child);
  let taps = 0;
  const go = async (locator) => { taps += 1; await Promise.all([page.waitForNavigation(), locator.click()]); };
  await go(page.locator('[data-testid="log-button"]').first());
  assert.match(pathOf(page), /\/logs\/new$/);
  state.form = page.url();
  await go(page.locator('main button[value="hard"]'));
  assert.ok(taps <= 3, `${taps} taps`);
  assert.match(pathOf(page), /\/logs\/[0-9a-f-]+$/);
  state.saved = pathOf(page);
  assert.equal(await page.locator('[data-testid="log-saved"]').count(), 1);
  assert.equal(await logCount(page, state.child), before + 1);
  await context.close();
});

test('the log form, a log and the practice page pass axe', async () => {
  const { context, page } = await phone();
  await page.goto(state.form);
  await a11y.check(page, '12-log-form');
  await page.goto(app.url(state.saved));
  await a11y.check(page, '12-log');
  await page.goto(app.url(`/children/${state.child}/practice`));
  await a11y.check(page, '12-practice');
  await context.close();
});

test('the home with its script fits the phone budgets', async () => {
  const { context, page } = await phone();
  const w = await pageWeights(page, app.url('/home'));
  console.log(describeWeights(w));
  assert.ok(w.resources.some((r) => r.url.includes('/static/log.js')), 'the script is counted');
  assert.ok(w.htmlCssBytes <= 14 * 1024, `HTML+CSS ${w.htmlCssBytes} B compressed > 14 KB`);
  assert.ok(w.jsBytes <= 20 * 1024, `JS ${w.jsBytes} B compressed > 20 KB`);
  await context.close();
});

test('no axe violations on the pages of journey 12 (English and Spanish)', (t) => a11y.assertClean(t));
