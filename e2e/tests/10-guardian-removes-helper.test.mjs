// Journey 10 (issue 9): on a phone, a guardian removes a helper from the
// family, after a question; the helper's very next request no longer shows
// the child. Checked with axe in English and Spanish.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { a11yCollector, account, mainText, newContext, pathOf, signIn, switchLanguage, useApp } from '../lib/index.mjs';

const app = useApp();
const a11y = a11yCollector();
const state = {};

async function childIds(page) {
  const paths = await page.locator('a[href^="/children/"]').evaluateAll((links) => links.map((a) => new URL(a.href).pathname));
  return [...new Set(paths.map((p) => /^\/children\/([^/]+)$/.exec(p)?.[1]).filter(Boolean))];
}

test('the helper sees the child, and the guardian of that family is found', async () => {
  state.hContext = await newContext(app.browser, { viewport: 'phone' });
  state.hPage = await state.hContext.newPage();
  await signIn(state.hPage, app.baseURL, account(app.server, 'helper'));
  state.helperName = (await state.hPage.locator('[data-testid="user-name"]').innerText()).trim();
  [state.childId] = await childIds(state.hPage);
  assert.ok(state.childId, 'the helper\'s home links to a child');

  state.gContext = await newContext(app.browser, { viewport: 'phone' });
  state.gPage = await state.gContext.newPage();
  for (const guardian of app.server.accounts.caregiver) {
    await signIn(state.gPage, app.baseURL, guardian);
    if ((await childIds(state.gPage)).includes(state.childId)) { state.guardian = guardian; break; }
    await state.gContext.clearCookies();
  }
  assert.ok(state.guardian, 'a demo guardian of the helper\'s family');
});

test('the guardian opens the family\'s caregivers from the child\'s page', async () => {
  assert.ok(state.guardian, 'needs the guardian of the previous test');
  const page = state.gPage;
  await page.goto(app.url(`/children/${state.childId}`));
  await Promise.all([page.waitForNavigation(), page.locator(`a[href="/children/${state.childId}/caregivers"]`).click()]);
  assert.equal(pathOf(page), `/children/${state.childId}/caregivers`);
  assert.ok((await mainText(page)).includes(state.helperName), 'the helper is listed');
  await a11y.check(page, '10-caregivers');
});

async function askToRemove(page) {
  const card = page.locator('[data-testid="caregiver"]', { hasText: state.helperName });
  await Promise.all([page.waitForNavigation(), card.locator('[data-testid="remove"]').click()]);
  assert.ok((await page.locator('h1').innerText()).includes(state.helperName), 'the question names the helper');
}

test('the guardian is asked first, in English and in Spanish, and says no, then yes', async () => {
  const page = state.gPage;
  await askToRemove(page);
  await a11y.checkHere(page, '10-remove-question');
  await Promise.all([page.waitForNavigation(), page.locator(`main a[href="/children/${state.childId}/caregivers"]`).click()]);
  assert.ok((await mainText(page)).includes(state.helperName), 'no removes nobody');
  await switchLanguage(page, 'es');
  await askToRemove(page);
  await a11y.checkHere(page, '10-remove-question');
  await Promise.all([page.waitForNavigation(), page.locator('[data-testid="confirm-remove"]').click()]);
  assert.equal(pathOf(page), `/children/${state.childId}/caregivers`);
  const notice = await page.locator('[role="status"]').innerText();
  assert.ok(notice.includes(state.helperName), `the notice names the helper: ${notice}`);
  assert.equal(await page.locator('[data-testid="caregiver"]', { hasText: state.helperName }).count(), 0);
  await a11y.checkHere(page, '10-removed');
  await switchLanguage(page, 'en');
});

test('the helper\'s very next request no longer shows the child', async () => {
  const page = state.hPage;
  await page.goto(app.url(`/children/${state.childId}`));
  // With no other family, the helper was signed out; with one, the child page is a 404.
  const text = await mainText(page);
  assert.ok(pathOf(page) === '/login' || text.includes('could not find'), `${pathOf(page)}: ${text}`);
});

test('no axe violations on the pages of journey 10 (English and Spanish)', (t) => a11y.assertClean(t));
