// Journey 13: a coaching visit on a tablet (1024×768, touch). The therapist
// records the five steps of a visit with Sofía's family — fields save as she
// goes — ends it with next week's plan agreed by the mother present, signs
// the note and prints it. Axe checks every page on the way, in English and
// Spanish.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { a11yCollector, account, mainText, newContext, pathOf, signIn, useApp } from '../lib/index.mjs';

const app = useApp();
const a11y = a11yCollector();
const state = {};

async function go(page, locator) {
  await Promise.all([page.waitForNavigation(), locator.click()]);
}

/** Types into a record field and leaves it: the page saves it without reloading. */
async function typeAndLeave(page, name, text) {
  await page.locator(`#text-${name}`).fill(text);
  await page.locator(`#text-${name}`).blur();
  await page.locator(`form#${name} .saved`).filter({ hasText: 'Saved' }).waitFor();
}

test('the therapist records a five-step visit on a tablet, saving as she goes', async () => {
  const context = await newContext(app.browser, { viewport: 'tablet' });
  const page = await context.newPage();
  state.page = page;
  await signIn(page, app.baseURL, account(app.server, 'therapist', 1));
  // Her home shows Sofía's next visit; it leads to Sofía's visits.
  await go(page, page.locator('[data-testid="next-visit"] a', { hasText: 'Sofía' }).first());
  assert.match(pathOf(page), /\/visits$/);
  state.childPath = pathOf(page).replace(/\/visits$/, '');
  assert.match(await mainText(page), /Planned visits/);
  await a11y.check(page, '13-visits');

  await go(page, page.locator(`form[action="${state.childPath}/sessions"] button`));
  assert.match(pathOf(page), /\/sessions\/[0-9a-f-]+$/);
  state.record = pathOf(page);
  await a11y.check(page, '13-record');

  await typeAndLeave(page, 'since_last', 'Mornings went better; she waited for me twice.');
  await page.locator('form#goals input[name="ids"]').first().check();
  await page.locator('form#goals .saved').filter({ hasText: 'Saved' }).waitFor();

  await page.locator('#new-observation-strategy').selectOption({ index: 1 });
  await page.locator('#new-observation-notes').fill('Modelled waiting five seconds before helping.');
  await go(page, page.locator('form#new-observation button[type="submit"]'));

  await page.locator('#new-action-strategy').selectOption({ index: 1 });
  await page.locator('#new-action-notes').fill('She did the last step with one reminder.');
  await page.locator('#new-action-confidence').fill('7');
  await go(page, page.locator('form#new-action button[type="submit"]'));

  await page.locator('#new-reflection-question').fill('What worked?');
  await page.locator('#new-reflection-notes').fill('Waiting for her instead of doing it.');
  await go(page, page.locator('form#new-reflection button[type="submit"]'));

  await typeAndLeave(page, 'affirmed', 'You waited and let her try first.');
  await page.locator('#new-feedback-strategy').selectOption({ index: 1 });
  await page.locator('#new-feedback-notes').fill('Start with the last two steps');
  await page.locator('#new-feedback-reason').fill('she is ready for more');
  await go(page, page.locator('form#new-feedback button[type="submit"]'));

  // Saved fields survive a reload.
  await page.reload();
  assert.match(await mainText(page), /All five steps are written down\./);
  assert.equal(await page.locator('#text-since_last').inputValue(), 'Mornings went better; she waited for me twice.');
  await a11y.check(page, '13-record-filled');
});

test('she ends the visit with the mother agreeing to next week’s plan, signs and prints the note', async () => {
  const page = state.page;
  assert.ok(page, 'needs the record of the first test');
  await go(page, page.locator(`main a[href="${state.record}/end"]`));
  assert.match(await mainText(page), /Start with the last two steps/);
  await a11y.check(page, '13-end');
  await page.locator('input[name="guardian_id"]').first().check();
  await go(page, page.locator(`form[action="${state.record}/end"] button`));
  assert.equal(pathOf(page), `${state.record}/note`);
  const note = await mainText(page);
  assert.match(note, /Joint plan review/);
  assert.match(note, /Mornings went better/);
  assert.doesNotMatch(note, /Steps not written down/);
  await a11y.check(page, '13-note');

  await go(page, page.locator(`form[action="${state.record}/sign"] button`));
  assert.match(await mainText(page), /Signed by/);
  await a11y.check(page, '13-note-signed');

  // The print view: the note only, without the menu and the buttons.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('header.top').isVisible(), false);
  assert.equal(await page.locator(`form[action="${state.record}/addenda"]`).isVisible(), false);
  assert.equal(await page.locator('[data-testid="note"]').isVisible(), true);
  await page.emulateMedia({ media: 'screen' });

  const text = await page.request.get(app.url(`${state.record}/note.txt`));
  assert.equal(text.status(), 200);
  assert.match(await text.text(), /Mornings went better/);

  // The plan the mother agreed to is the family's plan now.
  // (The family's changes sit with the steps, one tap away in a <details>.)
  await page.goto(app.url(`${state.childPath}/plan`));
  assert.match(await page.content(), /Start with the last two steps \(she is ready for more\)/);
});

test('no axe violations on the pages of journey 13 (English and Spanish)', (t) => a11y.assertClean(t));
