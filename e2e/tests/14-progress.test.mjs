// Journey 14: progress you can see. The therapist opens Sofía's progress
// page on a laptop, reads the report and downloads it as a PDF; her mother
// reads the progress page on a phone, in Spanish. Axe checks every page in
// English and Spanish.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { a11yCollector, account, mainText, newContext, pathOf, signIn, useApp } from '../lib/index.mjs';

const app = useApp();
const a11y = a11yCollector();
const state = {};

async function go(page, locator) {
  await Promise.all([page.waitForNavigation(), locator.click()]);
}

test('the therapist opens Sofía’s progress on a laptop and downloads the report', async () => {
  const context = await newContext(app.browser, { viewport: 'laptop' });
  const page = await context.newPage();
  await signIn(page, app.baseURL, account(app.server, 'therapist', 1));
  await go(page, page.locator('main a[href^="/children/"]', { hasText: 'Sofía' }).first());
  state.childPath = pathOf(page);
  await go(page, page.locator(`main a[href="${state.childPath}/progress"]`).first());
  const progress = await mainText(page);
  assert.match(progress, /Progress for Sofía/);
  assert.match(progress, /GAS T-score/);
  assert.match(progress, /not a validated instrument/);
  assert.ok(await page.locator('figure.chart-figure svg[role="img"]').count() > 0, 'charts are drawn');
  assert.ok(await page.locator('figure.chart-figure table').count() > 0, 'with their numbers');
  await a11y.check(page, '14-progress-therapist');

  await go(page, page.locator('main a', { hasText: 'Progress report' }).first());
  assert.match(await mainText(page), /Progress report for Sofía/);
  await a11y.check(page, '14-report-therapist');
  const href = await page.locator('[data-testid="report-pdf"]').getAttribute('href');
  const pdf = await page.request.get(app.url(href));
  assert.equal(pdf.status(), 200);
  assert.equal(pdf.headers()['content-type'], 'application/pdf');
  assert.match(pdf.headers()['content-disposition'], /attachment/);
  const bytes = await pdf.body();
  assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
  await context.close();
});

test('her mother reads Sofía’s progress on her phone, in Spanish', async () => {
  assert.ok(state.childPath, 'needs the child found in the first test');
  const context = await newContext(app.browser, { viewport: 'phone', locale: 'es-MX' });
  const page = await context.newPage();
  await signIn(page, app.baseURL, account(app.server, 'caregiver', 4));
  await page.goto(app.url(`${state.childPath}/progress`));
  const progress = await mainText(page);
  assert.match(progress, /Progreso de Sofía/);
  assert.match(progress, /no es un instrumento validado/i);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page fits the phone (overflows by ${overflow}px)`);
  await a11y.check(page, '14-progress-guardian');
  await context.close();
});

test('no axe violations on the pages of journey 14 (English and Spanish)', (t) => a11y.assertClean(t));
