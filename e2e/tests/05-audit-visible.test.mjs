// Journey 5: a therapist opens a child's record; the clinic admin sees that
// access in "who accessed this child", and so does the child's guardian.
// Both views are read before and after, so demo data that already names the
// therapist cannot make the test pass on its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { a11yCollector, account, newContext, pathOf, signIn, useApp } from '../lib/index.mjs';

const app = useApp();
const a11y = a11yCollector();
const state = {};

/** Rows and list items of <main> that name the therapist (email or shown name). */
async function therapistRows(page) {
  const rows = await page.locator('main tr, main li').allInnerTexts();
  const names = [state.therapistEmail, state.therapistName].filter(Boolean);
  return rows.filter((row) => names.some((n) => row.includes(n))).join('\n');
}

function assertNewAccess(before, after, who) {
  assert.ok(after.length > 0, `${who}: a row or list item names ${state.therapistEmail} or "${state.therapistName ?? ''}"`);
  assert.notEqual(after, before, `${who}: nothing new about the therapist after the visit`);
}

test("the demo caregiver's child is on the therapist's caseload", async () => {
  const therapist = account(app.server, 'therapist');
  state.therapistEmail = therapist.email;
  state.tContext = await newContext(app.browser, { viewport: 'laptop' });
  state.tPage = await state.tContext.newPage();
  await signIn(state.tPage, app.baseURL, therapist);
  assert.equal(pathOf(state.tPage), '/home');
  state.therapistName = (await state.tPage.locator('[data-testid="user-name"]').allInnerTexts())[0]?.trim();
  const paths = await state.tPage.locator('a[href^="/children/"]').evaluateAll((links) => links.map((a) => new URL(a.href).pathname));
  const ids = [...new Set(paths.map((p) => /^\/children\/([^/]+)$/.exec(p)?.[1]).filter(Boolean))];
  assert.ok(ids.length > 0, 'the caseload on /home links to /children/<id>');
  await a11y.check(state.tPage, '05-home-therapist');

  // Which child is the demo caregiver's? Its guardian can open the access
  // page; for other families' children the answer is a 404.
  state.cContext = await newContext(app.browser, { viewport: 'phone' });
  state.cPage = await state.cContext.newPage();
  await signIn(state.cPage, app.baseURL, account(app.server, 'caregiver'));
  for (const id of ids) {
    const r = await state.cPage.goto(app.url(`/children/${id}/access`));
    if (r.status() === 200 && pathOf(state.cPage) === `/children/${id}/access`) { state.childId = id; break; }
  }
  assert.ok(state.childId, `the demo caregiver is guardian of one of ${ids.join(', ')}`);
  state.guardianBefore = await therapistRows(state.cPage);

  state.aContext = await newContext(app.browser, { viewport: 'laptop' });
  state.aPage = await state.aContext.newPage();
  await signIn(state.aPage, app.baseURL, account(app.server, 'admin'));
  const audit = await state.aPage.goto(app.url(`/admin/children/${state.childId}/audit`));
  assert.equal(audit.status(), 200, 'GET /admin/children/<id>/audit');
  state.adminBefore = await therapistRows(state.aPage);
});

test('the therapist opens the child from the caseload', async () => {
  assert.ok(state.childId, 'needs the child of the previous test');
  const page = state.tPage; // still on /home: reloading it could itself add audit rows
  await Promise.all([page.waitForNavigation(), page.locator(`a[href="/children/${state.childId}"]`).first().click()]);
  assert.equal(pathOf(page), `/children/${state.childId}`);
  assert.ok((await page.locator('h1').first().innerText()).trim().length > 0, 'the child page has an <h1>');
  await a11y.check(page, '05-child-therapist');
});

test("the admin sees the therapist's access in who-accessed-this-child", async () => {
  assert.ok(state.aPage, 'needs the admin of the first test');
  const response = await state.aPage.goto(app.url(`/admin/children/${state.childId}/audit`));
  assert.equal(response.status(), 200);
  assert.ok(await state.aPage.locator('main table').count() > 0, 'the audit is a table');
  assertNewAccess(state.adminBefore, await therapistRows(state.aPage), 'admin audit');
  await a11y.check(state.aPage, '05-audit-admin');
});

test("the guardian sees the therapist's access to their child", async () => {
  assert.ok(state.cPage, 'needs the guardian of the first test');
  const response = await state.cPage.goto(app.url(`/children/${state.childId}/access`));
  assert.equal(response.status(), 200);
  assertNewAccess(state.guardianBefore, await therapistRows(state.cPage), 'guardian access list');
  await a11y.check(state.cPage, '05-access-guardian');
});

test('no axe violations on the pages of journey 5 (English and Spanish)', (t) => a11y.assertClean(t));
