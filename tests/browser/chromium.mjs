// Shared by the browser tests: Debian's Chromium, started headless with a fresh profile and no
// network, driven by playwright-core; axe-core injected from node_modules for WCAG 2.1 AA.
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The mandat binary that `cargo test` built (tests/integration/browser.rs passes it on). */
export const MANDAT = process.env.MANDAT_BIN ?? 'target/debug/mandat';

/** Launches Chromium; the caller closes the returned context (which removes the profile).
 * `options` go to playwright's context (e.g. `{ bypassCSP: true }` to inject axe-core into a
 * page whose Content-Security-Policy forbids inline scripts). */
export async function launch(options = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'mandat-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    ...options,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  const close = context.close.bind(context);
  context.close = async () => {
    await close();
    rmSync(profile, { recursive: true, force: true });
  };
  return context;
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's violations on the page at the WCAG 2.1 A and AA tags. */
export async function axeViolations(page) {
  await page.addScriptTag({ content: AXE_SOURCE });
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
  );
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => n.target.join(' ')),
  }));
}
