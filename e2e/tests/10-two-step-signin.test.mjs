// Journey 10: a therapist turns on two-step sign-in from the account page on a
// laptop (QR code and key, confirmed by a first code), signs in again in two
// steps, and uses a recovery code once; an admin does the same in Spanish.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import {
  a11yCollector, account, newContext, pathOf, signIn, signOut, submitLogin, switchLanguage, useApp,
} from '../lib/index.mjs';

const app = useApp();
const a11y = a11yCollector();

/** RFC 4648 base32, as authenticator apps read the key. */
function base32(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of text.replace(/[\s=]/g, '').toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

/** The code an authenticator app shows (RFC 6238: HMAC-SHA-1, 30 s, 6 digits). */
function totp(key, at = Date.now()) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / 30)));
  const mac = createHmac('sha1', base32(key)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0xf;
  const value = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(value).padStart(6, '0');
}

async function submit(page, selector) {
  const [response] = await Promise.all([page.waitForNavigation(), page.locator(selector).click()]);
  return response;
}

/** Enrols on the account page; returns the key and the recovery codes. */
async function enrol(page, label) {
  await page.goto(app.url('/account/two-factor'));
  await a11y.checkHere(page, `${label}-account-two-factor`);
  await submit(page, 'form[action="/account/two-factor/start"] [type="submit"]');
  assert.ok(await page.locator('.qr svg').count() === 1, 'a QR code to scan');
  const key = (await page.getByTestId('totp-secret').innerText()).replace(/\s/g, '');
  assert.ok(key.length >= 32, `a key to type by hand: ${key}`);
  await a11y.checkHere(page, `${label}-enrol`);
  await page.locator('#code').fill(totp(key));
  await submit(page, 'form[action="/account/two-factor/confirm"] [type="submit"]');
  const codes = (await page.getByTestId('recovery-codes').locator('code').allInnerTexts()).map((c) => c.trim());
  assert.equal(codes.length, 10, 'ten recovery codes, shown once');
  await a11y.checkHere(page, `${label}-recovery-codes`);
  return { key, codes };
}

async function codeStep(page, code) {
  assert.equal(pathOf(page), '/login/code', 'the password step asks for a code');
  await page.locator('#code').fill(code);
  return submit(page, 'form[action="/login/code"] [type="submit"]');
}

test('a therapist turns on two-step sign-in and signs in in two steps on a laptop', async () => {
  const context = await newContext(app.browser, { viewport: 'laptop' });
  const page = await context.newPage();
  const therapist = account(app.server, 'therapist');
  await signIn(page, app.baseURL, therapist);
  const { key, codes } = await enrol(page, '10-therapist');
  await page.goto(app.url('/account/two-factor'));
  assert.ok(await page.getByTestId('two-factor-on').isVisible(), 'the account page says it is on');
  await a11y.check(page, '10-two-factor-on');
  await signOut(page);

  await signIn(page, app.baseURL, therapist);
  await a11y.check(page, '10-code-step');
  const home = await page.request.get(app.url('/home'), { maxRedirects: 0 });
  assert.equal(home.status(), 303, 'the password step alone opens nothing');
  // The next step's code: the one used to enrol is never accepted again.
  await codeStep(page, totp(key, Date.now() + 30_000));
  assert.equal(pathOf(page), '/home');
  await signOut(page);

  await signIn(page, app.baseURL, therapist);
  await codeStep(page, codes[0]);
  assert.equal(pathOf(page), '/home', 'a recovery code signs in');
  await signOut(page);

  await page.goto(app.url('/login'));
  await submitLogin(page, therapist);
  const again = await codeStep(page, codes[0]);
  assert.equal(again.status(), 422, 'a recovery code works once');
  assert.equal(pathOf(page), '/login/code');
  assert.ok((await page.locator('[role="alert"]').innerText()).length > 0, 'the refusal is said');
  await a11y.checkHere(page, '10-code-refused');
  await context.close();
});

test('an admin turns it on in Spanish, and the clinic setting can require it', async () => {
  const context = await newContext(app.browser, { viewport: 'laptop' });
  const page = await context.newPage();
  await signIn(page, app.baseURL, account(app.server, 'admin'));
  await page.goto(app.url('/account/two-factor'));
  await switchLanguage(page, 'es');
  await enrol(page, '10-admin');
  await page.goto(app.url('/admin/settings'));
  const box = page.locator('#require_second_factor');
  assert.equal(await box.isChecked(), false, 'the demo clinic starts with it off');
  await box.check();
  await submit(page, 'form[action="/admin/settings"] [type="submit"]');
  assert.equal(await page.locator('#require_second_factor').isChecked(), true);
  await a11y.check(page, '10-settings');
  await switchLanguage(page, 'en');
  await context.close();
});

test('no axe violations on the pages of journey 10 (English and Spanish)', (t) => a11y.assertClean(t));
