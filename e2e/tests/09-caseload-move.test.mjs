// Journey 9 (issue 9): on a laptop, the clinic admin moves part of a
// therapist's caseload to another therapist in one step; the moved child
// shows on the new therapist's caseload at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { a11yCollector, account, mainText, newContext, pathOf, signIn, useApp } from '../lib/index.mjs';

const app = useApp();
const a11y = a11yCollector();
const state = {};

test('the admin opens a therapist\'s caseload from the People page', async () => {
  state.from = account(app.server, 'therapist', 1);
  state.to = account(app.server, 'therapist', 0);
  state.context = await newContext(app.browser, { viewport: 'laptop' });
  state.page = await state.context.newPage();
  const page = state.page;
  await signIn(page, app.baseURL, account(app.server, 'admin'));
  await page.goto(app.url('/admin/people'));
  await a11y.check(page, '09-people');
  const row = page.locator('tr', { hasText: state.from.email });
  await Promise.all([page.waitForNavigation(), row.locator('a[href$="/caseload"]').click()]);
  assert.match(pathOf(page), /^\/admin\/people\/[^/]+\/caseload$/);
  const boxes = page.locator('input[name="children"]');
  assert.ok((await boxes.count()) >= 2, 'the demo therapist has two children or more');
  await a11y.check(page, '09-caseload');
});

test('the admin moves one child and keeps the others', async () => {
  assert.ok(state.page, 'needs the caseload page of the previous test');
  const page = state.page;
  const boxes = page.locator('input[name="children"]');
  const count = await boxes.count();
  const labels = await page.locator('label.check').allInnerTexts();
  state.moved = labels[0].split('·')[0].trim();
  state.kept = labels.slice(1).map((l) => l.split('·')[0].trim());
  for (let i = 1; i < count; i++) await boxes.nth(i).uncheck();
  const toName = (await page.locator('select[name="to"] option').allInnerTexts()).find((t) => t.trim().length > 0 && !t.includes('…'));
  const toValue = await page.locator('select[name="to"] option', { hasText: toName }).first().getAttribute('value');
  await page.locator('select[name="to"]').selectOption(toValue);
  state.toName = toName.trim();
  await Promise.all([page.waitForNavigation(), page.locator('form[action$="/caseload"] [type="submit"]').click()]);
  const notice = await page.locator('[role="status"]').innerText();
  assert.match(notice, new RegExp(state.toName), `the notice names the new therapist: ${notice}`);
  const left = await mainText(page);
  assert.ok(!left.includes(state.moved), `${state.moved} left the caseload`);
  for (const kept of state.kept) assert.ok(left.includes(kept), `${kept} stayed`);
  await a11y.checkHere(page, '09-caseload-moved');
});

test('the moved child is on the other therapist\'s caseload', async () => {
  assert.ok(state.toName, 'needs the move of the previous test');
  const context = await newContext(app.browser, { viewport: 'laptop' });
  const page = await context.newPage();
  const therapist = [account(app.server, 'therapist', 0), account(app.server, 'therapist', 2)];
  let found = false;
  for (const who of therapist) {
    await signIn(page, app.baseURL, who);
    const name = (await page.locator('[data-testid="user-name"]').innerText()).trim();
    if (name === state.toName) {
      found = true;
      assert.ok((await mainText(page)).includes(state.moved), `${state.moved} on ${name}'s home`);
    }
    await page.context().clearCookies();
  }
  assert.ok(found, `${state.toName} is a demo therapist`);
  await context.close();
});

test('no axe violations on the pages of journey 9 (English and Spanish)', (t) => a11y.assertClean(t));
