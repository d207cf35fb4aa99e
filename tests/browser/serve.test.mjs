// `mandat serve` in a real browser, as a coordinator uses it: open the token URL, add a person,
// end a seat, replace a regional member through the forms (propose, consent, a refused appoint
// by the wrong RHF, appoint with replaces, notify), designate a chair, record a meeting; then
// `mandat validate` is clean, and axe-core finds no WCAG 2.1 AA violation on the dashboard and
// the group page. With MANDAT_SCREENSHOTS=DIR, screenshots of both are written there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { launch, axeViolations, MANDAT } from './chromium.mjs';

const AT = '2026-12-03';

function serve(root) {
  const child = spawn(MANDAT, ['-r', root, '--at', AT, 'serve', '--port', '0', '--no-open'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const url = new Promise((resolve, reject) => {
    lines.once('line', (line) => {
      const m = /^mandat serve: (http:\/\/[^ ]+\/\?token=[A-Za-z0-9_-]{32,})$/.exec(line);
      if (m) resolve(m[1]);
      else reject(new Error(`first line: ${line}`));
    });
    child.once('exit', (code) => reject(new Error(`mandat serve exited with ${code}`)));
  });
  return { child, url };
}

/** Submits the form whose action ends with `action` and returns the answer's status. */
async function submit(page, action) {
  const [response] = await Promise.all([
    page.waitForNavigation(),
    page.click(`form[action$="${action}"] button[type=submit]`),
  ]);
  return response.status();
}

async function flash(page) {
  return (await page.textContent('.flash')) ?? '';
}

test('a coordinator replaces a member, designates a chair and records a meeting', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mandat-serve-'));
  const root = join(dir, 'reg');
  cpSync('registry-example', root, { recursive: true });
  const { child, url } = serve(root);
  // mandat serve forbids every script by its CSP; axe-core is injected past it.
  const context = await launch({ bypassCSP: true });
  try {
    const page = await context.newPage();
    await page.goto(await url);
    assert.equal(await page.getAttribute('html', 'lang'), 'nb');
    assert.match(await page.textContent('h1'), /Referansegrupper/);
    assert.deepEqual(await axeViolations(page), [], 'dashboard: WCAG 2.1 AA');
    if (process.env.MANDAT_SCREENSHOTS) {
      await page.screenshot({ path: join(process.env.MANDAT_SCREENSHOTS, 'serve-dashboard.png'), fullPage: true });
    }

    // A new person, from the dashboard's form.
    await page.fill('#people-name', 'Kari Nordmann');
    await page.selectOption('#people-employer', 'helse-bergen');
    assert.equal(await submit(page, '/people'), 200);
    assert.match(await flash(page), /la til Kari Nordmann som `kari-nordmann`/);

    await page.click('a[href="/groups/nkt-ms"]');
    // Today's date is filled in.
    assert.equal(await page.inputValue('#meeting-date'), AT);

    // End a seat (the region then has its grace period to appoint anew).
    await page.selectOption('#end-person', 'marit-aune');
    await page.fill('#end-date', '2026-12-31');
    await page.fill('#end-reason', 'Ny stilling');
    assert.equal(await submit(page, '/end'), 200);
    assert.match(await flash(page), /avsluttet plassen til Marit Aune/);

    // Replace Helse Vest's member: propose, consent, appoint with replaces, notify.
    await page.fill('#propose-person', 'kari-nordmann');
    await page.selectOption('#propose-role', 'regional');
    await page.selectOption('#propose-region', 'helse-vest');
    await page.fill('#propose-date', '2026-11-01');
    assert.equal(await submit(page, '/propose'), 200);
    assert.match(await flash(page), /foreslo Kari Nordmann/);

    await page.selectOption('#consent-person', 'kari-nordmann');
    await page.fill('#consent-date', '2026-11-05');
    await page.fill('#consent-leader-cleared', '2026-11-06');
    assert.equal(await submit(page, '/consent'), 200);

    // The wrong RHF: refused, the reason beside the form, what was typed kept.
    await page.selectOption('#appoint-person', 'kari-nordmann');
    await page.selectOption('#appoint-by', 'helse-nord');
    await page.fill('#appoint-date', '2026-12-01');
    await page.selectOption('#appoint-replaces', 'torbjorn-haugland');
    await page.fill('#appoint-letter', '26/0042');
    assert.equal(await submit(page, '/appoint'), 422);
    assert.match(await page.textContent('#appoint-error'), /Helse Vest RHF som oppnevner/);
    assert.equal(await page.inputValue('#appoint-letter'), '26/0042');
    assert.equal(await page.inputValue('#appoint-by'), 'helse-nord');

    await page.selectOption('#appoint-by', 'helse-vest');
    assert.equal(await submit(page, '/appoint'), 200);
    assert.match(await flash(page), /oppnevnte Kari Nordmann til nkt-ms som erstatning for Torbjørn Haugland/);

    await page.selectOption('#notify-person', 'kari-nordmann');
    await page.fill('#notify-date', '2026-12-02');
    assert.equal(await submit(page, '/notify'), 200);

    // The chair, and a meeting.
    await page.selectOption('#chair-person', 'ingrid-solheim');
    assert.equal(await page.inputValue('#chair-by'), 'helse-bergen', 'the responsible HF is pre-filled');
    assert.equal(await submit(page, '/chair'), 200);
    assert.match(await flash(page), /Ingrid Solheim er leder av nkt-ms/);

    await page.fill('#meeting-date', '2027-05-06');
    await page.selectOption('#meeting-mode', 'hybrid');
    assert.equal(await submit(page, '/meeting'), 200);

    const seats = await page.textContent('#seats ~ table');
    assert.match(seats, /Kari Nordmann/);
    assert.match(seats, /oppnevnt og kunngjort/);
    assert.deepEqual(await axeViolations(page), [], 'group page: WCAG 2.1 AA');
    if (process.env.MANDAT_SCREENSHOTS) {
      await page.screenshot({ path: join(process.env.MANDAT_SCREENSHOTS, 'serve-group.png'), fullPage: true });
    }

    const validate = spawnSync(MANDAT, ['-r', root, '--at', AT, 'validate'], { encoding: 'utf8' });
    assert.equal(validate.status, 0, validate.stdout + validate.stderr);
  } finally {
    await context.close();
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});
