// Hostile conditions in the browser (docs/robustness.md): the widget keeps working, says nothing it
// should not, and changes nothing it should not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useBrowser, open, serve, PHONE, ROOT } from './harness.mjs';
import { WidgetPage } from './widget-page.mjs';

const env = useBrowser();

test('blocked storage: the widget works and the language switch still works for the visit', async () => {
  const { page, context, problems } = await open(env.browser, env.server.url, PHONE);
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  const w = new WidgetPage(page);
  await w.open(env.server.url);
  assert.equal(await w.projected('budget-revenue'), '1.260 tỷ đồng');
  await w.language('English');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await w.projected('budget-revenue'), '1,260 billion VND');
  assert.deepEqual(problems, []);
  await context.close();
});

test('full storage: writing the language fails quietly and nothing else changes', async () => {
  const { page, context, problems } = await open(env.browser, env.server.url, PHONE);
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  const w = new WidgetPage(page);
  await w.open(env.server.url);
  await w.language('English');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await w.type('budget-revenue', 'achieved', '700');
  await page.waitForFunction(() => document.querySelector('[data-target="budget-revenue"] .projected').textContent.includes('1,400'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('a flood of messages changes nothing and the page stays responsive', async () => {
  const { page, context, problems } = await open(env.browser, env.server.url, PHONE);
  const w = new WidgetPage(page);
  await w.open(env.server.url);
  const before = await page.locator('#app').innerText();
  await page.evaluate(() => {
    const payloads = ['{"datawrapper-height":{"x":1}}', 'pym:x:height:9999', { scenario: { inputs: {} } }, { lang: 'en' }, null];
    for (let i = 0; i < 20000; i++) window.postMessage(payloads[i % payloads.length], '*');
  });
  await page.waitForTimeout(300);
  assert.equal(await page.locator('#app').innerText(), before, 'the messages changed nothing');
  // Still answering input at once after the flood.
  await w.type('budget-revenue', 'achieved', '900');
  await page.waitForFunction(() => document.querySelector('[data-target="budget-revenue"] .projected').textContent.includes('1.800'));
  await w.type('budget-revenue', 'achieved', '630');
  await page.waitForFunction(() => document.querySelector('[data-target="budget-revenue"] .projected').textContent.includes('1.260'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('nonsense in the query string falls back to the defaults', async () => {
  const { page, context, problems } = await open(env.browser, env.server.url, PHONE);
  const w = new WidgetPage(page);
  await w.open(`${env.server.url}?lang=%3Cscript%3E&lang=xx&unknown=1`);
  assert.equal(await page.getAttribute('html', 'lang'), 'vi');
  assert.equal(await w.projected('budget-revenue'), '1.260 tỷ đồng');
  assert.deepEqual(problems, []);
  await context.close();
});

/**
 * Serves a copy of dist/ changed by `change(dir)` for the test `t`, and removes both when the test
 * ends, passed or failed (an open server would keep the test file from finishing).
 */
async function servedCopy(t, change, options = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'widget-'));
  await cp(join(ROOT, 'dist'), dir, { recursive: true });
  await change(dir);
  const server = await serve(dir, options);
  t.after(async () => {
    await server.close();
    await rm(dir, { recursive: true });
  });
  return server;
}

/** Waits for the skeleton's failure message in `frame` and returns its text and role. */
async function failure(frame) {
  const status = frame.locator('#app[aria-busy="false"] .loading[role="alert"]');
  await status.waitFor();
  return status.innerText();
}

const COULD_NOT_LOAD = 'Không tải được công cụ. Hãy tải lại trang. · The widget could not load. Please reload the page.';

test('a missing glue file: the skeleton says the widget could not load, in both languages', async (t) => {
  const server = await servedCopy(t, (dir) => rm(join(dir, 'pkg', 'widget.js')));
  const { page, context, problems } = await open(env.browser, server.url, PHONE);
  await page.goto(server.url);
  assert.equal(await failure(page), COULD_NOT_LOAD);
  // The only errors are the missing file and the widget's own diagnostic.
  assert.ok(problems.length > 0 && problems.every((p) => /404|plan-widget: the widget could not load/.test(p)), problems.join('\n'));
  await context.close();
});

test('a frame sandboxed without allow-same-origin, on a host with no CORS headers: the frame says the widget could not load', async (t) => {
  // The frame's origin is opaque, so the browser fetches the glue cross-origin and refuses it without
  // Access-Control-Allow-Origin (docs/embed.md says what a host needs).
  const host = '<!doctype html><title>Host</title><link rel="icon" href="data:,"><iframe sandbox="allow-scripts" src="index.html" title="widget" width="360" height="600"></iframe>';
  const server = await servedCopy(t, (dir) => writeFile(join(dir, 'sandboxed.html'), host));
  const { page, context } = await open(env.browser, server.url, PHONE);
  await page.goto(`${server.url}sandboxed.html`);
  assert.equal(await failure(page.frameLocator('iframe')), COULD_NOT_LOAD);
  await context.close();

  // With the header docs/embed.md asks for, the same frame loads the widget (its storage is blocked
  // there, which the widget already works without).
  const cors = await servedCopy(t, (dir) => writeFile(join(dir, 'sandboxed.html'), host), { headers: { 'access-control-allow-origin': '*' } });
  const second = await open(env.browser, cors.url, PHONE);
  await second.page.goto(`${cors.url}sandboxed.html`);
  const frame = second.page.frameLocator('iframe');
  await frame.locator('#app[aria-busy="false"] .widget').waitFor();
  assert.match(await frame.locator('[data-target="budget-revenue"] .projected').innerText(), /1\.260\s+tỷ\s+đồng/);
  assert.deepEqual(second.problems, []);
  await second.context.close();
});

test('messages appear in live regions already on the page, so that screen readers announce them', async () => {
  const { page, context, problems } = await open(env.browser, env.server.url, PHONE);
  const w = new WidgetPage(page);
  await w.open(env.server.url);
  // A field's message: the same element, in the accessibility tree while empty, takes the text.
  await page.evaluate(() => {
    window.__msg = document.getElementById('budget-revenue-achieved-msg');
    window.__status = document.querySelector('.tool-status[role="status"]');
  });
  assert.ok(await page.evaluate(() => window.__msg.getAttribute('aria-live') === 'polite' && getComputedStyle(window.__msg).display !== 'none'));
  await w.type('budget-revenue', 'achieved', '1.75');
  await page.waitForFunction(() => document.getElementById('budget-revenue-achieved-msg').textContent !== '');
  assert.ok(await page.evaluate(() => document.getElementById('budget-revenue-achieved-msg') === window.__msg), 'the message is not a new element');
  // A tool's message: the status region was there, empty, before Save.
  assert.ok(await page.evaluate(() => window.__status && window.__status.textContent === ''));
  await page.click('button[data-arg="saved"]');
  await page.click('button[data-act="save"]');
  await page.waitForFunction(() => /Đã lưu/.test(document.querySelector('.tool-status').textContent));
  assert.ok(await page.evaluate(() => document.querySelector('.tool-status') === window.__status), 'the status region is not a new element');
  assert.deepEqual(problems, []);
  await context.close();
});
