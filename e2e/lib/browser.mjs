// Debian's Chromium driven by playwright-core: test tools cannot download
// their own browser builds here, so we never use Playwright's bundled one.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';

export const CHROMIUM_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
];

export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

const VIEWPORTS = {
  // A mid-size phone held one-handed: the caregiver's device.
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 },
  laptop: { viewport: { width: 1280, height: 800 } },
  // Issue 13: a therapist's tablet during a visit.
  tablet: { viewport: { width: 1024, height: 768 }, hasTouch: true },
};

/** A fresh context (own cookies); `locale` also sets Accept-Language. */
export async function newContext(browser, { viewport = 'laptop', locale = 'en-US' } = {}) {
  const context = await browser.newContext({ ...VIEWPORTS[viewport], locale });
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(15_000);
  return context;
}

export function pathOf(page) {
  return new URL(page.url()).pathname;
}

/** Fills and submits the sign-in form on the current page; returns the final response. */
export async function submitLogin(page, { email, password }) {
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  const [response] = await Promise.all([
    page.waitForNavigation(),
    page.locator('form:has(input[name="password"]) [type="submit"]').first().click(),
  ]);
  return response;
}

/** Signs in through the real form and checks that the browser has left /login. */
export async function signIn(page, baseURL, account) {
  await page.goto(new URL('/login', baseURL).href);
  await submitLogin(page, account);
  if (pathOf(page) === '/login') {
    const alert = await page.locator('[role="alert"]').allInnerTexts();
    assert.fail(`sign-in as ${account.email} stayed on /login: ${alert.join(' ') || '(no alert shown)'}`);
  }
}

/** Signs out with the page's own sign-out form. */
export async function signOut(page) {
  await Promise.all([
    page.waitForNavigation(),
    page.locator('form[action="/logout"] [type="submit"]').first().click(),
  ]);
}

/**
 * Presses Tab until `selector` has focus, as a keyboard user would; fails if
 * it is not reached within `max` presses (a focus trap or an unreachable field).
 */
export async function tabTo(page, selector, max = 25) {
  // Checked before each press: an autofocused field is already reached.
  for (let presses = 0; presses <= max; presses++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return presses;
    if (presses < max) await page.keyboard.press('Tab');
  }
  assert.fail(`${selector} not reached with ${max} presses of Tab`);
}

/** The text a person sees in <main> (or the body when a page has no <main>). */
export async function mainText(page) {
  return page.evaluate(() => (document.querySelector('main') ?? document.body).innerText);
}

/**
 * Names of the children the page shows: `[data-testid=child-name]` where the
 * page marks them, else the text of links to `/children/<id>`.
 */
export async function childNames(page) {
  let names = await page.locator('[data-testid="child-name"]').allInnerTexts();
  if (names.length === 0) names = await page.locator('a[href^="/children/"]').allInnerTexts();
  return [...new Set(names.map((n) => n.trim()).filter((n) => n.length >= 2))];
}

/** The session cookie (`__Host-…`, HttpOnly) of a context. */
export async function sessionCookie(context) {
  return (await context.cookies()).find((c) => c.name.startsWith('__Host-') && c.httpOnly);
}
