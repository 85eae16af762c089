// Journey 14, the overviews: a therapist's home is her caseload by need (the
// triage), which she narrows with its filter form; the clinic admin reads the
// clinic's figures for a period she chooses. Both on a laptop; axe checks
// every page in English and Spanish.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { a11yCollector, account, mainText, newContext, pathOf, signIn, useApp } from '../lib/index.mjs';

const app = useApp();
const a11y = a11yCollector();
const state = {};

async function go(page, locator) {
  await Promise.all([page.waitForNavigation(), locator.click()]);
}

/** Each triage row as the therapist reads it: one cell's text per column. */
async function triageRows(page) {
  return page.locator('tr[data-testid="triage-row"]').evaluateAll((rows) =>
    rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.innerText.trim())));
}

/** Chooses a filter by its value and submits the form, as a person would. */
async function showOnly(page, code) {
  await page.locator('#triage-show').selectOption(code);
  await go(page, page.locator('form[action="/home"] button[type="submit"]'));
  assert.equal(new URL(page.url()).searchParams.get('show'), code, `the address says ?show=${code}`);
}

test('the therapist lands on her caseload, children who need her most first', async () => {
  const context = await newContext(app.browser, { viewport: 'laptop' });
  const page = await context.newPage();
  await signIn(page, app.baseURL, account(app.server, 'therapist', 0));
  assert.equal(pathOf(page), '/home');
  assert.match(await page.locator('table.triage caption').innerText(), /Your caseload, by need/);
  const rows = await triageRows(page);
  assert.ok(rows.length >= 3, `the demo therapist has several children (${rows.length})`);
  // Columns: child, open flags, last practice, this week, 4 weeks, waiting, plan, next visit.
  for (const [child, flags, last, week, four] of rows) {
    assert.match(flags, /^(None|\d+ open flags?)$/, `${child}: flags in words`);
    assert.match(last, /ago|Yesterday|Today|No practice/, `${child}: last practice in words`);
    assert.match(week, /this week|Nothing planned/, `${child}: this week in words`);
    assert.match(four, /over 4 weeks|No target/, `${child}: 4 weeks in words`);
  }
  // The demo has children with open flags: they come first.
  const flagged = rows.map(([, flags]) => flags !== 'None');
  assert.ok(flagged[0], 'the first child has an open flag');
  assert.deepEqual(flagged, [...flagged].sort((a, b) => b - a), 'no child without flags before one with flags');
  const sparklines = page.locator('tr[data-testid="triage-row"] svg.sparkline[role="img"]');
  assert.equal(await sparklines.count(), rows.length, 'one picture of the last weeks per child');
  assert.match(await sparklines.first().getAttribute('aria-label'), /last 4 full weeks: \d+%/);
  await a11y.check(page, '14-triage');
  state.therapist = page;
});

test('she narrows the triage with its filter and opens a child from it', async (t) => {
  const page = state.therapist;
  assert.ok(page, 'needs the triage of the first test');
  const all = (await triageRows(page)).length;
  await showOnly(page, 'flags');
  const flagged = await triageRows(page);
  assert.ok(flagged.length > 0 && flagged.length < all, `fewer children: ${flagged.length} of ${all}`);
  for (const [child, flags] of flagged) assert.match(flags, /open flag/, `${child} has an open flag`);
  assert.match(await page.locator('#triage-show option:checked').innerText(), /Open flags/);
  await a11y.check(page, '14-triage-flags');

  // A filter that the demo leaves empty says so in words (when there is one).
  const options = await page.locator('#triage-show option').evaluateAll((os) => os.map((o) => [o.value, o.textContent]));
  const empty = options.find(([, label]) => /\(0\)/.test(label));
  if (empty) {
    await showOnly(page, empty[0]);
    assert.match(await page.locator('[data-testid="triage-empty"]').innerText(), /No children match/);
    assert.equal(await page.locator('table.triage').count(), 0);
    t.diagnostic(`the empty filter ?show=${empty[0]} says so`);
  }

  await showOnly(page, 'all');
  const [name] = (await triageRows(page))[0];
  await go(page, page.locator('tr[data-testid="triage-row"] th a').first());
  assert.match(pathOf(page), /^\/children\/[0-9a-f-]+$/);
  assert.ok((await mainText(page)).includes(name.split('\n')[0]), `the child page of ${name}`);
  await page.context().close();
});

test('the admin opens the clinic figures from the menu and chooses a period', async () => {
  const context = await newContext(app.browser, { viewport: 'laptop' });
  const page = await context.newPage();
  await signIn(page, app.baseURL, account(app.server, 'admin'));
  await go(page, page.locator('nav a[href="/clinic/metrics"]'));
  assert.equal(pathOf(page), '/clinic/metrics');
  assert.match(await page.locator('main h1').innerText(), /Clinic figures/);
  const before = await page.locator('[data-testid="clinic-period"]').innerText();
  await a11y.check(page, '14-clinic');

  // The last four weeks of the default period, through the form.
  const to = await page.locator('#to').inputValue();
  const from = new Date(Date.parse(`${to}T00:00:00Z`) - 27 * 86_400_000).toISOString().slice(0, 10);
  await page.locator('#from').fill(from);
  await go(page, page.locator('form[action="/clinic/metrics"] button[type="submit"]'));
  const query = new URL(page.url()).searchParams;
  assert.equal(query.get('from'), from);
  assert.equal(query.get('to'), to);
  const period = await page.locator('[data-testid="clinic-period"]').innerText();
  assert.notEqual(period, before, `the period changed: ${period}`);
  assert.equal(await page.locator('[role="alert"]').count(), 0, 'a valid period has no error');
  const charts = page.locator('main figure.chart-figure');
  assert.ok(await charts.count() > 0, 'the clinic page draws its charts');
  for (const figure of await charts.all()) {
    assert.equal(await figure.locator('svg[role="img"]').count(), 1, 'a chart is drawn');
    assert.ok(await figure.locator('table tbody tr').count() > 0, 'with a table of its numbers');
  }
  assert.match(await page.locator('[data-testid="clinic-active"]').innerText(), /active household/);
  await a11y.check(page, '14-clinic-period');
  await context.close();
});

test('no axe violations on the pages of journey 14’s overviews (English and Spanish)', (t) => a11y.assertClean(t));
