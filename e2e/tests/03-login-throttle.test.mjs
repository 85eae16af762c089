// Journey 3: repeated wrong passwords for one account are slowed down with a
// clear "wait" message, and an unknown address gets the same answer as a
// wrong password (nothing tells an attacker which emails have accounts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { a11yCollector, account, newContext, pathOf, submitLogin, useApp } from '../lib/index.mjs';

const app = useApp();
const a11y = a11yCollector();
const MAX_ATTEMPTS = 8; // the limit is "about 5"; a little slack, but it must bite

async function alertText(page) {
  const alerts = await page.locator('[role="alert"]').allInnerTexts();
  return alerts.join(' ').replace(/\s+/g, ' ').trim();
}

/** Wrong passwords until the alert asks to wait; returns [attempts, page]. */
async function failUntilThrottled(page, email, waitWord) {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    await page.goto(app.url('/login'));
    const response = await submitLogin(page, { email, password: `wrong-password-${attempt}-xyz` });
    assert.ok(response.status() < 500, `attempt ${attempt}: no server error (got ${response.status()})`);
    assert.equal(pathOf(page), '/login', `attempt ${attempt}: still on the sign-in page`);
    const text = await alertText(page);
    assert.ok(text.length > 0, `attempt ${attempt}: an [role=alert] message`);
    if (waitWord.test(text)) return attempt;
  }
  assert.fail(`no "wait" message after ${MAX_ATTEMPTS} wrong passwords for ${email}`);
}

test('an unknown email and a wrong password get the same message', async () => {
  const context = await newContext(app.browser, { viewport: 'phone' });
  const page = await context.newPage();
  await page.goto(app.url('/login'));
  await submitLogin(page, { email: 'nobody-e2e@example.com', password: 'wrong-password-0-xyz' });
  const unknown = await alertText(page);
  await page.goto(app.url('/login'));
  await submitLogin(page, { email: account(app.server, 'caregiver').email, password: 'wrong-password-0-xyz' });
  const wrong = await alertText(page);
  assert.ok(wrong.length > 0, 'a wrong password shows an [role=alert] message');
  assert.equal(unknown, wrong);
  await a11y.checkHere(page, '03-login-wrong-password');
  await context.close();
});

test('repeated wrong passwords show a "wait" message, and then even the right one is refused', async () => {
  const context = await newContext(app.browser, { viewport: 'phone' });
  const page = await context.newPage();
  const caregiver = account(app.server, 'caregiver');
  const attempts = await failUntilThrottled(page, caregiver.email, /wait/i);
  console.log(`throttled after ${attempts} more wrong passwords`);
  await a11y.checkHere(page, '03-login-throttled');

  await page.goto(app.url('/login'));
  await submitLogin(page, caregiver);
  assert.equal(pathOf(page), '/login', 'the right password does not get through while throttled');
  assert.match(await alertText(page), /wait/i);
  await context.close();
});

test('the throttle message in Spanish', async () => {
  // Another account: the caregiver's is already throttled. "Espere" is the
  // plain Spanish for "wait"; minutes/seconds or "más tarde" also count.
  const context = await newContext(app.browser, { viewport: 'phone', locale: 'es-MX' });
  const page = await context.newPage();
  const therapist = account(app.server, 'therapist');
  await failUntilThrottled(page, therapist.email, /esper|minuto|segundo|m[aá]s tarde/i);
  assert.match(await page.getAttribute('html', 'lang'), /^es/);
  await a11y.checkHere(page, '03-login-throttled');
  await context.close();
});

test('no axe violations on the pages of journey 3', (t) => a11y.assertClean(t));
