// WCAG 2.1 AA checks with axe-core. The script goes in through CDP
// (page.evaluate), not a <script> tag: the app's CSP forbids inline scripts,
// and turning CSP off for tests would test a different page.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { screenshot } from './screenshot.mjs';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe on the page as it is now; returns its violations. */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(
    (values) => window.axe.run(document, { runOnly: { type: 'tag', values } }),
    WCAG_TAGS,
  );
  return result.violations;
}

export function formatViolations(label, violations) {
  return violations.map((v) => {
    const nodes = v.nodes.map((n) => `      ${n.target.join(' ')}\n        ${n.failureSummary?.replace(/\n/g, '\n        ') ?? ''}`);
    return `  [${label}] ${v.id} (${v.impact}): ${v.help}\n    ${v.helpUrl}\n${nodes.join('\n')}`;
  }).join('\n');
}

/** Asserts that axe finds no WCAG 2.1 A/AA violation on the page. */
export async function checkA11y(page, label) {
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, `axe: ${violations.length} violation(s) on ${label} (${page.url()})\n${formatViolations(label, violations)}`);
}

export async function htmlLang(page) {
  return (await page.getAttribute('html', 'lang')) ?? '';
}

/** Uses the footer's language switcher, as a person would; checks <html lang>. */
export async function switchLanguage(page, lang) {
  await Promise.all([
    page.waitForNavigation(),
    page.locator(`form[action="/lang"] button[name="lang"][value="${lang}"]`).click(),
  ]);
  const now = await htmlLang(page);
  assert.ok(now.startsWith(lang), `after choosing ${lang} in the footer, <html lang="${now}"> on ${page.url()}`);
}

/**
 * Checks the page in its current language, switches to the other one with the
 * footer, checks again, and switches back. Screenshots both as <label>-<lang>.
 * Returns the formatted violations of both languages (empty when clean).
 */
export async function a11yBothLanguages(page, label) {
  const first = (await htmlLang(page)).startsWith('es') ? 'es' : 'en';
  const second = first === 'es' ? 'en' : 'es';
  const found = [];
  for (const lang of [first, second]) {
    if (lang === second) await switchLanguage(page, second);
    await screenshot(page, `${label}-${lang}`);
    const violations = await axeViolations(page);
    if (violations.length) found.push(formatViolations(`${label} ${lang}`, violations));
  }
  await switchLanguage(page, first);
  return found;
}

export async function checkA11yBothLanguages(page, label) {
  const found = await a11yBothLanguages(page, label);
  assert.equal(found.length, 0, `axe violations on ${label}:\n${found.join('\n')}`);
}

/**
 * Collects axe results over a journey, so a WCAG failure on one page is
 * reported by its own test instead of hiding whether the journey works.
 * Call `check` on every page visited, `assertClean` in the file's last test.
 */
export function a11yCollector() {
  const found = [];
  const pages = [];
  return {
    pages,
    /** Both languages, through the footer switcher (reloads the page). */
    async check(page, label) {
      pages.push(label);
      found.push(...(await a11yBothLanguages(page, label)));
    },
    /** This language only: for states a reload would lose (a POST's answer). */
    async checkHere(page, label) {
      pages.push(label);
      const lang = (await htmlLang(page)) || '?';
      await screenshot(page, `${label}-${lang}`);
      const violations = await axeViolations(page);
      if (violations.length) found.push(formatViolations(`${label} ${lang}`, violations));
    },
    assertClean(t) {
      if (pages.length === 0) return t.skip('the journey reached no page to check');
      t.diagnostic(`axe checked: ${pages.join(', ')}`);
      assert.equal(found.length, 0, `axe violations:\n${found.join('\n')}`);
    },
  };
}
