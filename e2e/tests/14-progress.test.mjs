// Journey 14: progress you can see. The therapist opens Sofía from her
// caseload triage on a laptop, reads the progress page (practice, child
// response, confidence, where strategies are used, visits, the timeline and
// its older part) and downloads the report as a PDF; her mother sees her
// encouragement and Sofía's progress on a phone, in Spanish. Axe checks
// every page in English and Spanish. (The triage's order and filter and the
// clinic page: 14-triage-clinic.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { a11yCollector, account, mainText, newContext, pathOf, signIn, switchLanguage, useApp } from '../lib/index.mjs';

const app = useApp();
const a11y = a11yCollector();
const state = {};

async function go(page, locator) {
  await Promise.all([page.waitForNavigation(), locator.click()]);
}

/** How many CSS pixels the page is wider than the screen (0 when it fits). */
async function overflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** A chart found by its title, with its numbers in a table under it. */
function chart(page, title) {
  return page.locator('figure.chart-figure', { has: page.locator('figcaption strong', { hasText: title }) });
}

test('the therapist opens Sofía from her triage and reads the whole progress page', async () => {
  const context = await newContext(app.browser, { viewport: 'laptop' });
  const page = await context.newPage();
  state.therapist = page;
  await signIn(page, app.baseURL, account(app.server, 'therapist', 1));
  assert.equal(pathOf(page), '/home');
  const row = page.locator('tr[data-testid="triage-row"]', { hasText: 'Sofía' });
  await go(page, row.locator('a[href^="/children/"]').first());
  state.childPath = pathOf(page);
  assert.match(state.childPath, /^\/children\/[0-9a-f-]+$/);
  await go(page, page.locator(`main a[href="${state.childPath}/progress"]`).first());
  const progress = await mainText(page);
  assert.match(progress, /Progress for Sofía/);
  assert.match(progress, /GAS T-score/);
  for (const heading of ['Practice at home', 'Caregiver confidence', 'Where each strategy is used', 'Visits', 'Timeline']) {
    assert.equal(await page.locator('main h2', { hasText: heading }).count(), 1, `a section "${heading}"`);
  }
  assert.match(progress, /not a validated instrument/);
  for (const title of ['Practice done each week', 'How the child responded each week', 'Caregiver confidence']) {
    const figure = chart(page, title);
    assert.equal(await figure.locator('svg[role="img"]').count(), 1, `the chart "${title}" is drawn`);
    assert.ok(await figure.locator('table tbody tr').count() > 0, `the chart "${title}" has a table of its numbers`);
  }
  // The demo's strategies are used in routines, so the matrix has rows.
  assert.ok(await page.locator('table[data-testid="grid"] tbody tr').count() > 0, 'the generalization matrix has rows');
  assert.match(await page.locator('[data-testid="visits"]').innerText(), /visits? held/);
  state.recent = await page.locator('[data-testid="timeline-entry"]').allInnerTexts();
  assert.ok(state.recent.length > 0, 'the timeline has entries');
  await a11y.check(page, '14-progress-therapist');
});

test('she follows “Show older” once and sees an earlier part of the timeline', async () => {
  const page = state.therapist;
  assert.ok(page, 'needs the progress page of the first test');
  await go(page, page.locator('[data-testid="timeline-older"]'));
  assert.equal(pathOf(page), `${state.childPath}/progress`);
  assert.match(new URL(page.url()).searchParams.get('before') ?? '', /\d/, 'the link says where the older part ends');
  const older = await page.locator('[data-testid="timeline-entry"]').allInnerTexts();
  assert.ok(older.length > 0, 'the older part has entries');
  assert.notDeepEqual(older, state.recent, 'the older part is not the same as the recent one');
  await a11y.check(page, '14-progress-older');
});

test('she downloads the progress report as a PDF', async () => {
  const page = state.therapist;
  assert.ok(page, 'needs the progress page of the first test');
  await page.goto(app.url(`${state.childPath}/progress`));
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
  await page.context().close();
});

test('her mother sees her encouragement and Sofía’s progress on her phone, in Spanish', async () => {
  assert.ok(state.childPath, 'needs the child found in the first test');
  const context = await newContext(app.browser, { viewport: 'phone', locale: 'es-MX' });
  const page = await context.newPage();
  await signIn(page, app.baseURL, account(app.server, 'caregiver', 4));
  const cheer = page.locator('[data-testid="encouragement"]');
  assert.match(await cheer.locator('h2').innerText(), /Cómo le va/);
  assert.match(await cheer.locator('[data-testid="encourage-line"]').first().innerText(), /esta semana/i);
  assert.equal(await cheer.locator('figure.chart-figure svg[role="img"]').count(), 1, 'her weeks are drawn');
  assert.ok(await cheer.locator('figure.chart-figure table tbody tr').count() > 0, 'with their numbers');
  assert.ok((await overflow(page)) <= 0, `her home fits the phone (overflows by ${await overflow(page)}px)`);
  await a11y.check(page, '14-home-guardian');

  await page.goto(app.url(`${state.childPath}/progress`));
  const progress = await mainText(page);
  assert.match(progress, /Progreso de Sofía/);
  assert.match(progress, /no es un instrumento validado/i);
  assert.match(progress, /Línea de tiempo/);
  assert.ok((await overflow(page)) <= 0, `the progress page fits the phone (overflows by ${await overflow(page)}px)`);
  await a11y.check(page, '14-progress-guardian');
  // English words are shorter, but its tables may be wider.
  await switchLanguage(page, 'en');
  assert.ok((await overflow(page)) <= 0, `in English too (overflows by ${await overflow(page)}px)`);
  await context.close();
});

test('no axe violations on the pages of journey 14 (English and Spanish)', (t) => a11y.assertClean(t));
