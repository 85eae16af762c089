// Journey 4: after signing out, the back button shows no child information,
// a stale tab cannot act with the ended session, and the old session cookie
// is dead on the server (not merely deleted in the browser).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  a11yCollector, account, childNames, htmlLang, mainText, newContext, pathOf, screenshot,
  sessionCookie, signIn, signOut, useApp,
} from '../lib/index.mjs';

const app = useApp();
const a11y = a11yCollector();

/** Fails if the page shows a signed-in view or any of the child names. */
async function assertNoChildInformation(page, names, where) {
  assert.equal(await page.locator('form[action="/logout"]').count(), 0, `${where}: no signed-in view`);
  const text = await page.locator('body').innerText();
  for (const name of names) assert.ok(!text.includes(name), `${where}: shows the child name "${name}"`);
}

test('sign-out ends the session for the back button, stale tabs and the old cookie', async () => {
  const context = await newContext(app.browser, { viewport: 'phone' });
  const page = await context.newPage();
  await signIn(page, app.baseURL, account(app.server, 'caregiver'));
  const home = await page.goto(app.url('/home'));
  assert.equal(pathOf(page), '/home');
  assert.match(home.headers()['cache-control'] ?? '', /no-store/, '/home is Cache-Control: no-store');
  const names = await childNames(page);
  assert.ok(names.length > 0, 'the caregiver home names a child ([data-testid=child-name] or a link to /children/<id>)');
  const homeText = await mainText(page);
  const langBefore = await htmlLang(page);
  await a11y.check(page, '04-home-caregiver');

  const cookie = await sessionCookie(context);
  assert.ok(cookie, 'a __Host- HttpOnly session cookie');
  assert.ok(cookie.secure, 'the session cookie is Secure');
  assert.ok(['Lax', 'Strict'].includes(cookie.sameSite), `SameSite=${cookie.sameSite}`);

  // Two stale tabs, opened while signed in.
  const staleLogout = await context.newPage();
  await staleLogout.goto(app.url('/home'));
  const staleLang = await context.newPage();
  await staleLang.goto(app.url('/home'));

  await signOut(page);
  assert.notEqual(pathOf(page), '/home');
  await assertNoChildInformation(page, names, 'after sign-out');
  const afterSignOut = page.url();

  // Back before anything else: the a11y round trip below adds history entries.
  await page.goBack();
  await page.waitForLoadState();
  await screenshot(page, '04-back-after-signout');
  await assertNoChildInformation(page, names, 'back button after sign-out');
  assert.notEqual(await mainText(page), homeText, 'back button: not the home screen');
  await page.goto(afterSignOut);
  await a11y.check(page, '04-after-signout');

  // The stale tab's own sign-out form: no error page, no child information.
  const [answer] = await Promise.all([
    staleLogout.waitForNavigation(),
    staleLogout.locator('form[action="/logout"] [type="submit"]').first().click(),
  ]);
  assert.ok(answer.status() < 500, `stale sign-out: no server error (got ${answer.status()})`);
  await assertNoChildInformation(staleLogout, names, 'stale tab sign-out');

  // The stale tab's language form: lands on sign-in (or an error) ...
  const other = langBefore.startsWith('es') ? 'en' : 'es';
  const [langAnswer] = await Promise.all([
    staleLang.waitForNavigation(),
    staleLang.locator(`form[action="/lang"] button[name="lang"][value="${other}"]`).click(),
  ]);
  assert.ok(langAnswer.status() < 500, `stale language post: no server error (got ${langAnswer.status()})`);
  assert.ok(pathOf(staleLang) === '/login' || langAnswer.status() >= 400, `stale language post ended on ${staleLang.url()}`);
  await assertNoChildInformation(staleLang, names, 'stale tab language post');

  // ... and did not change the person's stored language: a fresh browser with
  // the same Accept-Language gets the language the person had before.
  const fresh = await newContext(app.browser, { viewport: 'phone' });
  const again = await fresh.newPage();
  await signIn(again, app.baseURL, account(app.server, 'caregiver'));
  assert.equal(await htmlLang(again), langBefore, "the stale post did not change the caregiver's language");
  await fresh.close();

  // The old cookie replayed by hand: the server ended that session.
  const replay = await fetch(app.url('/home'), {
    headers: { cookie: `${cookie.name}=${cookie.value}` },
    redirect: 'manual',
  });
  const body = await replay.text();
  assert.ok(replay.status >= 300, `old session cookie still opens /home (status ${replay.status})`);
  for (const name of names) assert.ok(!body.includes(name), `old session cookie: the answer names "${name}"`);
  await context.close();
});

test('no axe violations on the pages of journey 4 (English and Spanish)', (t) => a11y.assertClean(t));
