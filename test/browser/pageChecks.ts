import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { projectRoot } from '../../runtime/config/projectRoot';
import { testDatabaseKind } from '../support/testDatabase';

/** Where the browser tests keep their screenshots (a CI artefact). */
export const screenshots = path.join(projectRoot(), 'test-results/screenshots');
export const widths = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } } as const;
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** No WCAG 2.1 A/AA violation axe-core finds on the page as it is now. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  await page.addScriptTag({ content: axeSource });
  // Runs in the page (a string: this file is compiled without the DOM's types).
  const violations = (await page.evaluate(`axe
    .run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
    .then((result) => result.violations.map((v) => v.id + ': ' + JSON.stringify(v.nodes.map((n) => n.target))))`)) as string[];
  expect({ page: name, violations }).toEqual({ page: name, violations: [] });
}

/**
 * An app's `capture(page, name)`: the page at phone and desktop widths, kept as
 * test-results/screenshots/<app>-<name>-<width>-<database>.png, each checked by axe-core; the page is
 * left at the `back` width.
 */
export function pageCapture(app: string, back: keyof typeof widths) {
  mkdirSync(screenshots, { recursive: true });
  return async (page: Page, name: string): Promise<void> => {
    for (const [label, size] of Object.entries(widths)) {
      await page.setViewportSize(size);
      await page.screenshot({
        path: path.join(screenshots, `${app}-${name}-${label}-${testDatabaseKind()}.png`),
        fullPage: true,
      });
      await expectAccessible(page, `${name} at ${label} width`);
    }
    await page.setViewportSize(widths[back]);
  };
}
