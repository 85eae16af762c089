// Journey 6: the joint plan. The therapist builds the next version of
// Sofía's plan on a laptop and shares it; her mother confirms it on a phone,
// in Spanish; a helper of another family sees their plan and goals, but no
// ratings. Axe checks every page on the way, in English and Spanish.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  a11yCollector, account, describeWeights, mainText, newContext, pageWeights, pathOf, signIn, useApp,
} from '../lib/index.mjs';

const app = useApp();
const a11y = a11yCollector();
const state = {};

/** Follows a link (or presses a button) and waits for the page it leads to. */
async function go(page, locator) {
  await Promise.all([page.waitForNavigation(), locator.click()]);
}

test('the therapist starts the next version of Sofía’s plan and assigns a strategy fast', async () => {
  const context = await newContext(app.browser, { viewport: 'laptop' });
  const page = await context.newPage();
  state.therapist = page;
  await signIn(page, app.baseURL, account(app.server, 'therapist', 1));
  await go(page, page.locator('main a[href^="/children/"]', { hasText: 'Sofía' }).first());
  state.childPath = pathOf(page);
  await a11y.check(page, '06-child-therapist');

  await go(page, page.locator(`a[href="${state.childPath}/goals"]`).first());
  assert.match(await mainText(page), /GAS T-score/);
  await a11y.check(page, '06-goals-therapist');
  await go(page, page.locator('main a[href*="/goals/"]').first());
  await a11y.check(page, '06-goal-therapist');
  await page.goto(app.url(`${state.childPath}/copm/new`));
  await a11y.check(page, '06-copm-form');

  await page.goto(app.url(`${state.childPath}/plan`));
  await go(page, page.locator('form[action$="/plan/drafts"] button'));
  assert.match(pathOf(page), /\/plan\/[0-9a-f-]+\/edit$/, 'a new version opens in the editor');
  state.editor = pathOf(page);

  await page.locator('#q').fill('bed');
  await go(page, page.locator('form.search button'));
  await page.locator('input[name="strategy"][value="starter:wind-down-before-bed"]').check();
  await page.locator('input[name="routines"][value="bedtime"]').check();
  await page.locator('#times_per_week').fill('5');
  await go(page, page.locator('form[action$="/assignments"] button[type="submit"]'));
  assert.equal(pathOf(page), state.editor);
  assert.match(await mainText(page), /Wind down before bed/);
  await a11y.check(page, '06-editor');

  await go(page, page.locator('[data-testid="share-plan"]'));
  assert.match(await page.locator('[data-testid="plan-status"]').innerText(), /Shared with the family/);
});

test('her mother reads the new plan on her phone, in Spanish, and agrees to it', async () => {
  assert.ok(state.childPath, 'needs the version shared in the first test');
  const context = await newContext(app.browser, { viewport: 'phone', locale: 'es-MX' });
  const page = await context.newPage();
  await signIn(page, app.baseURL, account(app.server, 'caregiver', 4));
  assert.equal(await page.getAttribute('html', 'lang'), 'es');
  await page.goto(app.url(state.childPath));
  assert.match(await mainText(page), /Hay un plan nuevo para usted/);
  await go(page, page.locator(`main a[href="${state.childPath}/plan"]`).first());
  await a11y.check(page, '06-plan-guardian');
  await go(page, page.locator('main a.button', { hasText: 'Leer el plan nuevo' }));
  const proposal = await mainText(page);
  assert.match(proposal, /Calmarse antes de dormir/);
  assert.match(proposal, /5 veces por semana/);
  await page.locator('main details summary').first().click();
  await a11y.checkHere(page, '06-new-version-guardian');

  await go(page, page.locator('[data-testid="confirm-plan"]'));
  const agreed = await mainText(page);
  assert.match(agreed, /El plan quedó acordado/);
  assert.match(agreed, /Calmarse antes de dormir/);
  await a11y.check(page, '06-plan-agreed-guardian');
  await context.close();

  const history = await state.therapist.goto(app.url(`${state.childPath}/plan/history`));
  assert.equal(history.status(), 200);
  assert.match(await mainText(state.therapist), /Agreed by Lucía García from their phone/);
  assert.match(await mainText(state.therapist), /New: Wind down before bed/);
  await a11y.check(state.therapist, '06-history-therapist');
});

test('a helper sees the plan and the goals in words, and no ratings', async () => {
  const context = await newContext(app.browser, { viewport: 'phone' });
  const page = await context.newPage();
  await signIn(page, app.baseURL, account(app.server, 'helper'));
  await go(page, page.locator('main a[href$="/plan"]').first());
  const plan = await mainText(page);
  assert.match(plan, /Turn-taking games/);
  assert.doesNotMatch(plan, /Version \d+ (is a draft|was shared)/, "no version in preparation");
  await a11y.check(page, '06-plan-helper');
  // The plan in full (every step in its <details>) stays within the phone budget.
  const w = await pageWeights(page, page.url());
  console.log(describeWeights(w));
  assert.ok(w.htmlCssBytes <= 14 * 1024, `plan page HTML+CSS ${w.htmlCssBytes} B compressed > 14 KB`);
  assert.equal(w.jsBytes, 0, 'the plan needs no JavaScript');
  const goalsPath = pathOf(page).replace(/\/plan$/, '/goals');
  await page.goto(app.url(goalsPath));
  const goals = await mainText(page);
  assert.match(goals, /Noah buttons his school shirt by himself/);
  for (const hidden of ['COPM', 'T-score', 'GAS', 'Performance']) {
    assert.ok(!goals.includes(hidden), `a helper sees ${hidden}`);
  }
  await a11y.check(page, '06-goals-helper');
  await context.close();
});

test('the strategy library is searchable and each strategy has its page', async () => {
  const page = state.therapist;
  assert.ok(page, 'needs the therapist of the first test');
  await page.goto(app.url('/strategies?area=sleep'));
  assert.match(await mainText(page), /Wind down before bed/);
  await a11y.check(page, '06-library');
  await go(page, page.locator('main a', { hasText: 'Wind down before bed' }).first());
  await a11y.check(page, '06-strategy');
});

test('no axe violations on the pages of journey 6 (English and Spanish)', (t) => a11y.assertClean(t));
