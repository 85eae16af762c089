// Journey 12 (issue 12 part B): Sam's mother tells the therapist, on her
// phone, that a strategy needs to change; the therapist sees it in the inbox
// on a laptop, answers, and changes the strategy in the plan editor; the
// mother sees the answer and the changed plan. Axe checks every page on the
// way, in English and Spanish.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { a11yCollector, account, mainText, newContext, pathOf, signIn, useApp } from '../lib/index.mjs';

const app = useApp();
const a11y = a11yCollector();
const state = {};

/** Follows a link (or presses a button) and waits for the page it leads to. */
async function go(page, locator) {
  await Promise.all([page.waitForNavigation(), locator.click()]);
}

test('a caregiver on a phone asks for a change to a strategy', async () => {
  const context = await newContext(app.browser, { viewport: 'phone' });
  const page = await context.newPage();
  state.caregiver = page;
  await signIn(page, app.baseURL, account(app.server, 'caregiver', 2));
  // The child's record, from the tab of children on the caregiver's home.
  const tab = page.locator('main nav.tabs li', { hasText: 'Sam' });
  await go(page, tab.locator('a[href^="/children/"]').first());
  state.childPath = pathOf(page);
  await go(page, page.locator(`main a[href="${state.childPath}/reflections"]`));
  await a11y.check(page, '12-reflection-form');

  // The first assignment of the agreed plan; its title is the radio's label.
  const firstLabel = page.locator('fieldset').first().locator('label.choice').first();
  state.strategy = (await firstLabel.innerText()).trim();
  await firstLabel.locator('input[name="assignment"]').check();
  await page.locator('input[name="responded"][value="somewhat"]').check();
  await page.locator('input[name="difficulty"][value="3"]').check();
  await page.locator('input[name="need"][value="change_strategy"]').check();
  await page.locator('#words').fill('Sitting that often does not fit our mornings.');
  await go(page, page.locator('form[action$="/reflections"] button[type="submit"]'));
  assert.match(await mainText(page), /Thank you\. Your therapist will read it\./);
  assert.match(await page.locator('[data-testid="next-session"]').innerText(), /Try a different strategy/);
  await a11y.check(page, '12-reflection-sent');
});

test('the therapist sees it in the inbox, answers, and changes the strategy', async () => {
  assert.ok(state.strategy, 'needs the reflection of the first test');
  const context = await newContext(app.browser, { viewport: 'laptop' });
  const page = await context.newPage();
  await signIn(page, app.baseURL, account(app.server, 'therapist', 0));
  await go(page, page.locator('nav a[href="/inbox"]'));
  const line = page.locator('[data-testid="inbox"] li', { hasText: 'Sam' }).first();
  assert.match(await line.innerText(), /Needs a change/);
  await a11y.check(page, '12-inbox');

  await go(page, line.locator('a'));
  assert.match(await mainText(page), /Sitting that often does not fit our mornings\./);
  await a11y.check(page, '12-reflection-therapist');
  await page.locator('#body').fill('Thank you. I changed it: try the picture steps instead.');
  await go(page, page.locator('form[action$="/messages"] button[type="submit"]'));
  assert.match(await mainText(page), /I changed it: try the picture steps instead\./);

  // The plan editor: the version being prepared carries the strategy; removing
  // it there handles the flag.
  await page.goto(app.url(`${state.childPath}/plan`));
  await go(page, page.locator('main a[href$="/edit"]').first());
  const remove = page.locator('form[action$="/remove"]', { hasText: state.strategy }).first();
  await go(page, remove.locator('button'));
  await page.locator('#q').fill('bed');
  await go(page, page.locator('form.search button'));
  await page.locator('input[name="strategy"][value="starter:wind-down-before-bed"]').check();
  await page.locator('input[name="routines"][value="bedtime"]').check();
  await page.locator('#times_per_week').fill('4');
  await go(page, page.locator('form[action$="/assignments"] button[type="submit"]'));
  assert.match(await mainText(page), /Wind down before bed/);
  await go(page, page.locator('[data-testid="share-plan"]'));

  await page.goto(app.url(`${state.childPath}/reflections`));
  assert.equal(await page.locator('[data-testid="next-session"]').count(), 0, 'nothing left for the next session');
  assert.match(await mainText(page), /The therapist changed the plan/);
  await a11y.check(page, '12-reflections-handled');
  await page.goto(app.url('/inbox'));
  assert.doesNotMatch(await mainText(page), /Needs a change[\s\S]*Sam|Sam[\s\S]*Needs a change/);
  await context.close();
});

test('the caregiver sees the answer and the changed plan', async () => {
  const page = state.caregiver;
  assert.ok(page, 'needs the caregiver of the first test');
  await page.goto(app.url(state.childPath));
  const block = page.locator('[data-testid="new-feedback"]');
  assert.match(await block.innerText(), /1 new answer to what you said/);
  await a11y.check(page, '12-child-new-feedback');
  await go(page, block.locator('a', { hasText: 'new answer' }));
  assert.match(await mainText(page), /I changed it: try the picture steps instead\./);
  assert.match(await mainText(page), /The therapist changed the plan/);
  await a11y.check(page, '12-answer-caregiver');

  await page.goto(app.url(`${state.childPath}/plan`));
  await go(page, page.locator('main a.button', { hasText: 'Read the new plan' }));
  const proposal = await mainText(page);
  assert.match(proposal, /Wind down before bed/);
  assert.ok(!proposal.includes(`New: ${state.strategy}`));
  await go(page, page.locator('[data-testid="confirm-plan"]'));
  assert.match(await mainText(page), /The plan is agreed/);
  assert.match(await mainText(page), /Wind down before bed/);
  await a11y.check(page, '12-plan-agreed-caregiver');
});

test('no axe violations on the pages of journey 12 (English and Spanish)', (t) => a11y.assertClean(t));
