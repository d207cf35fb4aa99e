// The public site (`mandat site`, web.md) in a real browser: the registry-example site, with
// minutes, opened from file:// in headless Chromium. Every page passes axe-core at WCAG 2.1 A
// and AA, every internal link (and its #fragment) resolves, nothing overflows sideways on a
// 375-pixel phone or at 400 % zoom (320 CSS pixels), and a screenshot of a group page is kept
// for a person to look at (SITE_SCREENSHOT, else a temporary file; its path is printed).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launch, axeViolations, MANDAT } from './chromium.mjs';

let out;
let work;
let context;

/** Every .html file under dir, relative, sorted. */
function pages(dir) {
  const found = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.html')) found.push(relative(dir, p));
    }
  };
  walk(dir);
  return found;
}

/** The full pages: embed.html is a fragment, checked inside a host page below. */
function fullPages() {
  return pages(out).filter((p) => !p.endsWith('embed.html'));
}

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'mandat-site-'));
  out = join(work, 'site');
  execFileSync(MANDAT, [
    '-r', 'registry-example', '--at', '2026-11-22', 'site', out, '--include-minutes',
  ], { stdio: ['ignore', 'ignore', 'inherit'] });
  context = await launch();
});

after(async () => {
  await context?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

test('the site has an index, a page per group, per region, and the mandate', () => {
  const all = pages(out);
  assert.ok(all.includes('index.html'));
  assert.ok(all.includes('mandate.html'));
  assert.ok(all.includes('groups/nkt-ms/index.html'));
  assert.ok(all.includes('groups/nkt-ms/embed.html'));
  assert.ok(all.includes('regions/helse-nord.html'));
  assert.ok(all.length >= 15, all.join(', '));
});

test('every page passes axe-core at WCAG 2.1 A and AA', async () => {
  const page = await context.newPage();
  for (const rel of fullPages()) {
    await page.goto(pathToFileURL(join(out, rel)).href);
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], `${rel}: ${JSON.stringify(violations, null, 2)}`);
  }
  await page.close();
});

test('axe-core finds violations where there are some (the check is not empty)', async () => {
  const page = await context.newPage();
  const bad = join(work, 'bad.html');
  writeFileSync(bad, '<!DOCTYPE html><html><head><title>x</title></head><body><p style="color:#bbb;background:#fff">pale</p><img src="x.png"><table><tr><th>a</th></tr></table></body></html>');
  await page.goto(pathToFileURL(bad).href);
  const ids = (await axeViolations(page)).map((v) => v.id).sort();
  assert.ok(ids.includes('color-contrast') && ids.includes('html-has-lang') && ids.includes('image-alt'), ids.join(', '));
  await page.close();
});

test('the embeddable table passes axe-core inside a host page', async () => {
  const page = await context.newPage();
  for (const rel of pages(out).filter((p) => p.endsWith('embed.html'))) {
    const fragment = readFileSync(join(out, rel), 'utf8');
    assert.ok(!/<html|<head|<body/i.test(fragment), `${rel} holds a whole document`);
    const host = join(work, 'host.html');
    writeFileSync(host, `<!DOCTYPE html><html lang="nb"><head><meta charset="utf-8"><title>CMS</title></head><body><main><h1>Referansegruppe</h1>${fragment}</main></body></html>`);
    await page.goto(pathToFileURL(host).href);
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], `${rel}: ${JSON.stringify(violations, null, 2)}`);
  }
  await page.close();
});

test('every internal link resolves, fragments included', async () => {
  const page = await context.newPage();
  const ids = new Map();
  const idsOf = async (file) => {
    if (!ids.has(file)) {
      await page.goto(pathToFileURL(file).href);
      ids.set(file, new Set(await page.$$eval('[id]', (els) => els.map((e) => e.id))));
    }
    return ids.get(file);
  };
  let checked = 0;
  for (const rel of fullPages()) {
    await page.goto(pathToFileURL(join(out, rel)).href);
    const hrefs = await page.$$eval('a[href], link[href]', (els) => els.map((e) => e.href));
    for (const href of hrefs) {
      const url = new URL(href);
      assert.equal(url.protocol, 'file:', `${rel} links outside the site: ${href}`);
      const file = fileURLToPath(url);
      assert.ok(file.startsWith(out), `${rel} links outside OUT: ${href}`);
      assert.ok(existsSync(file) && statSync(file).isFile(), `${rel}: ${href} does not exist`);
      if (url.hash) {
        const id = decodeURIComponent(url.hash.slice(1));
        const found = await idsOf(file);
        assert.ok(found.has(id), `${rel}: ${href} has no element #${id}`);
      }
      checked += 1;
    }
  }
  assert.ok(checked > 50, `only ${checked} links checked`);
  await page.close();
});

test('nothing overflows horizontally on a 375-pixel phone, nor at 400 % zoom (320 px)', async () => {
  for (const width of [375, 320]) {
    const page = await context.newPage();
    await page.setViewportSize({ width, height: 800 });
    for (const rel of fullPages()) {
      await page.goto(pathToFileURL(join(out, rel)).href);
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(wide <= width, `${rel} is ${wide} px wide at a ${width}-pixel viewport`);
    }
    await page.close();
  }
});

test('pages load nothing from elsewhere and run no script', () => {
  for (const rel of pages(out)) {
    const html = readFileSync(join(out, rel), 'utf8');
    assert.ok(!/<script|<img|<iframe|javascript:|https?:\/\/[^"]*\.(css|js|woff2?)/i.test(html), rel);
  }
});

test('a screenshot of a group page', async () => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 900, height: 900 });
  await page.goto(pathToFileURL(join(out, 'groups/nkt-ms/index.html')).href);
  const shot = process.env.SITE_SCREENSHOT ?? join(work, 'site-group.png');
  await page.screenshot({ path: shot, fullPage: false });
  assert.ok(statSync(shot).size > 10_000, 'the screenshot is not empty');
  console.log(`screenshot of groups/nkt-ms/index.html: ${resolve(shot)}`);
  await page.close();
});
